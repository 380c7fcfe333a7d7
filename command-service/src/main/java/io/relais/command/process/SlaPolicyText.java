package io.relais.command.process;

import java.util.regex.Pattern;

/**
 * The text form of an SLA policy as a procedure states it (product brief §3): {@code BUSINESS_HOURS(24)}
 * ("24h ouvrées"), {@code BUSINESS_DAYS(2)} ("J+2"), {@code CALENDAR_HOURS(48)} ("sous 48h") or a weekly
 * schedule for recurring work, {@code WEEKLY(MON 09:00)} ("chaque lundi").
 */
public final class SlaPolicyText {

    private static final String DAY = "(MON|TUE|WED|THU|FRI|SAT|SUN)";

    /** For {@code @Pattern}: the whole text must match. */
    public static final String REGEX = "(BUSINESS_HOURS|BUSINESS_DAYS|CALENDAR_HOURS)\\(\\d{1,5}\\)|WEEKLY\\(" + DAY
            + "(," + DAY + ")* \\d{2}:\\d{2}\\)";

    public static final String MESSAGE = "must be BUSINESS_HOURS(n), BUSINESS_DAYS(n), CALENDAR_HOURS(n) or "
            + "WEEKLY(MON[,TUE...] HH:MM), e.g. BUSINESS_DAYS(2)";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private SlaPolicyText() {
    }

    public static boolean isValid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }
}
