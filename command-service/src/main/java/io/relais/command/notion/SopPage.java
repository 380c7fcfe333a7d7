package io.relais.command.notion;

import io.relais.command.process.ProcedureBody;
import io.relais.command.process.RaciBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SOP page as Notion exports it to Markdown, read into the body {@code POST /api/processes} takes. The page
 * follows seed 004's SOP layout: a title ({@code # …}), properties as {@code Key: value} lines (Notion writes a
 * database page's properties so; the seed's header fields too), and sections under headings: objective, scope,
 * prerequisites, steps, quality checks, KPIs, annexes, RACI. Headings are matched without case, accents or
 * numbering ("3. Étapes opératoires"). What the page lacks gets the defaults the README lists.
 *
 * @param procedure   the procedure as the page states it, to be checked by the API's own validation
 * @param hasSteps    whether the page has a steps section: a page without one is not taken for a SOP unless a row
 *                    links to it
 * @param errors      what the page says that cannot be read (e.g. an SLA in no known form)
 * @param notes       defaults applied and content left out
 */
record SopPage(NotionExport.File file, ProcedureBody procedure, boolean hasSteps, List<String> errors,
               List<String> notes) {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,3}[.)])\\s+(?:\\[[ xX]]\\s+)?(.*)$");
    private static final Pattern PROPERTY = Pattern.compile("^\\s*(?:[-*+]\\s+)?\\**([^:*]{1,40}?)\\**\\s*:\\s*(.+)$");

    enum Section { HEADER, OBJECTIVE, SCOPE, PREREQUISITES, STEPS, QUALITY, KPIS, ANNEXES, RACI, OTHER }

    private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();

    static {
        for (String name : List.of("etapes", "etape", "steps", "procedure", "mode operatoire", "deroule")) {
            SECTIONS.put(name, Section.STEPS);
        }
        for (String name : List.of("controles qualite", "controle qualite", "checklist", "quality")) {
            SECTIONS.put(name, Section.QUALITY);
        }
        for (String name : List.of("kpi", "indicateurs", "reporting")) {
            SECTIONS.put(name, Section.KPIS);
        }
        for (String name : List.of("annexe", "appendi", "attachments")) {
            SECTIONS.put(name, Section.ANNEXES);
        }
        for (String name : List.of("pre-requis", "prerequis", "pre requis", "prerequisite")) {
            SECTIONS.put(name, Section.PREREQUISITES);
        }
        for (String name : List.of("objectif", "objective", "but")) {
            SECTIONS.put(name, Section.OBJECTIVE);
        }
        for (String name : List.of("perimetre", "scope")) {
            SECTIONS.put(name, Section.SCOPE);
        }
        for (String name : List.of("raci", "roles")) {
            SECTIONS.put(name, Section.RACI);
        }
        for (String name : List.of("en-tete", "en tete", "header")) {
            SECTIONS.put(name, Section.HEADER);
        }
    }

    /** Defaults: README, "Notion import". */
    static final List<String> DEFAULT_RESPONSIBLE = List.of("AGENT");
    static final String DEFAULT_ACCOUNTABLE = "APPROVER";

    static SopPage parse(NotionExport.File file, String defaultSlaPolicy) {
        String title = null;
        Section section = Section.HEADER;
        Map<Section, List<String>> items = new LinkedHashMap<>();
        Map<Section, StringBuilder> paragraphs = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        boolean hasSteps = false;
        List<String> notes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String line : file.text().split("\\r?\\n|\\r")) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                if (title == null && heading.group(1).length() == 1) {
                    title = heading.group(2).strip();
                    continue;
                }
                section = section(heading.group(2));
                hasSteps |= section == Section.STEPS;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            Matcher property = PROPERTY.matcher(line);
            if (property.matches() && property(property.group(1)).isPresent()
                    && (section == Section.HEADER || section == Section.RACI || section == Section.PREREQUISITES)) {
                properties.putIfAbsent(property(property.group(1)).get(), property.group(2).strip());
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches() && !item.group(1).isBlank()) {
                items.computeIfAbsent(section, s -> new ArrayList<>()).add(item.group(1).strip());
            } else {
                StringBuilder text = paragraphs.computeIfAbsent(section, s -> new StringBuilder());
                text.append(text.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        if (title == null || title.isBlank()) {
            title = file.title();
        }

        String objective = first(properties.get("objective"), paragraph(paragraphs, Section.OBJECTIVE),
                join(items.get(Section.OBJECTIVE)));
        if (objective == null) {
            objective = title;
            notes.add("No objective: the title stands for it");
        }
        String scope = first(properties.get("scope"), paragraph(paragraphs, Section.SCOPE), join(items.get(Section.SCOPE)));
        if (scope == null) {
            scope = "As the Notion page \"" + title + "\" describes it";
            notes.add("No scope (Périmètre): \"" + scope + "\"");
        }
        String taskType = properties.get("type");
        if (taskType == null) {
            taskType = NotionValues.taskType(title);
            taskType = taskType.length() > 50 ? taskType.substring(0, 50) : taskType;
            notes.add("No Type: " + taskType + ", from the title");
        } else {
            taskType = NotionValues.taskType(taskType);
        }
        String sla = properties.get("sla");
        String slaPolicy;
        if (sla == null) {
            slaPolicy = defaultSlaPolicy;
            notes.add("No SLA: the default policy " + defaultSlaPolicy + " applies");
        } else {
            Optional<String> policy = NotionValues.slaPolicy(sla);
            if (policy.isEmpty()) {
                errors.add("SLA: \"" + sla + "\" is no SLA Relais knows; write e.g. \"24h ouvrées\", \"J+2\", "
                        + "\"sous 48h\", \"chaque lundi\" or BUSINESS_DAYS(2)");
            }
            slaPolicy = policy.orElse(sla);
        }
        List<String> responsible = properties.containsKey("responsible")
                ? NotionValues.multiSelect(properties.get("responsible")) : DEFAULT_RESPONSIBLE;
        String accountable = properties.getOrDefault("accountable", DEFAULT_ACCOUNTABLE);
        if (!properties.containsKey("responsible") || !properties.containsKey("accountable")) {
            notes.add("RACI incomplete: responsible " + responsible + ", accountable " + accountable);
        }
        List<String> resources = split(properties.get("resources"));
        List<String> tools = split(properties.get("tools"));
        List<String> templates = split(properties.get("templates"));
        List<String> prerequisites = items.getOrDefault(Section.PREREQUISITES, List.of());
        if (!prerequisites.isEmpty()) {
            notes.add("Prerequisites kept as tools: " + prerequisites);
            tools = concat(tools, prerequisites);
        }
        List<String> steps = items.getOrDefault(Section.STEPS, List.of());
        List<String> quality = items.getOrDefault(Section.QUALITY, List.of());
        List<String> kpis = items.getOrDefault(Section.KPIS, List.of());
        List<String> annexes = items.getOrDefault(Section.ANNEXES, List.of());
        ProcedureBody procedure = new ProcedureBody(title, objective, scope, taskType, slaPolicy,
                new RaciBody(responsible, accountable, split(properties.get("consulted")),
                        split(properties.get("informed"))),
                resources, tools, templates, steps, quality, kpis, annexes);
        return new SopPage(file, procedure, hasSteps, List.copyOf(errors), List.copyOf(notes));
    }

    String title() {
        return procedure.title();
    }

    private static Section section(String heading) {
        String name = NotionValues.plain(heading).replaceFirst("^[\\d.)\\s]+", "")
                .replaceFirst("^[^\\p{L}]+", "");
        return SECTIONS.entrySet().stream().filter(entry -> name.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(Section.OTHER);
    }

    /** The property a {@code Key: value} line names, seed 004's words and their English counterparts. */
    private static Optional<String> property(String key) {
        String name = NotionValues.plain(key).replaceAll("[()]", "").strip();
        return Optional.ofNullable(switch (name) {
            case "objectif", "objective" -> "objective";
            case "perimetre", "scope" -> "scope";
            case "type", "type de tache", "task type" -> "type";
            case "sla", "niveau de sla", "delai" -> "sla";
            case "responsable r", "responsable", "r", "responsible" -> "responsible";
            case "approbateur a", "approbateur", "a", "accountable", "approver" -> "accountable";
            case "consulte c", "consulte", "c", "consulted" -> "consulted";
            case "informe i", "informe", "i", "informed" -> "informed";
            case "acces", "access", "ressources", "resources" -> "resources";
            case "outils", "outils necessaires", "tools" -> "tools";
            case "modeles", "modeles a utiliser", "gabarits", "templates" -> "templates";
            default -> null;
        });
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return null;
    }

    private static String paragraph(Map<Section, StringBuilder> paragraphs, Section section) {
        StringBuilder text = paragraphs.get(section);
        return text == null ? null : text.toString();
    }

    private static String join(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join("; ", items);
    }

    private static List<String> split(String value) {
        return value == null ? List.of() : NotionValues.multiSelect(value);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
