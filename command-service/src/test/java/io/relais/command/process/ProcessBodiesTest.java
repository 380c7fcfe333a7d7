package io.relais.command.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.contract.process.Procedure;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the REST layer accepts as a procedure, before anything reaches the aggregate. */
class ProcessBodiesTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BUSINESS_HOURS(24)", "BUSINESS_DAYS(2)", "CALENDAR_HOURS(48)", "WEEKLY(MON 09:00)",
            "WEEKLY(MON,THU 14:30)", "BUSINESS_HOURS(99999)"})
    void shouldAcceptTheSlaPolicy_whenItIsOneOfTheSeedsForms(String policy) {
        assertThat(violations(body(policy, List.of("Étape 1")))).isEmpty();
        assertThat(SlaPolicyText.isValid(policy)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"24h ouvrées", "BUSINESS_HOURS(24", "business_hours(24)", "BUSINESS_HOURS(123456)",
            "WEEKLY(MONDAY 09:00)", "WEEKLY(MON 9:00)", "WEEKLY(MON,)", "BUSINESS_DAYS(2) ", "J+2"})
    void shouldRefuseTheSlaPolicy_whenItIsNotAPolicy(String policy) {
        assertThat(violations(body(policy, List.of("Étape 1")))).containsExactly("slaPolicy");
        assertThat(SlaPolicyText.isValid(policy)).isFalse();
    }

    @Test
    void shouldRefuseTheProcedure_whenItHasNoStepOrMoreThan30() {
        assertThat(violations(body("BUSINESS_DAYS(2)", List.of()))).containsExactly("steps");
        assertThat(violations(body("BUSINESS_DAYS(2)", Collections.nCopies(31, "Étape")))).containsExactly("steps");
    }

    @Test
    void shouldNameTheElement_whenAListEntryIsBlankOrTooLong() {
        assertThat(violations(body("BUSINESS_DAYS(2)", List.of("Étape 1", " ", "x".repeat(1001)))))
                .containsExactlyInAnyOrder("steps[1]", "steps[2]");
    }

    @Test
    void shouldNameEveryMissingHeaderField_whenTheBodyIsEmpty() {
        ProcedureBody empty = new ProcedureBody(null, null, null, null, null, null, null, null, null, null, null, null,
                null);

        assertThat(violations(empty)).containsExactlyInAnyOrder("title", "objective", "scope", "taskType",
                "slaPolicy", "raci", "steps");
    }

    @Test
    void shouldNameTheRaciField_whenNobodyIsResponsibleOrAccountable() {
        ProcedureBody body = body("BUSINESS_DAYS(2)", List.of("Étape 1"));
        ProcedureBody noRaci = new ProcedureBody(body.title(), body.objective(), body.scope(), body.taskType(),
                body.slaPolicy(), new RaciBody(List.of(), " ", null, null), null, null, null, body.steps(), null, null,
                null);

        assertThat(violations(noRaci)).containsExactlyInAnyOrder("raci.responsible", "raci.accountable");
    }

    @Test
    void shouldRefuseAResourceName_whenItHasSpaces() {
        ProcedureBody body = body("BUSINESS_DAYS(2)", List.of("Étape 1"));
        ProcedureBody spaced = new ProcedureBody(body.title(), body.objective(), body.scope(), body.taskType(),
                body.slaPolicy(), body.raci(), List.of("crm", "dossier paie"), null, null, body.steps(), null, null,
                null);

        assertThat(violations(spaced)).containsExactly("resources[1]");
    }

    @Test
    void shouldUpperCaseTheTaskTypeAndStripText_andDefaultOptionalListsToEmpty_whenMappedToTheProcedure() {
        ProcedureBody body = new ProcedureBody("  Relances clients ", "Relancer", "Factures échues", "payment_reminder",
                "WEEKLY(MON 09:00)", new RaciBody(List.of("AGENT"), " marc ", null, null), null, null, null,
                List.of(" Extraire "), null, null, null);

        Procedure procedure = body.toProcedure();

        assertThat(procedure.title()).isEqualTo("Relances clients");
        assertThat(procedure.taskType()).isEqualTo("PAYMENT_REMINDER");
        assertThat(procedure.raci().accountable()).isEqualTo("marc");
        assertThat(procedure.steps()).containsExactly("Extraire");
        assertThat(procedure.resources()).isEmpty();
        assertThat(procedure.raci().consulted()).isEmpty();
    }

    static ProcedureBody body(String slaPolicy, List<String> steps) {
        return new ProcedureBody("Relances clients", "Relancer chaque lundi les factures échues",
                "Factures échues de plus de 7 jours", "PAYMENT_REMINDER", slaPolicy,
                new RaciBody(List.of("AGENT"), "marc", List.of("finance"), List.of("direction")),
                List.of("crm", "accounting"), List.of("HubSpot"), List.of("relance-niveau-1"), steps,
                List.of("Montant vérifié"), List.of("Taux d'erreur"), List.of("modeles/relance-niveau-1.md"));
    }

    private static Set<String> violations(Object body) {
        return validator.validate(body).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .map(path -> path.replaceAll("\\.<list element>", ""))
                .collect(Collectors.toSet());
    }
}
