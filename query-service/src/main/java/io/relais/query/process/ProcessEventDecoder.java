package io.relais.query.process;

import static io.relais.query.projection.CloudEventFields.invalid;
import static io.relais.query.projection.CloudEventFields.required;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.relais.contract.EventType;
import io.relais.contract.process.Procedure;
import io.relais.contract.process.ProcessDefined;
import io.relais.contract.process.ProcessOccurrenceDue;
import io.relais.contract.process.ProcessRetired;
import io.relais.contract.process.ProcessRevised;
import io.relais.query.projection.CloudEventFields;
import io.relais.query.projection.ContractJson;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads a CloudEvent of the process topic into a {@link ProcessEvent}, checking what the contract promises, so
 * that the catalogue only ever holds complete rows. A broken promise is an
 * {@link io.relais.query.projection.InvalidRecordException}: the record is skipped rather than retried.
 */
@Component
class ProcessEventDecoder {

    private final ObjectMapper json = ContractJson.mapper();

    ProcessEvent decode(CloudEvent event) {
        String aggregateId = CloudEventFields.subject(event);
        long sequence = CloudEventFields.sequence(event);
        Optional<EventType> type = EventType.ofCloudEventType(event.getType());
        if (type.isEmpty()) {
            return new ProcessEvent.Unknown(aggregateId, sequence, event.getType());
        }
        UUID processId = CloudEventFields.subjectUuid(aggregateId, event);
        // An exhaustive switch: a type added to the catalogue does not compile until it is decided here.
        return switch (type.get()) {
            case PROCESS_DEFINED -> {
                ProcessDefined data = data(event, processId, ProcessDefined.class, ProcessDefined::processId);
                requireVersion(data.version(), event);
                requireProcedure(data.procedure(), event);
                yield new ProcessEvent.Defined(processId, sequence,
                        CloudEventFields.attributes(event, data.definedAt()), data);
            }
            case PROCESS_REVISED -> {
                ProcessRevised data = data(event, processId, ProcessRevised.class, ProcessRevised::processId);
                requireVersion(data.version(), event);
                requireProcedure(data.procedure(), event);
                yield new ProcessEvent.Revised(processId, sequence,
                        CloudEventFields.attributes(event, data.revisedAt()), data);
            }
            case PROCESS_RETIRED -> {
                ProcessRetired data = data(event, processId, ProcessRetired.class, ProcessRetired::processId);
                yield new ProcessEvent.Retired(processId, sequence,
                        CloudEventFields.attributes(event, data.retiredAt()), data);
            }
            case PROCESS_OCCURRENCE_DUE -> {
                ProcessOccurrenceDue data = data(event, processId, ProcessOccurrenceDue.class,
                        ProcessOccurrenceDue::processId);
                requireVersion(data.version(), event);
                required(data.occurrenceAt(), "data.occurrenceAt", event);
                required(data.firedAt(), "data.firedAt", event);
                UUID taskId = CloudEventFields.uuid(data.taskId(), "data.taskId", event);
                yield new ProcessEvent.OccurrenceDue(processId, sequence,
                        CloudEventFields.attributes(event, data.firedAt()), data, taskId);
            }
            // Events of other aggregates have topics of their own (Topics.forAggregateType): here, a misroute.
            case TASK_REQUESTED, TASK_ASSIGNED, TASK_STARTED, TASK_PUT_ON_HOLD, TASK_RESUMED, TASK_COMPLETED,
                    TASK_APPROVED, TASK_REWORK_REQUESTED, TASK_ESCALATED, TASK_REPRIORITIZED, TASK_CANCELLED,
                    TASK_RATED, INCIDENT_REPORTED, TASK_ACCESS_LOST, ENGAGEMENT_STARTED, ENGAGEMENT_ENDED, ACCESS_GRANTED,
                    ACCESS_REVOKED, ACCESS_EXPIRED, ACCESS_REVIEWED, PERSONAL_DATA_ERASED ->
                    throw invalid(event, "a " + type.get().aggregateType() + " event has no place on the process topic");
        };
    }

    /** What the catalogue shows and filters by: without them a procedure cannot be listed. */
    private static void requireProcedure(Procedure procedure, CloudEvent event) {
        required(procedure, "data.procedure", event);
        required(procedure.title(), "data.procedure.title", event);
        required(procedure.taskType(), "data.procedure.taskType", event);
        required(procedure.slaPolicy(), "data.procedure.slaPolicy", event);
    }

    private static void requireVersion(int version, CloudEvent event) {
        if (version < 1) {
            throw invalid(event, "data.version must be 1 or more: " + version);
        }
    }

    /** The data as the contract record {@code type}, about the procedure the subject names. */
    private <T> T data(CloudEvent event, UUID processId, Class<T> type, Function<T, String> processIdOf) {
        T payload = CloudEventFields.data(event, type, json);
        CloudEventFields.sameAggregate(processIdOf.apply(payload), "data.processId", processId, event);
        return payload;
    }
}
