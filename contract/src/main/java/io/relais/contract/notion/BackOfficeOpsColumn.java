package io.relais.contract.notion;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of seed 004's Notion database "Back-office Ops", in the order query-service's board CSV writes them
 * and as command-service's Notion import recognises them: one list for both sides, so that a board exported by
 * Relais and imported into Notion comes back with every column recognised. The headers are the seed's (French);
 * the aliases are what an English-speaking Notion workspace or an older template calls the same column. Headers
 * are matched without regard to case, accents or repeated spaces.
 */
public enum BackOfficeOpsColumn {

    /** The task's title (Notion's title property). Required. */
    TITLE("Tâche / Processus", "Tâche", "Processus", "Task", "Name", "Nom", "Title", "Titre"),
    TYPE("Type"),
    PRIORITY("Priorité", "Priority"),
    SLA("SLA"),
    RECURRENCE("Récurrence"),
    OWNER("Owner", "Assignee", "Assigné"),
    /** A link to the SOP page (or the title of a procedure already in Relais). */
    SOP("SOP", "Procédure"),
    CHECKLIST("Checklist qualité", "Checklist", "Quality checklist", "Contrôles qualité"),
    STATUS("Statut", "Status"),
    KPI("KPI", "KPIs"),
    DUE("Échéance", "Due", "Due date", "Deadline"),
    DESCRIPTION("Description", "Notes"),
    REQUESTED_AT("Demandé le", "Created", "Created time", "Créé le"),
    /** The Relais task id, written by the board export so that a round trip through Notion creates nothing twice. */
    RELAIS_ID("Relais ID");

    private final String header;
    private final List<String> aliases;

    BackOfficeOpsColumn(String header, String... aliases) {
        this.header = header;
        this.aliases = List.of(aliases);
    }

    /** The header the board CSV writes. */
    public String header() {
        return header;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** Every header, in export order. */
    public static List<String> headers() {
        return Arrays.stream(values()).map(BackOfficeOpsColumn::header).toList();
    }

    /** The column a CSV header names (its header or one of its aliases), if any. */
    public static Optional<BackOfficeOpsColumn> recognise(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = key(header);
        return Arrays.stream(values())
                .filter(column -> key(column.header).equals(key)
                        || column.aliases.stream().anyMatch(alias -> key(alias).equals(key)))
                .findFirst();
    }

    static String key(String text) {
        String plain = Normalizer.normalize(text.replace("\uFEFF", ""), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
