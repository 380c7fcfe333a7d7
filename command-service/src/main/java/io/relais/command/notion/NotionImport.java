package io.relais.command.notion;

import io.relais.command.notion.NotionImportReport.Include;
import io.relais.command.notion.NotionImportReport.Item;
import io.relais.command.notion.NotionImportReport.Outcome;
import io.relais.command.process.ProcedureBody;
import io.relais.command.process.ProcessCatalog;
import io.relais.command.process.ProcessCommands.DefineProcess;
import io.relais.command.sla.SlaSettings;
import io.relais.command.task.TaskBodies.RequestTaskBody;
import io.relais.command.task.TaskRequests;
import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import io.relais.contract.notion.BackOfficeOpsColumn;
import io.relais.contract.task.TaskPriority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;

/**
 * Imports a Notion export: SOP pages become procedures, rows of "Back-office Ops" become task requests. Everything
 * is planned and checked first (the dry run answers that plan); applying sends the very commands
 * {@code POST /api/processes} and {@code POST /api/tasks} send, as the caller, through the command gateway.
 *
 * <p><b>All or nothing.</b> Applying refuses the whole import when any planned item has an error: fixing the rows in
 * Notion and exporting again is how an SME works, and a half-imported board would be harder to reconcile.
 * <b>Idempotent.</b> Ids are derived from the export (the SOP page's Notion id; the database id, the row's title
 * and its rank among rows of that title), so importing the same export again finds what it created and skips it.
 */
@Service
class NotionImport {

    private static final String SOP_NAMESPACE = "relais:notion:sop:";
    private static final String ROW_NAMESPACE = "relais:notion:row:";
    private static final Set<String> NOT_STARTED = Set.of("", "a faire", "to do", "todo", "not started",
            "pas commence", "requested", "nouveau", "new");

    private final CommandGateway commands;
    private final TaskRequests tasks;
    private final ProcessCatalog catalog;
    private final EventStore events;
    private final Validator validator;
    private final Clock clock;
    private final SlaSettings sla;
    private final NotionImportSettings settings;

    NotionImport(CommandGateway commands, TaskRequests tasks, ProcessCatalog catalog, EventStore events,
                 Validator validator, Clock clock, SlaSettings sla, NotionImportSettings settings) {
        this.commands = commands;
        this.tasks = tasks;
        this.catalog = catalog;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
        this.sla = sla;
        this.settings = settings;
    }

    /**
     * @throws NotionExportRefused    the upload is no export this import reads (nothing planned, nothing written)
     * @throws NotionImportForbidden  when the caller's roles do not allow what {@code include} imports
     * @throws NotionImportInvalid    applying, when any item has an error (nothing written)
     */
    NotionImportReport run(byte[] zip, Include include, boolean dryRun, Actor actor) {
        requireRoles(include, actor);
        NotionExport export = NotionArchive.read(zip, settings);
        Plan plan = plan(export, include);
        if (dryRun) {
            return plan.report(true);
        }
        if (plan.report(false).summary().errors() > 0) {
            throw new NotionImportInvalid(plan.report(false));
        }
        plan.apply(actor);
        return plan.report(false);
    }

    private static void requireRoles(Include include, Actor actor) {
        List<String> missing = new ArrayList<>();
        if (include.sops() && !actor.has(Role.ADMIN)) {
            missing.add("SOP pages define procedures, which needs the ADMIN role (as POST /api/processes)");
        }
        if (include.rows() && !actor.has(Role.APPROVER)) {
            missing.add("rows request tasks, which needs the APPROVER role (as POST /api/tasks for a whole board)");
        }
        if (!missing.isEmpty()) {
            throw new NotionImportForbidden("Importing with include=" + include + ": " + String.join("; ", missing)
                    + ". Your roles: " + actor.rolesAsText() + ". Import include=SOPS as an administrator and "
                    + "include=ROWS as an approver.");
        }
    }

    // ---------------------------------------------------------------- planning

    private Plan plan(NotionExport export, Include include) {
        String databaseTitle = export.database().map(NotionExport.File::title).orElse(NotionArchive.DATABASE_NAME);
        List<SopPage> pages = export.pages().stream()
                .filter(page -> !page.folder().equalsIgnoreCase(databaseTitle))
                .map(page -> SopPage.parse(page, sla.defaultPolicy()))
                .toList();
        List<String> ignoredFiles = new ArrayList<>(export.ignored());
        export.pages().stream().filter(page -> page.folder().equalsIgnoreCase(databaseTitle))
                .forEach(page -> ignoredFiles.add(page.path()));
        Plan plan = new Plan(include, ignoredFiles);
        plan.database = export.database().map(NotionExport.File::path).orElse(null);

        Rows rows = include.rows() ? rows(export) : Rows.NONE;
        plan.columns.putAll(rows.columnNames);
        plan.ignoredColumns.addAll(rows.ignoredColumns);

        Map<String, SopPage> byId = new HashMap<>();
        Map<String, SopPage> byTitle = new HashMap<>();
        for (SopPage page : pages) {
            if (page.file().notionId() != null) {
                byId.putIfAbsent(page.file().notionId(), page);
            }
            byTitle.putIfAbsent(NotionValues.plain(page.title()), page);
        }
        // Which page each row points at, before pages are judged: a linked page is a SOP even without steps.
        Map<NotionCsv.Record, SopLink> links = new LinkedHashMap<>();
        Set<SopPage> linked = new java.util.HashSet<>();
        for (NotionCsv.Record record : rows.records) {
            SopLink link = link(rows.cell(record, BackOfficeOpsColumn.SOP), byId, byTitle);
            links.put(record, link);
            if (link.page() != null) {
                linked.add(link.page());
            }
        }
        Map<SopPage, Item> sopItems = new LinkedHashMap<>();
        for (SopPage page : pages) {
            Item item = planSop(page, include, page.hasSteps() || linked.contains(page));
            sopItems.put(page, item);
            plan.sops.add(item);
            if (item.outcome() == Outcome.WOULD_CREATE) {
                plan.procedures.put(item, page.procedure());
            }
        }
        Map<String, Integer> ranks = new HashMap<>();
        String databaseKey = export.database().map(file -> file.notionId() != null ? file.notionId() : file.path())
                .orElse("");
        for (NotionCsv.Record record : rows.records) {
            String title = rows.cell(record, BackOfficeOpsColumn.TITLE).strip();
            int rank = ranks.merge(NotionValues.plain(title), 1, Integer::sum);
            UUID taskId = uuid(ROW_NAMESPACE + databaseKey + ":" + NotionValues.plain(title) + ":" + rank);
            planRow(plan, rows, record, title, taskId, links.get(record), sopItems);
        }
        return plan;
    }

    private Item planSop(SopPage page, Include include, boolean isSop) {
        String file = page.file().path();
        if (!isSop) {
            return new Item(file, null, page.title(), Outcome.IGNORED, null, null, List.of(),
                    List.of("Not a SOP: no steps section (Étapes) and no row links to it"));
        }
        String processId = uuid(SOP_NAMESPACE + (page.file().notionId() != null ? page.file().notionId() : file))
                .toString();
        if (exists(processId)) {
            boolean inForce = catalog.inForce(processId).isPresent();
            return new Item(file, null, page.title(), Outcome.SKIPPED_DUPLICATE, processId, null, List.of(),
                    List.of(inForce ? "Imported before" : "Imported before, and retired since"));
        }
        Optional<ProcessCatalog.ProcessInForce> sameTitle = catalog.inForceByTitle(page.title());
        if (sameTitle.isPresent()) {
            return new Item(file, null, page.title(), Outcome.SKIPPED_DUPLICATE, sameTitle.get().processId(), null,
                    List.of(), List.of("A procedure titled \"" + sameTitle.get().title() + "\" is already in force "
                    + "(version " + sameTitle.get().version() + "): rows linking to this page follow it"));
        }
        if (!include.sops()) {
            return new Item(file, null, page.title(), Outcome.IGNORED, processId, null, List.of(),
                    List.of("Not imported with include=ROWS: import it with include=SOPS first"));
        }
        List<String> errors = new ArrayList<>(page.errors());
        for (ConstraintViolation<ProcedureBody> violation : validator.validate(page.procedure())) {
            String field = violation.getPropertyPath().toString();
            String value = violation.getInvalidValue() instanceof String text ? " (\"" + abbreviate(text) + "\")" : "";
            errors.add(sectionOf(field) + value + ": " + violation.getMessage());
        }
        errors.sort(null);
        if (!errors.isEmpty()) {
            return new Item(file, null, page.title(), Outcome.ERROR, null, null, List.copyOf(errors), page.notes());
        }
        return new Item(file, null, page.title(), Outcome.WOULD_CREATE, processId, null, List.of(), page.notes());
    }

    private void planRow(Plan plan, Rows rows, NotionCsv.Record record, String title, UUID taskId, SopLink link,
                         Map<SopPage, Item> sopItems) {
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String file = plan.database;
        if (title.isEmpty()) {
            errors.add(column(BackOfficeOpsColumn.TITLE) + " is empty: every row needs a title");
        }
        String relaisId = rows.cell(record, BackOfficeOpsColumn.RELAIS_ID).strip();
        if (!relaisId.isEmpty()) {
            Optional<UUID> id = parseUuid(relaisId);
            if (id.isPresent() && exists(id.get().toString())) {
                plan.rows.add(new Item(file, record.line(), title, Outcome.SKIPPED_DUPLICATE, id.get().toString(),
                        null, List.of(), List.of("Already in Relais: the board export wrote this row")));
                return;
            }
            errors.add(column(BackOfficeOpsColumn.RELAIS_ID) + " \"" + relaisId + "\" names no task of this Relais; "
                    + "clear the cell to import the row as a new task");
        }
        if (exists(taskId.toString())) {
            plan.rows.add(new Item(file, record.line(), title, Outcome.SKIPPED_DUPLICATE, taskId.toString(), null,
                    List.of(), List.of("Imported before")));
            return;
        }

        String processId = null;
        Optional<ProcessCatalog.ProcessInForce> inForce = Optional.empty();
        if (link.error() != null) {
            errors.add(column(BackOfficeOpsColumn.SOP) + " " + link.error());
        } else if (link.page() != null) {
            Item sop = sopItems.get(link.page());
            switch (sop.outcome()) {
                case WOULD_CREATE, SKIPPED_DUPLICATE -> processId = sop.id();
                case ERROR -> errors.add(column(BackOfficeOpsColumn.SOP) + " links to the page \"" + sop.title()
                        + "\" (" + sop.file() + "), which has errors: see its entry");
                default -> errors.add(column(BackOfficeOpsColumn.SOP) + " links to the page \"" + sop.title()
                        + "\", which is not imported yet: import the SOP pages first (include=SOPS, as ADMIN)");
            }
            if (processId != null && sop.outcome() == Outcome.SKIPPED_DUPLICATE) {
                inForce = catalog.inForce(processId);
                if (inForce.isEmpty()) {
                    errors.add(column(BackOfficeOpsColumn.SOP) + " links to \"" + sop.title()
                            + "\", a procedure that is retired: no task can be opened under it");
                    processId = null;
                }
            }
        } else if (link.existing() != null) {
            inForce = link.existing();
            processId = inForce.get().processId();
        }

        String priorityCell = rows.cell(record, BackOfficeOpsColumn.PRIORITY).strip();
        TaskPriority priority = null;
        if (!priorityCell.isEmpty()) {
            priority = NotionValues.priority(priorityCell).orElse(null);
            if (priority == null) {
                errors.add(column(BackOfficeOpsColumn.PRIORITY) + ": unknown priority \"" + priorityCell
                        + "\"; expected one of " + Arrays.toString(TaskPriority.values())
                        + " (or Basse, Normale, Haute, Critique, Urgente)");
            }
        }
        String typeCell = rows.cell(record, BackOfficeOpsColumn.TYPE).strip();
        String slaCell = rows.cell(record, BackOfficeOpsColumn.SLA).strip();
        String type = null;
        String slaPolicy = null;
        if (processId == null) {
            if (typeCell.isEmpty() && link.error() == null) {
                errors.add(column(BackOfficeOpsColumn.TYPE) + " is empty: a row without a SOP needs a type");
            }
            type = typeCell.isEmpty() ? null : NotionValues.taskType(typeCell);
            if (!slaCell.isEmpty()) {
                slaPolicy = NotionValues.slaPolicy(slaCell).orElse(null);
                if (slaPolicy == null) {
                    errors.add(column(BackOfficeOpsColumn.SLA) + ": \"" + slaCell + "\" is no SLA Relais knows; write "
                            + "e.g. \"24h ouvrées\", \"J+2\", \"sous 48h\" or BUSINESS_HOURS(24)");
                }
            }
        } else {
            String sopType = inForce.map(ProcessCatalog.ProcessInForce::taskType)
                    .orElseGet(() -> link.page() == null ? null : link.page().procedure().taskType());
            if (!typeCell.isEmpty() && sopType != null && !NotionValues.taskType(typeCell).equals(sopType)) {
                notes.add("Type \"" + typeCell + "\" differs from the SOP's " + sopType + ": the SOP's applies");
            }
            if (!slaCell.isEmpty()) {
                notes.add("SLA comes from the SOP; the cell \"" + slaCell + "\" is not used");
            }
        }
        String dueCell = rows.cell(record, BackOfficeOpsColumn.DUE).strip();
        if (!dueCell.isEmpty()) {
            Optional<Instant> due = NotionValues.instant(dueCell, sla.zoneId());
            if (due.isEmpty()) {
                errors.add(column(BackOfficeOpsColumn.DUE) + ": \"" + dueCell + "\" is not a date; write e.g. "
                        + "\"November 23, 2026 9:00 AM\", \"November 23, 2026\" or 2026-11-23");
            } else if (processId == null && slaPolicy == null) {
                Instant now = clock.instant();
                long hours = (Duration.between(now, due.get()).toMinutes() + 59) / 60;
                if (!due.get().isAfter(now)) {
                    errors.add(column(BackOfficeOpsColumn.DUE) + ": \"" + dueCell + "\" is past; the SLA of a task "
                            + "without SOP is counted from its due date");
                } else if (hours > 9999) {
                    errors.add(column(BackOfficeOpsColumn.DUE) + ": \"" + dueCell + "\" is more than 9999 hours away");
                } else {
                    slaPolicy = "CALENDAR_HOURS(" + hours + ")";
                    notes.add("SLA " + slaPolicy + ", from the due date");
                }
            } else {
                notes.add("Due date not used: the SLA decides when the task is due");
            }
        }
        String status = rows.cell(record, BackOfficeOpsColumn.STATUS).strip();
        if (!NOT_STARTED.contains(NotionValues.plain(status))) {
            notes.add("Statut \"" + status + "\" is not imported: the task starts REQUESTED");
        }
        String owner = rows.cell(record, BackOfficeOpsColumn.OWNER).strip();
        if (!owner.isEmpty()) {
            notes.add("Owner \"" + owner + "\" is not assigned by the import: assign the task once requested");
        }
        String description = rows.cell(record, BackOfficeOpsColumn.DESCRIPTION).strip();
        RequestTaskBody body = new RequestTaskBody(title, description.isEmpty() ? null : description, type, priority,
                processId == null ? null : UUID.fromString(processId), null, slaPolicy);
        if (errors.isEmpty()) {
            for (ConstraintViolation<RequestTaskBody> violation : validator.validate(body)) {
                String field = violation.getPropertyPath().toString();
                String value = violation.getInvalidValue() instanceof String text ? " \"" + abbreviate(text) + "\"" : "";
                errors.add(columnOf(field) + value + ": " + violation.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            plan.rows.add(new Item(file, record.line(), title, Outcome.ERROR, null, processId, List.copyOf(errors),
                    List.copyOf(notes)));
            return;
        }
        Item item = new Item(file, record.line(), title, Outcome.WOULD_CREATE, taskId.toString(), processId,
                List.of(), List.copyOf(notes));
        plan.rows.add(item);
        plan.requests.put(item, body);
    }

    /** The page a row's SOP cell points to: in the export (by Notion id, then title), else a procedure in force. */
    private SopLink link(String cell, Map<String, SopPage> byId, Map<String, SopPage> byTitle) {
        List<NotionValues.PageReference> references = NotionValues.pageReferences(cell);
        if (references.isEmpty()) {
            return SopLink.NONE;
        }
        if (references.size() > 1) {
            return SopLink.error("\"" + abbreviate(cell) + "\" links " + references.size()
                    + " pages; a task follows one SOP");
        }
        NotionValues.PageReference reference = references.get(0);
        if (reference.notionId() != null) {
            SopPage page = byId.get(reference.notionId());
            return page != null ? new SopLink(page, null, null)
                    : SopLink.error("links to the page \"" + reference.text() + "\" (" + reference.notionId()
                    + "), which is not in the export: export the SOP pages with the database");
        }
        SopPage page = byTitle.get(NotionValues.plain(reference.text()));
        if (page != null) {
            return new SopLink(page, null, null);
        }
        return catalog.inForceByTitle(reference.text())
                .map(process -> new SopLink(null, Optional.of(process), null))
                .orElseGet(() -> SopLink.error("\"" + reference.text() + "\" names no SOP page of the export and no "
                        + "procedure in force"));
    }

    private record SopLink(SopPage page, Optional<ProcessCatalog.ProcessInForce> existing, String error) {
        static final SopLink NONE = new SopLink(null, null, null);

        static SopLink error(String message) {
            return new SopLink(null, null, message);
        }
    }

    /** The database CSV: header read into columns, rows after it. */
    private Rows rows(NotionExport export) {
        NotionExport.File database = export.database().orElseThrow(() -> NotionExportRefused.invalid(
                "The ZIP archive holds no database CSV: export the \"" + NotionArchive.DATABASE_NAME
                        + "\" database (Export → Markdown & CSV), or import its SOP pages alone with include=SOPS"));
        List<NotionCsv.Record> records = NotionCsv.parse(database.text());
        if (records.isEmpty()) {
            throw NotionExportRefused.invalid("The database CSV '" + database.path() + "' is empty: it has no header");
        }
        NotionCsv.Record header = records.get(0);
        Map<BackOfficeOpsColumn, Integer> indexes = new EnumMap<>(BackOfficeOpsColumn.class);
        Map<String, String> names = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip();
            Optional<BackOfficeOpsColumn> column = BackOfficeOpsColumn.recognise(name);
            if (column.isEmpty()) {
                ignored.add(name);
                continue;
            }
            if (indexes.containsKey(column.get())) {
                throw NotionExportRefused.invalid("The database CSV's header names the column "
                        + column(column.get()) + " twice (\"" + header.cells().get(indexes.get(column.get())).strip()
                        + "\" and \"" + name + "\")");
            }
            indexes.put(column.get(), i);
            names.put(name, column.get().header());
        }
        if (!indexes.containsKey(BackOfficeOpsColumn.TITLE)) {
            throw NotionExportRefused.invalid("The database CSV '" + database.path() + "' has no title "
                    + column(BackOfficeOpsColumn.TITLE) + " (or " + String.join(", ",
                    BackOfficeOpsColumn.TITLE.aliases()) + "); its header is: " + String.join(", ", header.cells()));
        }
        List<NotionCsv.Record> rows = records.subList(1, records.size()).stream()
                .filter(record -> !record.blank()).toList();
        if (rows.size() > settings.maxRows()) {
            throw NotionExportRefused.tooLarge("The database CSV has " + rows.size() + " rows; at most "
                    + settings.maxRows() + " are imported at once (relais.notion.max-rows)");
        }
        return new Rows(rows, indexes, names, ignored);
    }

    private record Rows(List<NotionCsv.Record> records, Map<BackOfficeOpsColumn, Integer> indexes,
                        Map<String, String> columnNames, List<String> ignoredColumns) {
        static final Rows NONE = new Rows(List.of(), Map.of(), Map.of(), List.of());

        String cell(NotionCsv.Record record, BackOfficeOpsColumn column) {
            Integer index = indexes.get(column);
            return index == null ? "" : record.cell(index);
        }
    }

    // ---------------------------------------------------------------- applying

    private final class Plan {
        final Include include;
        final List<String> ignoredFiles;
        String database;
        final Map<String, String> columns = new LinkedHashMap<>();
        final List<String> ignoredColumns = new ArrayList<>();
        final List<Item> sops = new ArrayList<>();
        final List<Item> rows = new ArrayList<>();
        final Map<Item, ProcedureBody> procedures = new LinkedHashMap<>();
        final Map<Item, RequestTaskBody> requests = new LinkedHashMap<>();

        Plan(Include include, List<String> ignoredFiles) {
            this.include = include;
            this.ignoredFiles = ignoredFiles;
        }

        /** Procedures first: the rows that follow them need them in force. */
        void apply(Actor actor) {
            for (int i = 0; i < sops.size(); i++) {
                Item item = sops.get(i);
                ProcedureBody procedure = procedures.get(item);
                if (procedure != null) {
                    sops.set(i, created(item, () -> commands.sendAndWait(new DefineProcess(item.id(),
                            procedure.toProcedure(), actor.name(), clock.instant(), sla.zoneId()))));
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                Item item = rows.get(i);
                RequestTaskBody request = requests.get(item);
                if (request != null) {
                    rows.set(i, created(item, () -> tasks.request(request, UUID.fromString(item.id()))));
                }
            }
        }

        /** A concurrent import of the same export may have created it since it was planned: then it is skipped. */
        private Item created(Item item, Runnable command) {
            try {
                command.run();
                return item.with(Outcome.CREATED);
            } catch (AggregateStreamCreationException | ConcurrencyException createdMeanwhile) {
                return item.with(Outcome.SKIPPED_DUPLICATE);
            }
        }

        NotionImportReport report(boolean dryRun) {
            return new NotionImportReport(dryRun, include, database, Map.copyOf(columns), List.copyOf(ignoredColumns),
                    List.copyOf(ignoredFiles), NotionImportReport.Summary.of(sops, rows), List.copyOf(sops),
                    List.copyOf(rows));
        }
    }

    // ---------------------------------------------------------------- helpers

    private boolean exists(String aggregateId) {
        return events.lastSequenceNumberFor(aggregateId).isPresent();
    }

    static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }

    private static String column(BackOfficeOpsColumn column) {
        return "column \"" + column.header() + "\"";
    }

    private static String columnOf(String field) {
        return switch (field) {
            case "title" -> column(BackOfficeOpsColumn.TITLE);
            case "description" -> column(BackOfficeOpsColumn.DESCRIPTION);
            case "type" -> column(BackOfficeOpsColumn.TYPE);
            case "priority" -> column(BackOfficeOpsColumn.PRIORITY);
            case "slaPolicy" -> column(BackOfficeOpsColumn.SLA);
            case "processId" -> column(BackOfficeOpsColumn.SOP);
            default -> "'" + field + "'";
        };
    }

    /** Where in a SOP page a procedure field comes from, as the README's mapping names it. */
    private static String sectionOf(String field) {
        String root = field.replaceAll("\\[.*", "").replaceAll("\\..*", "");
        return switch (root) {
            case "title" -> "title (# heading)";
            case "objective" -> "Objectif";
            case "scope" -> "Périmètre";
            case "taskType" -> "Type";
            case "slaPolicy" -> "SLA";
            case "raci" -> "RACI (" + field.substring(field.indexOf('.') + 1).replaceAll("\\[.*", "") + ")";
            case "resources" -> "Accès";
            case "tools" -> "Outils";
            case "templates" -> "Modèles";
            case "steps" -> "Étapes";
            case "qualityChecks" -> "Contrôles qualité";
            case "kpis" -> "KPI";
            case "annexes" -> "Annexes";
            default -> field;
        } + (field.contains("[") && !root.equals("raci") ? " item " + field.replaceAll(".*\\[(\\d+)].*", "$1") : "");
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }
}
