package io.relais.command.personal;

import io.relais.contract.personal.DataSubjects;
import io.relais.contract.personal.ErasureCause;
import io.relais.websupport.problem.ProblemTypes;
import io.relais.websupport.problem.Problems;
import io.relais.websupport.security.ActorResolver;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/personal-data/subjects/{subject}/erasure} (ADMIN, {@code {"reason": …}}): destroys the subject's key
 * and records {@code PersonalDataErased}, both in one transaction. 200 with the erasure; 400 for a subject that is not
 * {@code task-<uuid>}; 404 when no personal data of that subject was ever recorded; 409 when it was already erased.
 */
@RestController
@RequestMapping(path = "/api/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
class PersonalDataController {

    static final URI RULE_VIOLATED = URI.create("urn:relais:problem:rule-violated");
    private static final Pattern SUBJECT = Pattern.compile(
            "task-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final PersonalDataErasure erasure;
    private final ActorResolver actors;
    private final Clock clock;

    PersonalDataController(PersonalDataErasure erasure, ActorResolver actors, Clock clock) {
        this.erasure = erasure;
        this.actors = actors;
        this.clock = clock;
    }

    @PostMapping(path = "/subjects/{subject}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> erase(@PathVariable String subject, @Valid @RequestBody ErasureBody body) {
        if (!SUBJECT.matcher(subject).matches()) {
            throw new Refused(Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                    "A data subject is task-<task id>, e.g. " + DataSubjects.ofTask("6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21")));
        }
        switch (erasure.state(subject)) {
            case UNKNOWN -> {
                throw new Refused(Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                        "No personal data of " + subject + " was ever recorded"));
            }
            case ERASED -> throw new SubjectAlreadyErased(subject);
            case ACTIVE -> {
                // erased below
            }
        }
        String admin = actors.require().name();
        Instant at = clock.instant();
        erasure.erase(subject, body.reason().strip(), ErasureCause.REQUEST, admin, at);
        return Map.of("subjectId", subject, "cause", ErasureCause.REQUEST.name(), "erasedBy", admin,
                "erasedAt", at.toString(), "placeholder", io.relais.contract.personal.PersonalDataEnvelope.ERASED);
    }

    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused ex) {
        return ex.problem;
    }

    /** A refusal before anything is sent: nothing is written. */
    static final class Refused extends RuntimeException {
        private final transient ProblemDetail problem;

        Refused(ProblemDetail problem) {
            super(problem.getDetail());
            this.problem = problem;
        }
    }

    @ExceptionHandler(SubjectAlreadyErased.class)
    ProblemDetail alreadyErased(SubjectAlreadyErased ex) {
        return Problems.of(HttpStatus.CONFLICT, RULE_VIOLATED, "Rule violated", ex.getMessage());
    }
}
