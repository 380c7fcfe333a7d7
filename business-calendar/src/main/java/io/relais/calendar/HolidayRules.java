package io.relais.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Public-holiday rule sets, computed for any year (no table to keep up to date).
 * Codes ({@link #code()}) are what {@link CalendarSpec} records in events: keep them stable.
 */
public enum HolidayRules {

    /** The eleven French public holidays (Code du travail L3133-1). */
    FR("FR", false),
    /** France plus Good Friday and 26 December (Bas-Rhin, Haut-Rhin, Moselle; L3134-13). */
    FR_ALSACE_MOSELLE("FR-ALSACE-MOSELLE", true),
    /** No public holiday at all (working hours and closed days only). */
    NONE("NONE", false);

    private static final List<MonthDay> FRENCH_FIXED = List.of(
            MonthDay.of(Month.JANUARY, 1), MonthDay.of(Month.MAY, 1), MonthDay.of(Month.MAY, 8),
            MonthDay.of(Month.JULY, 14), MonthDay.of(Month.AUGUST, 15), MonthDay.of(Month.NOVEMBER, 1),
            MonthDay.of(Month.NOVEMBER, 11), MonthDay.of(Month.DECEMBER, 25));
    private static final MonthDay SAINT_STEPHEN = MonthDay.of(Month.DECEMBER, 26);
    // Offsets from Easter Sunday: Easter Monday, Ascension (Thursday), Whit Monday.
    private static final List<Integer> FRENCH_EASTER_OFFSETS = List.of(1, 39, 50);
    private static final int GOOD_FRIDAY = -2;

    private final String code;
    private final boolean alsaceMoselle;

    HolidayRules(String code, boolean alsaceMoselle) {
        this.code = code;
        this.alsaceMoselle = alsaceMoselle;
    }

    public String code() {
        return code;
    }

    public static HolidayRules fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown holiday rules '" + code + "', expected one of "
                        + Arrays.stream(values()).map(HolidayRules::code).collect(Collectors.joining(", "))));
    }

    public boolean isHoliday(LocalDate date) {
        if (this == NONE) {
            return false;
        }
        MonthDay monthDay = MonthDay.from(date);
        if (FRENCH_FIXED.contains(monthDay) || alsaceMoselle && monthDay.equals(SAINT_STEPHEN)) {
            return true;
        }
        long fromEaster = date.toEpochDay() - easterSunday(date.getYear()).toEpochDay();
        return FRENCH_EASTER_OFFSETS.contains((int) fromEaster) || alsaceMoselle && fromEaster == GOOD_FRIDAY;
    }

    /** The holidays of a year, in date order. */
    public Set<LocalDate> holidaysIn(int year) {
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (isHoliday(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /** Easter Sunday of a Gregorian year: the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
    public static LocalDate easterSunday(int year) {
        int a = Math.floorMod(year, 19);
        int b = Math.floorDiv(year, 100);
        int c = Math.floorMod(year, 100);
        int d = Math.floorDiv(b, 4);
        int e = Math.floorMod(b, 4);
        int f = Math.floorDiv(b + 8, 25);
        int g = Math.floorDiv(b - f + 1, 3);
        int h = Math.floorMod(19 * a + b - d - g + 15, 30);
        int i = Math.floorDiv(c, 4);
        int k = Math.floorMod(c, 4);
        int l = Math.floorMod(32 + 2 * e + 2 * i - h - k, 7);
        int m = Math.floorDiv(a + 11 * h + 22 * l, 451);
        int month = Math.floorDiv(h + l - 7 * m + 114, 31);
        int day = Math.floorMod(h + l - 7 * m + 114, 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
