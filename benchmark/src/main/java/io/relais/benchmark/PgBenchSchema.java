package io.relais.benchmark;

/** The row pgbench and the CRUD baseline insert: event-sized, into an append-only table like the event store's. */
public final class PgBenchSchema {

    public static final String TABLE_DDL = """
            CREATE TABLE IF NOT EXISTS bench_event (
                global_index   bigserial   PRIMARY KEY,
                aggregate_id   uuid        NOT NULL,
                sequence       bigint      NOT NULL,
                type           text        NOT NULL,
                payload        jsonb       NOT NULL,
                metadata       jsonb       NOT NULL,
                created_at     timestamptz NOT NULL DEFAULT now(),
                UNIQUE (aggregate_id, sequence)
            )""";

    /** About the size of a serialized TaskRequested with its metadata (~900 bytes). */
    public static final String PAYLOAD = """
            {"taskId":"6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21","title":"Relancer les factures impayées d'octobre",\
            "description":"Clients Dupont et Martin, relance 2, joindre les relevés","type":"PAYMENT_REMINDER",\
            "priority":"HIGH","processId":null,"processVersion":0,"requester":"claire","confidentiality":"INTERNAL",\
            "slaPolicy":"BUSINESS_HOURS(24)","calendar":{"zone":"Europe/Paris","workingHours":["MON-FRI 09:00-18:00"],\
            "holidays":"FR","closedDays":[]},"dueAt":"2026-03-18T13:00:00Z","requestedAt":"2026-03-13T16:00:00Z",\
            "resources":[]}""";
    public static final String METADATA = """
            {"actor":"claire","actorRoles":"REQUESTER","actorOrganisation":"acme",\
            "correlationId":"0b6e2c1d-6a57-4b3e-8f7c-2d4d1f0e9a11","traceId":"0b6e2c1d-6a57-4b3e-8f7c-2d4d1f0e9a11"}""";

    private PgBenchSchema() {
    }
}
