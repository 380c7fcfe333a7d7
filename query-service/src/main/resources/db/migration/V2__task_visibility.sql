-- Who may see a task (object-level rules): its requester sees it, and so does the provider organisation it
-- is assigned to. Both come from the events' actor attributes, never from a request.
ALTER TABLE task_projection ADD COLUMN requested_by text;
ALTER TABLE task_projection ADD COLUMN requester_organisation text;
-- Set when the task is assigned to a provider's agent (task assignment events).
ALTER TABLE task_projection ADD COLUMN assigned_organisation text;

CREATE INDEX task_projection_requested_by_idx ON task_projection (requested_by, requested_at DESC);
CREATE INDEX task_projection_assigned_organisation_idx ON task_projection (assigned_organisation, requested_at DESC);
