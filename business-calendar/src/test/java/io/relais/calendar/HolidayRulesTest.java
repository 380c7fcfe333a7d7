package io.relais.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayRulesTest {

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
            "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25",
            "2000, 2000-04-23", "2019, 2019-04-21",
            "1818, 1818-03-22", "2285, 2285-03-22", // the earliest possible date
            "1943, 1943-04-25"                      // the latest possible date
    })
    void shouldComputeEasterSunday_forAnyYear(int year, LocalDate easter) {
        assertThat(HolidayRules.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest(name = "{0}: Easter Monday {1}, Ascension {2}, Whit Monday {3}")
    @CsvSource({
            "2024, 2024-04-01, 2024-05-09, 2024-05-20",
            "2025, 2025-04-21, 2025-05-29, 2025-06-09",
            "2026, 2026-04-06, 2026-05-14, 2026-05-25",
            "2038, 2038-04-26, 2038-06-03, 2038-06-14"
    })
    void shouldDeriveTheMovableHolidays_fromEaster(int year, LocalDate easterMonday, LocalDate ascension, LocalDate whitMonday) {
        assertThat(HolidayRules.FR.holidaysIn(year)).contains(easterMonday, ascension, whitMonday);
        assertThat(HolidayRules.FR.isHoliday(HolidayRules.easterSunday(year).minusDays(2))).as("Good Friday").isFalse();
    }

    @Test
    void shouldListTheElevenFrenchHolidays_whenAskedFor2026() {
        assertThat(HolidayRules.FR.holidaysIn(2026)).containsExactly(
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-06"), LocalDate.parse("2026-05-01"),
                LocalDate.parse("2026-05-08"), LocalDate.parse("2026-05-14"), LocalDate.parse("2026-05-25"),
                LocalDate.parse("2026-07-14"), LocalDate.parse("2026-08-15"), LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-11"), LocalDate.parse("2026-12-25"));
    }

    @ParameterizedTest(name = "Alsace-Moselle {0}: Good Friday {1}")
    @CsvSource({"2024, 2024-03-29", "2025, 2025-04-18", "2026, 2026-04-03", "2027, 2027-03-26"})
    void shouldAddGoodFridayAndSaintStephen_whenAlsaceMoselle(int year, LocalDate goodFriday) {
        LocalDate saintStephen = LocalDate.of(year, 12, 26);
        assertThat(HolidayRules.FR_ALSACE_MOSELLE.holidaysIn(year))
                .hasSize(13)
                .containsAll(HolidayRules.FR.holidaysIn(year))
                .contains(goodFriday, saintStephen);
        assertThat(HolidayRules.FR.isHoliday(goodFriday)).isFalse();
        assertThat(HolidayRules.FR.isHoliday(saintStephen)).isFalse();
    }

    @Test
    void shouldHaveNoHoliday_whenNone() {
        assertThat(HolidayRules.NONE.holidaysIn(2026)).isEmpty();
    }

    @Test
    void shouldRoundTripCodes_andRefuseAnUnknownOne() {
        for (HolidayRules rules : HolidayRules.values()) {
            assertThat(HolidayRules.fromCode(rules.code())).isSameAs(rules);
        }
        assertThat(HolidayRules.FR_ALSACE_MOSELLE.code()).isEqualTo("FR-ALSACE-MOSELLE");
        assertThatThrownBy(() -> HolidayRules.fromCode("DE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'DE'").hasMessageContaining("FR, FR-ALSACE-MOSELLE, NONE");
    }
}
