package io.relais.query.engagement;

import static io.relais.query.projection.CloudEventFields.invalid;
import static io.relais.query.projection.CloudEventFields.required;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.relais.contract.EventType;
import io.relais.contract.engagement.EngagementEnded;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.query.projection.CloudEventFields;
import io.relais.query.projection.ContractJson;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads a CloudEvent of the engagement topic into an {@link EngagementEvent}, checking what the contract promises,
 * so that the projection only ever holds complete rows. A broken promise is an
 * {@link io.relais.query.projection.InvalidRecordException}: the record is skipped rather than retried.
 */
@Component
class EngagementEventDecoder {

    private final ObjectMapper json = ContractJson.mapper();

    EngagementEvent decode(CloudEvent event) {
        String aggregateId = CloudEventFields.subject(event);
        long sequence = CloudEventFields.sequence(event);
        Optional<EventType> type = EventType.ofCloudEventType(event.getType());
        if (type.isEmpty()) {
            return new EngagementEvent.Unknown(aggregateId, sequence, event.getType());
        }
        UUID engagementId = CloudEventFields.subjectUuid(aggregateId, event);
        // An exhaustive switch: a type added to the catalogue does not compile until it is decided here.
        return switch (type.get()) {
            case ENGAGEMENT_STARTED -> {
                EngagementStarted data = data(event, engagementId, EngagementStarted.class,
                        EngagementStarted::engagementId);
                required(data.providerOrganisation(), "data.providerOrganisation", event);
                requireRate(data.internalHourlyRate(), "data.internalHourlyRate", event);
                requireRate(data.providerHourlyRate(), "data.providerHourlyRate", event);
                required(data.calendar(), "data.calendar", event);
                required(data.startsOn(), "data.startsOn", event);
                yield new EngagementEvent.Started(engagementId, sequence,
                        CloudEventFields.attributes(event, data.startedAt()), data);
            }
            case ENGAGEMENT_ENDED -> {
                EngagementEnded data = data(event, engagementId, EngagementEnded.class, EngagementEnded::engagementId);
                yield new EngagementEvent.Ended(engagementId, sequence,
                        CloudEventFields.attributes(event, data.endedAt()), data);
            }
            // Events of other aggregates have topics of their own (Topics.forAggregateType): here, a misroute.
            case TASK_REQUESTED, TASK_ASSIGNED, TASK_STARTED, TASK_PUT_ON_HOLD, TASK_RESUMED, TASK_COMPLETED,
                    TASK_APPROVED, TASK_REWORK_REQUESTED, TASK_ESCALATED, TASK_REPRIORITIZED, TASK_CANCELLED,
                    TASK_RATED, INCIDENT_REPORTED, TASK_ACCESS_LOST, PROCESS_DEFINED, PROCESS_REVISED, PROCESS_RETIRED,
                    PROCESS_OCCURRENCE_DUE, ACCESS_GRANTED, ACCESS_REVOKED, ACCESS_EXPIRED, ACCESS_REVIEWED, PERSONAL_DATA_ERASED ->
                    throw invalid(event, "a " + type.get().aggregateType()
                            + " event has no place on the engagement topic");
        };
    }

    /** Costs and savings are computed from the rates: a missing or negative one would make them lie. */
    private static void requireRate(BigDecimal rate, String name, CloudEvent event) {
        required(rate, name, event);
        if (rate.signum() < 0) {
            throw invalid(event, name + " is negative: " + rate.toPlainString());
        }
    }

    /** The data as the contract record {@code type}, about the engagement the subject names. */
    private <T> T data(CloudEvent event, UUID engagementId, Class<T> type, Function<T, String> engagementIdOf) {
        T payload = CloudEventFields.data(event, type, json);
        CloudEventFields.sameAggregate(engagementIdOf.apply(payload), "data.engagementId", engagementId, event);
        return payload;
    }
}
