package io.relais.kpi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relais.contract.sla.CalendarSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedSlaTermsTest {

    @Test
    void shouldParseEachPolicyAndCalendarOnce_andShareTheParsedForm() {
        var spec = new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-18:00"), "FR", List.of());
        var equalSpec = new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-18:00"), "FR", List.of());

        assertThat(ParsedSlaTerms.policy("BUSINESS_HOURS(24)")).isSameAs(ParsedSlaTerms.policy("BUSINESS_HOURS(24)"));
        assertThat(ParsedSlaTerms.policy("BUSINESS_HOURS(24)")).isNotEqualTo(ParsedSlaTerms.policy("BUSINESS_DAYS(2)"));
        assertThat(ParsedSlaTerms.calendar(spec)).isSameAs(ParsedSlaTerms.calendar(equalSpec));
    }

    @Test
    void shouldRefuseAnUnreadablePolicyOrCalendar_everyTime() {
        var unknownZone = new CalendarSpec("Europe/Lutece", List.of("MON-FRI 09:00-18:00"), "FR", List.of());

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> ParsedSlaTerms.policy("SOON")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ParsedSlaTerms.calendar(unknownZone)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldKeepAnswering_pastTheCachesBound() {
        for (int hours = 1; hours <= ParsedSlaTerms.MAX_ENTRIES + 10; hours++) {
            assertThat(ParsedSlaTerms.policy("CALENDAR_HOURS(" + hours + ")").toString())
                    .isEqualTo("CALENDAR_HOURS(" + hours + ")");
        }
    }
}
