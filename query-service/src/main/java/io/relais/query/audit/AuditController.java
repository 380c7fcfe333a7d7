package io.relais.query.audit;

import io.relais.query.personal.PersonalData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.query.projection.ContractJson;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The raw audit trail as replayable NDJSON pages, and the verification of the query side's copy. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final String NEXT_AFTER = "Relais-Trail-Next-After";
    static final String NEXT_DENIED_AFTER = "Relais-Trail-Next-Denied-After";
    static final int MAX_LIMIT = 1000;

    private final TrailRepository trail;
    private final DeniedAttempts denied;
    private final ChainVerifier verifier;
    private final Clock clock;
    private final PersonalData personalData;
    private final ObjectMapper json = ContractJson.mapper();

    AuditController(TrailRepository trail, DeniedAttempts denied, ChainVerifier verifier, Clock clock,
                    PersonalData personalData) {
        this.personalData = personalData;
        this.trail = trail;
        this.denied = denied;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * One page of the trail, one JSON object per line: up to {@code limit} events after position {@code after} in
     * global order ({@code kind: "event"}), of one aggregate if {@code aggregate} names it; with
     * {@code include=denied}, then up to {@code limit} refused requests recorded after {@code deniedAfter}
     * ({@code kind: "denied-attempt"}); with {@code raw=true} each event also carries its exact bytes
     * ({@code dataBase64}) to recompute the chain off-line. The last line is always {@code kind: "cursor"}, with the
     * parameters of the next page (also in the headers {@value #NEXT_AFTER} and {@value #NEXT_DENIED_AFTER}).
     */
    @GetMapping("/trail")
    ResponseEntity<byte[]> trail(@RequestParam(defaultValue = "-1") @Min(-1) long after,
                                 @RequestParam(defaultValue = "500") @Min(1) @Max(MAX_LIMIT) int limit,
                                 @RequestParam Optional<String> aggregate,
                                 @RequestParam Optional<List<String>> include,
                                 @RequestParam(defaultValue = "0") @Min(0) long deniedAfter,
                                 @RequestParam(defaultValue = "false") boolean raw) {
        boolean withDenied = include.orElse(List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .peek(AuditController::knownInclude)
                .anyMatch("denied"::equals);
        Optional<String> subject = aggregate.map(String::strip).filter(value -> !value.isEmpty());
        List<TrailRepository.StoredEvent> events = trail.page(after, limit, subject);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long nextAfter = events.isEmpty() ? after : events.get(events.size() - 1).event().position();
        PersonalData.Reader personal = personalData.reader();
        for (TrailRepository.StoredEvent stored : events) {
            line(out, eventLine(stored, raw, personal));
        }
        long nextDeniedAfter = deniedAfter;
        boolean more = events.size() == limit;
        if (withDenied) {
            denied.absorbLocal(clock.instant());
            List<DeniedAttempts.DeniedLine> attempts = denied.page(deniedAfter, limit);
            for (DeniedAttempts.DeniedLine attempt : attempts) {
                line(out, json.valueToTree(attempt));
            }
            nextDeniedAfter = attempts.isEmpty() ? deniedAfter : attempts.get(attempts.size() - 1).deniedSeq();
            more = more || attempts.size() == limit;
        }
        ObjectNode cursor = json.createObjectNode().put("kind", "cursor").put("after", nextAfter)
                .put("events", events.size()).put("more", more);
        if (withDenied) {
            cursor.put("deniedAfter", nextDeniedAfter);
        }
        line(out, cursor);
        var response = ResponseEntity.ok().contentType(NDJSON).header(NEXT_AFTER, Long.toString(nextAfter));
        if (withDenied) {
            response = response.header(NEXT_DENIED_AFTER, Long.toString(nextDeniedAfter));
        }
        return response.body(out.toByteArray());
    }

    /** Recomputes the chain over the stored trail and compares it with the latest signed head. */
    @GetMapping("/verification")
    Verification verification() {
        return verifier.verify();
    }

    private static void knownInclude(String value) {
        if (!value.isEmpty() && !value.equals("denied")) {
            throw new InvalidTrailQueryException("'include' may only be 'denied'; got '" + value + "'");
        }
    }

    /**
     * {@code data} shows personal fields opened, or {@code [effacé]} once their subject was erased; {@code dataBase64}
     * keeps the exact bytes as published (ciphertext), which is what the chain hashes.
     */
    private ObjectNode eventLine(TrailRepository.StoredEvent stored, boolean raw, PersonalData.Reader personal) {
        TrailEvent event = stored.event();
        ObjectNode line = json.createObjectNode()
                .put("kind", "event")
                .put("position", event.position())
                .put("chainIndex", event.chainIndex())
                .put("eventId", event.eventId())
                .put("type", event.type())
                .put("subject", event.subject())
                .put("aggregateType", event.aggregateType())
                .put("sequence", event.sequence())
                .put("time", event.time().toString())
                .put("actor", event.actor())
                .put("actorOrganisation", event.actorOrganisation())
                .put("correlationId", event.correlationId());
        var roles = line.putArray("actorRoles");
        if (event.actorRoles() != null) {
            Arrays.stream(event.actorRoles().split(",")).map(String::strip).filter(r -> !r.isEmpty())
                    .forEach(roles::add);
        }
        line.put("chainHash", event.chainHash());
        line.put("receivedAt", stored.receivedAt().toString());
        line.set("data", personal.reveal(data(event.data())));
        if (raw) {
            line.put("dataBase64", Base64.getEncoder().encodeToString(event.data()));
        }
        return line;
    }

    /** The payload as JSON; bytes that are not JSON (a tampered row) come as text, so that the page still serves. */
    private JsonNode data(byte[] data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(new String(data, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void line(ByteArrayOutputStream out, JsonNode node) {
        try {
            out.write(json.writeValueAsBytes(node));
            out.write('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a trail line", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
