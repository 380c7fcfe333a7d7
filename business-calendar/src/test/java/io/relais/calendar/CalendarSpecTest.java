package io.relais.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarSpecTest {

    @Test
    void shouldDescribeTheFranceDefault_compactly() {
        assertThat(BusinessCalendar.franceDefault().spec())
                .isEqualTo(CalendarSpec.FRANCE_DEFAULT)
                .isEqualTo(new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-18:00"), "FR", List.of()));
        assertThat(BusinessCalendar.alsaceMoselle().spec().holidays()).isEqualTo("FR-ALSACE-MOSELLE");
    }

    @Test
    void shouldRoundTrip_whenTheCalendarIsCustom() {
        BusinessCalendar custom = BusinessCalendar.builder()
                .zone(ZoneId.of("America/New_York"))
                .workingHours("MON-THU 09:00-12:30,13:30-18:00", "FRI 09:00-16:00", "SUN 22:00-24:00")
                .holidays(HolidayRules.NONE)
                .closedDays(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-07-03"))
                .build();

        CalendarSpec spec = CalendarSpec.from(custom);

        assertThat(spec).isEqualTo(new CalendarSpec("America/New_York",
                List.of("MON-THU 09:00-12:30,13:30-18:00", "FRI 09:00-16:00", "SUN 22:00-24:00"), "NONE",
                List.of(LocalDate.parse("2026-07-03"), LocalDate.parse("2026-12-24"))));
        assertThat(spec.toCalendar()).isEqualTo(custom);
    }

    @Test
    void shouldCanonicalise_whenTheSpecIsWrittenLoosely() {
        CalendarSpec loose = new CalendarSpec("Europe/Paris",
                List.of("MON,TUE 09:00-18:00", " WED-FRI  09:00-12:00,12:00-18:00 ", "SAT 10:00-12:00"), "FR",
                List.of(LocalDate.parse("2026-05-15"), LocalDate.parse("2026-05-15")));

        assertThat(loose.toCalendar().spec()).isEqualTo(new CalendarSpec("Europe/Paris",
                List.of("MON-FRI 09:00-18:00", "SAT 10:00-12:00"), "FR", List.of(LocalDate.parse("2026-05-15"))));
    }

    @Test
    void shouldSplitNonConsecutiveDays_inTheCanonicalForm() {
        BusinessCalendar cal = new CalendarSpec("Europe/Paris", List.of("MON,WED,FRI 09:00-13:00"), "FR", null).toCalendar();

        assertThat(cal.spec().workingHours()).containsExactly("MON 09:00-13:00", "WED 09:00-13:00", "FRI 09:00-13:00");
        assertThat(cal.spec().closedDays()).isEmpty();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "Europe/Atlantis | MON-FRI 09:00-18:00       | FR | unknown time zone 'Europe/Atlantis'",
            "Europe/Paris    | MON-FRI 09:00-18:00       | DE | unknown holiday rules 'DE'",
            "Europe/Paris    | MON-FRY 09:00-18:00       | FR | unknown day 'FRY'",
            "Europe/Paris    | FRI-MON 09:00-18:00       | FR | a day range runs forward",
            "Europe/Paris    | MON-FRI 9:00-18:00        | FR | time '9:00': expected HH:MM",
            "Europe/Paris    | MON-FRI 09:00-25:00       | FR | time '25:00': not a valid HH:MM time",
            "Europe/Paris    | MON-FRI 18:00-09:00       | FR | working range 18:00-09:00: end must be after start",
            "Europe/Paris    | MON-FRI 09:00             | FR | working range '09:00': expected HH:MM-HH:MM",
            "Europe/Paris    | MON-FRI                   | FR | expected e.g. 'MON-FRI 09:00-18:00'",
    })
    void shouldRefuseABadSpec_namingTheProblem(String zone, String hours, String holidays, String message) {
        CalendarSpec spec = new CalendarSpec(zone, List.of(hours), holidays, List.of());

        assertThatThrownBy(spec::toCalendar).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void shouldRefuseADayListedTwice() {
        CalendarSpec spec = new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-12:00", "FRI 14:00-18:00"), "FR", List.of());

        assertThatThrownBy(spec::toCalendar).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("working hours: FRI appears in two entries");
    }
}
