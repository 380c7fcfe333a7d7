package io.relais.query.access;

import static io.relais.query.projection.CloudEventFields.invalid;
import static io.relais.query.projection.CloudEventFields.required;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.access.AccessExpired;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.AccessReviewed;
import io.relais.contract.access.AccessRevoked;
import io.relais.query.projection.CloudEventFields;
import io.relais.query.projection.ContractJson;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads a CloudEvent of the access topic into an {@link AccessEvent}, checking what the contract promises, so that
 * the registry only ever holds complete rows. A broken promise is an
 * {@link io.relais.query.projection.InvalidRecordException}: the record is skipped rather than retried.
 */
@Component
class AccessEventDecoder {

    private final ObjectMapper json = ContractJson.mapper();

    AccessEvent decode(CloudEvent event) {
        String aggregateId = CloudEventFields.subject(event);
        long sequence = CloudEventFields.sequence(event);
        Optional<EventType> type = EventType.ofCloudEventType(event.getType());
        if (type.isEmpty()) {
            return new AccessEvent.Unknown(aggregateId, sequence, event.getType());
        }
        UUID grantId = CloudEventFields.subjectUuid(aggregateId, event);
        // An exhaustive switch: a type added to the catalogue does not compile until it is decided here.
        Object payload = switch (type.get()) {
            case ACCESS_GRANTED -> {
                AccessGranted data = data(event, grantId, AccessGranted.class, AccessGranted::grantId);
                required(data.principal(), "data.principal", event);
                required(data.resource(), "data.resource", event);
                required(data.level(), "data.level", event);
                if (data.expiresAt() != null && data.grantedAt() != null && !data.expiresAt().isAfter(data.grantedAt())) {
                    throw invalid(event, "data.expiresAt " + data.expiresAt() + " is not after data.grantedAt "
                            + data.grantedAt());
                }
                yield data;
            }
            case ACCESS_REVOKED -> data(event, grantId, AccessRevoked.class, AccessRevoked::grantId);
            case ACCESS_EXPIRED -> data(event, grantId, AccessExpired.class, AccessExpired::grantId);
            case ACCESS_REVIEWED -> {
                AccessReviewed data = data(event, grantId, AccessReviewed.class, AccessReviewed::grantId);
                required(data.decision(), "data.decision", event);
                yield data;
            }
            // Events of other aggregates have topics of their own (Topics.forAggregateType): here, a misroute.
            case TASK_REQUESTED, TASK_ASSIGNED, TASK_STARTED, TASK_PUT_ON_HOLD, TASK_RESUMED, TASK_COMPLETED,
                    TASK_APPROVED, TASK_REWORK_REQUESTED, TASK_ESCALATED, TASK_REPRIORITIZED, TASK_CANCELLED,
                    TASK_RATED, INCIDENT_REPORTED, TASK_ACCESS_LOST, PROCESS_DEFINED, PROCESS_REVISED,
                    PROCESS_RETIRED, PROCESS_OCCURRENCE_DUE, ENGAGEMENT_STARTED, ENGAGEMENT_ENDED, PERSONAL_DATA_ERASED ->
                    throw invalid(event, "a " + type.get().aggregateType() + " event has no place on the access topic");
        };
        CloudEventFields.Attributes recorded = CloudEventFields.attributes(event, AccessStep.statedAt(payload));
        AccessStep step = AccessStep.of(payload, recorded.actor(), recorded.occurredAt());
        return new AccessEvent.Known(aggregateId, sequence, recorded, chainPosition(event), step);
    }

    /** {@code ce_chainposition}, kept with the history so that an auditor can find the event in the trail. */
    private static Long chainPosition(CloudEvent event) {
        String value = CloudEventFields.extension(event, CloudEventAttributes.CHAIN_POSITION);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(event, CloudEventAttributes.CHAIN_POSITION + " is not a number: '" + value + "'");
        }
    }

    /** The data as the contract record {@code type}, about the grant the subject names. */
    private <T> T data(CloudEvent event, UUID grantId, Class<T> type, Function<T, String> grantIdOf) {
        T payload = CloudEventFields.data(event, type, json);
        CloudEventFields.sameAggregate(grantIdOf.apply(payload), "data.grantId", grantId, event);
        return payload;
    }
}
