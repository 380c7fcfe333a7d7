package io.relais.query.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.relais.contract.EventType;
import io.relais.contract.Topics;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.contract.sla.CalendarSpec;
import io.relais.query.ContractEvents;
import io.relais.query.projection.InvalidRecordException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The two engagement events of the contract, from their JSON examples as published (binary mode through Kafka). */
class EngagementEventDecoderTest {

    /** The engagement of the contract's examples. */
    private static final String ENGAGEMENT_ID = "0a9b8c7d-6e5f-4d3c-8b2a-1f0e9d8c7b6a";
    private static final Instant EVENT_TIME = Instant.parse("2026-03-01T09:00:01Z");

    private final EngagementEventDecoder decoder = new EngagementEventDecoder();

    @Test
    void shouldDecodeProviderAgentsRatesCalendarAndDates_whenTheStartedExampleIsRead() {
        EngagementEvent.Started started =
                (EngagementEvent.Started) decoder.decode(example(EventType.ENGAGEMENT_STARTED, 0));

        EngagementStarted data = started.payload();
        assertThat(started.engagementId()).isEqualTo(UUID.fromString(ENGAGEMENT_ID));
        assertThat(started.sequence()).isZero();
        assertThat(data.providerOrganisation()).isEqualTo("backoffice-pro");
        assertThat(data.agents()).containsExactly("amina");
        assertThat(data.internalHourlyRate()).isEqualByComparingTo("45");
        assertThat(data.providerHourlyRate()).isEqualByComparingTo("18");
        assertThat(data.calendar()).isEqualTo(new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-18:00"), "FR",
                List.of(LocalDate.parse("2026-12-24"))));
        assertThat(data.dpaSigned()).isTrue();
        assertThat(data.startsOn()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(data.plannedEndOn()).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(data.startedAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(started.recorded().actor()).isEqualTo("admin");
        assertThat(started.recorded().occurredAt()).isEqualTo(EVENT_TIME);
    }

    @Test
    void shouldDecodeTheReasonAndInstant_whenTheEndedExampleIsRead() {
        EngagementEvent.Ended ended = (EngagementEvent.Ended) decoder.decode(example(EventType.ENGAGEMENT_ENDED, 1));

        assertThat(ended.sequence()).isEqualTo(1);
        assertThat(ended.payload().reason()).isEqualTo("Fin de contrat");
        assertThat(ended.payload().endedBy()).isEqualTo("admin");
        assertThat(ended.payload().endedAt()).isEqualTo(Instant.parse("2027-02-28T17:00:00Z"));
    }

    @Test
    void shouldKeepOnlyTheSequence_whenTheEventTypeIsUnknown() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.ENGAGEMENT_ENDED, 4))
                .withType("relais.engagement.suspended.v1").build();

        assertThat(decoder.decode(event)).isEqualTo(new EngagementEvent.Unknown(ENGAGEMENT_ID, 4,
                "relais.engagement.suspended.v1"));
    }

    @Test
    void shouldRejectAsInvalid_whenARateIsNegative() {
        UUID id = UUID.randomUUID();
        EngagementStarted valid = EngagementEvents.started(id, "backoffice-pro", List.of("amina"),
                LocalDate.parse("2026-03-01"), EVENT_TIME);
        EngagementStarted negative = new EngagementStarted(valid.engagementId(), valid.providerOrganisation(),
                valid.agents(), valid.internalHourlyRate(), new BigDecimal("-18.00"), valid.calendar(), true,
                valid.startsOn(), valid.plannedEndOn(), "admin", EVENT_TIME);

        assertInvalid(EngagementEvents.startedEvent(negative), "data.providerHourlyRate is negative: -18.00");
    }

    @Test
    void shouldRejectAsInvalid_whenTheProviderIsMissing() {
        UUID id = UUID.randomUUID();
        EngagementStarted valid = EngagementEvents.started(id, "backoffice-pro", List.of("amina"),
                LocalDate.parse("2026-03-01"), EVENT_TIME);
        EngagementStarted noProvider = new EngagementStarted(valid.engagementId(), " ", valid.agents(),
                valid.internalHourlyRate(), valid.providerHourlyRate(), valid.calendar(), true, valid.startsOn(),
                valid.plannedEndOn(), "admin", EVENT_TIME);

        assertInvalid(EngagementEvents.startedEvent(noProvider), "data.providerOrganisation is missing");
    }

    @Test
    void shouldRejectAsInvalid_whenTheSubjectIsNotACanonicalUuid() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.ENGAGEMENT_ENDED, 1)).withSubject("1-2-3-4-5")
                .build();

        assertInvalid(event, "subject '1-2-3-4-5' is not a UUID");
    }

    @Test
    void shouldRejectAsInvalid_whenAProcessEventIsReadFromTheEngagementTopic() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.ENGAGEMENT_ENDED, 1))
                .withType(EventType.PROCESS_DEFINED.cloudEventType()).build();

        assertInvalid(event, "a process event has no place on the engagement topic");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** The type's contract example as admin's CloudEvent about the example's engagement, read back from Kafka. */
    private static CloudEvent example(EventType type, long sequence) {
        return ContractEvents.throughKafka(Topics.ENGAGEMENTS.name(),
                ContractEvents.example(type, ENGAGEMENT_ID, sequence, ContractEvents.ADMIN, EVENT_TIME));
    }

    private void assertInvalid(CloudEvent event, String problem) {
        assertThatThrownBy(() -> decoder.decode(event))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining(problem);
    }
}
