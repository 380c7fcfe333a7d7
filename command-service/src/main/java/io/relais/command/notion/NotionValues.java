package io.relais.command.notion;

import io.relais.command.process.SlaPolicyText;
import io.relais.contract.task.TaskPriority;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How Notion writes cell values (links, dates, selects) and the words the seed's SMEs use, read as Relais values. */
final class NotionValues {

    /** A date without a time is due at the end of that working day. */
    static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

    private static final Pattern MARKDOWN_LINK = Pattern.compile("([^,()]*?)\\s*\\(([^()]*?\\.md)\\)");
    private static final Pattern NOTION_ID = Pattern.compile("(?<![0-9a-fA-F])([0-9a-fA-F]{32})(?![0-9a-fA-F])");
    private static final Map<String, TaskPriority> PRIORITIES = Map.ofEntries(
            Map.entry("low", TaskPriority.LOW), Map.entry("basse", TaskPriority.LOW),
            Map.entry("faible", TaskPriority.LOW),
            Map.entry("normal", TaskPriority.NORMAL), Map.entry("normale", TaskPriority.NORMAL),
            Map.entry("medium", TaskPriority.NORMAL), Map.entry("moyenne", TaskPriority.NORMAL),
            Map.entry("high", TaskPriority.HIGH), Map.entry("haute", TaskPriority.HIGH),
            Map.entry("elevee", TaskPriority.HIGH),
            Map.entry("critical", TaskPriority.CRITICAL), Map.entry("critique", TaskPriority.CRITICAL),
            Map.entry("urgent", TaskPriority.CRITICAL), Map.entry("urgente", TaskPriority.CRITICAL));
    private static final Map<String, String> DAYS = Map.ofEntries(
            Map.entry("lundi", "MON"), Map.entry("monday", "MON"), Map.entry("mardi", "TUE"),
            Map.entry("tuesday", "TUE"), Map.entry("mercredi", "WED"), Map.entry("wednesday", "WED"),
            Map.entry("jeudi", "THU"), Map.entry("thursday", "THU"), Map.entry("vendredi", "FRI"),
            Map.entry("friday", "FRI"), Map.entry("samedi", "SAT"), Map.entry("saturday", "SAT"),
            Map.entry("dimanche", "SUN"), Map.entry("sunday", "SUN"));
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            strict("MMMM d, uuuu h:mm a", Locale.ENGLISH),
            strict("MMMM d, uuuu H:mm", Locale.ENGLISH),
            strict("d MMMM uuuu H:mm", Locale.FRENCH),
            strict("d/M/uuuu H:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            strict("uuuu-MM-dd H:mm"));
    private static final List<DateTimeFormatter> DATES = List.of(
            strict("MMMM d, uuuu", Locale.ENGLISH),
            strict("d MMMM uuuu", Locale.FRENCH),
            strict("d/M/uuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private NotionValues() {
    }

    /** A multi-select cell: Notion joins the options with commas. */
    static List<String> multiSelect(String cell) {
        return Arrays.stream(cell.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    /**
     * A page a cell points to: {@code Title (Folder/Title%20<id>.md)} as Notion exports a relation or a link, a
     * notion.so URL, or plain text naming a page by its title.
     *
     * @param notionId the 32-hex id, when the cell carries one
     */
    record PageReference(String text, String notionId) {
    }

    static List<PageReference> pageReferences(String cell) {
        List<PageReference> references = new ArrayList<>();
        Matcher links = MARKDOWN_LINK.matcher(cell);
        while (links.find()) {
            String target = URLDecoder.decode(links.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
            String file = target.substring(target.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
            String title = links.group(1).isBlank() ? NotionExport.withoutId(file) : links.group(1).strip();
            references.add(new PageReference(title, NotionExport.idOf(file)));
        }
        if (!references.isEmpty()) {
            return references;
        }
        if (cell.isBlank()) {
            return List.of();
        }
        Matcher id = NOTION_ID.matcher(cell);
        if (cell.contains("notion.so") && id.find()) {
            return List.of(new PageReference(cell.strip(), id.group(1).toLowerCase(Locale.ROOT)));
        }
        return multiSelect(cell).stream().map(title -> new PageReference(title, null)).toList();
    }

    static Optional<TaskPriority> priority(String cell) {
        return Optional.ofNullable(PRIORITIES.get(plain(cell)));
    }

    /**
     * An SLA as the seed writes it ("24h ouvrées", "J+2", "sous 48h", "chaque lundi") or as Relais does
     * ({@code BUSINESS_DAYS(2)}).
     */
    static Optional<String> slaPolicy(String cell) {
        String upper = cell.strip().toUpperCase(Locale.ROOT);
        if (SlaPolicyText.isValid(upper)) {
            return Optional.of(upper);
        }
        String text = plain(cell);
        Matcher m;
        if ((m = Pattern.compile("(\\d{1,4}) ?h(?:eures?)? ouvrees?|(\\d{1,4}) ?(?:business|working) hours?")
                .matcher(text)).matches()) {
            return Optional.of("BUSINESS_HOURS(" + first(m) + ")");
        }
        if ((m = Pattern.compile("j ?\\+ ?(\\d{1,4})|(\\d{1,4}) ?j(?:ours?)? ouvres?|(\\d{1,4}) ?(?:business|working) days?")
                .matcher(text)).matches()) {
            return Optional.of("BUSINESS_DAYS(" + first(m) + ")");
        }
        if ((m = Pattern.compile("(?:sous |within )?(\\d{1,4}) ?(?:h|heures?|hours?)").matcher(text)).matches()) {
            return Optional.of("CALENDAR_HOURS(" + first(m) + ")");
        }
        if ((m = Pattern.compile("(?:chaque|tous les|every) (\\p{L}+?)s?(?: (?:a|at) (\\d{1,2})(?:[h:](\\d{2}))?h?)?")
                .matcher(text)).matches() && DAYS.containsKey(m.group(1))) {
            String hour = m.group(2) == null ? "09" : "%02d".formatted(Integer.parseInt(m.group(2)));
            String minute = m.group(3) == null ? "00" : m.group(3);
            String policy = "WEEKLY(" + DAYS.get(m.group(1)) + " " + hour + ":" + minute + ")";
            return SlaPolicyText.isValid(policy) ? Optional.of(policy) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A Notion date: "November 23, 2026 9:00 AM", "November 23, 2026", "2026-11-23", "23/11/2026", with an
     * optional time zone in parentheses (ignored: the company's zone applies) and, for a range
     * ("… → …"), its end. A date without a time means {@link #END_OF_DAY} in the company's zone.
     */
    static Optional<Instant> instant(String cell, ZoneId zone) {
        String text = cell.contains("→") ? cell.substring(cell.lastIndexOf('→') + 1) : cell;
        text = text.replaceAll("\\([^)]*\\)", "").strip().replaceAll("\\s+", " ");
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            // a local date or time follows
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(text, format).atZone(zone).toInstant());
            } catch (DateTimeParseException notThisOne) {
                // try the next
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(text, format).atTime(END_OF_DAY).atZone(zone).toInstant());
            } catch (DateTimeParseException notThisOne) {
                // try the next
            }
        }
        return Optional.empty();
    }

    /** A select's label as a task type word: "Mise à jour CRM" → {@code MISE_A_JOUR_CRM}. */
    static String taskType(String cell) {
        return Normalizer.normalize(cell.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
    }

    /** Lower case, no accents, single spaces: how labels are compared. */
    static String plain(String text) {
        return Normalizer.normalize(text.replace("\uFEFF", ""), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** "November 31" is no date: refused, not moved to the 30th. */
    private static DateTimeFormatter strict(String pattern) {
        return strict(pattern, Locale.ROOT);
    }

    private static DateTimeFormatter strict(String pattern, Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale).withResolverStyle(ResolverStyle.STRICT);
    }

    private static String first(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return String.valueOf(Integer.parseInt(matcher.group(group)));
            }
        }
        throw new IllegalStateException("a matching SLA names a number");
    }
}
