package io.relais.command.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.command.engagement.EngagementCommands.StartEngagement;
import io.relais.contract.sla.CalendarSpec;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the REST layer accepts as an engagement, before anything reaches the aggregate. */
class EngagementBodiesTest {

    private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
    private static final LocalDate FEB_28 = LocalDate.parse("2027-02-28");
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void shouldAcceptTheSeedsContract_whenEverythingIsGiven() {
        assertThat(violations(body(List.of("amina"), "45.00", "18.00", calendar("Europe/Paris", "MON-FRI 09:00-18:00"))))
                .isEmpty();
    }

    @Test
    void shouldNameEveryMissingField_whenTheBodyIsEmpty() {
        EngagementBody empty = new EngagementBody(null, null, null, null, null, null, null, null);

        assertThat(violations(empty)).containsExactlyInAnyOrder("providerOrganisation", "agents",
                "internalHourlyRate", "providerHourlyRate", "dpaSigned", "startsOn", "plannedEndOn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-18", "18.001", "1234567"})
    void shouldRefuseTheProviderRate_whenNotAPositiveAmountInCents(String rate) {
        assertThat(violations(body(List.of("amina"), "45.00", rate, null))).containsExactly("providerHourlyRate");
    }

    @Test
    void shouldNameTheAgentEntry_whenItIsBlankOrHasSpaces() {
        assertThat(violations(body(List.of("amina", " ", "jean dupont"), "45", "18", null)))
                .containsExactlyInAnyOrder("agents[1]", "agents[2]");
    }

    @Test
    void shouldRefuseAnEngagement_withoutAgents() {
        assertThat(violations(body(List.of(), "45", "18", null))).containsExactly("agents");
    }

    @Test
    void shouldNameTheCalendarField_whenTheZoneIsUnknown() {
        assertThat(violations(body(List.of("amina"), "45", "18", calendar("Europe/Lutece", "MON-FRI 09:00-18:00"))))
                .containsExactly("calendar.zone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MON-FRI 9:00-18:00", "LUNDI 09:00-18:00", "MON-FRI 09:00-25:00", "MON-FRI", ""})
    void shouldNameTheWorkingHoursEntry_whenItIsNotDayRangeAndTimes(String hours) {
        assertThat(violations(body(List.of("amina"), "45", "18", calendar("Europe/Paris", hours))))
                .containsExactly("calendar.workingHours[0]");
    }

    @Test
    void shouldRefuseHolidayRules_otherThanFrAlsaceOrNone() {
        CalendarBody calendar = new CalendarBody("Europe/Paris", List.of("MON-FRI 09:00-18:00"), "DE", null);

        assertThat(violations(body(List.of("amina"), "45", "18", calendar))).containsExactly("calendar.holidays");
    }

    @Test
    void shouldUseTheFrenchDefaultCalendar_andDropRepeatedAgents_whenMappedToTheCommand() {
        StartEngagement command = body(List.of("amina", "amina", "nour"), "45.00", "18.00", null)
                .toCommand("e-1", "admin", Instant.parse("2026-03-01T09:00:00Z"));

        assertThat(command.calendar()).isEqualTo(CalendarSpec.FRANCE_DEFAULT);
        assertThat(command.agents()).containsExactly("amina", "nour");
        assertThat(command.internalHourlyRate()).isEqualByComparingTo("45.00");
        assertThat(command.providerHourlyRate()).isEqualByComparingTo("18.00");
        assertThat(command.startedBy()).isEqualTo("admin");
    }

    @Test
    void shouldKeepTheCalendarGiven_withClosedDaysSortedOnce_whenMappedToTheCommand() {
        CalendarBody alsace = new CalendarBody("Europe/Paris", List.of("MON-FRI 09:00-18:00", "SAT 09:00-12:00"),
                "FR-ALSACE-MOSELLE", List.of(LocalDate.parse("2026-12-31"), LocalDate.parse("2026-12-24"),
                LocalDate.parse("2026-12-31")));

        CalendarSpec spec = body(List.of("amina"), "45", "18", alsace).toCommand("e-1", "admin", Instant.EPOCH)
                .calendar();

        assertThat(spec).isEqualTo(new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-18:00", "SAT 09:00-12:00"),
                "FR-ALSACE-MOSELLE", List.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-31"))));
    }

    private static CalendarBody calendar(String zone, String hours) {
        return new CalendarBody(zone, List.of(hours), "FR", null);
    }

    private static EngagementBody body(List<String> agents, String internalRate, String providerRate,
                                       CalendarBody calendar) {
        return new EngagementBody("backoffice-pro", agents, new BigDecimal(internalRate), new BigDecimal(providerRate),
                calendar, true, MARCH_1, FEB_28);
    }

    private static Set<String> violations(Object body) {
        return validator.validate(body).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .map(path -> path.replaceAll("\\.<list element>", ""))
                .collect(Collectors.toSet());
    }
}
