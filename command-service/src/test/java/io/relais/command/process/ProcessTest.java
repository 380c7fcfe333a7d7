package io.relais.command.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.command.process.ProcessCommands.DefineProcess;
import io.relais.command.process.ProcessCommands.RetireProcess;
import io.relais.command.process.ProcessCommands.ReviseProcess;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.contract.process.Procedure;
import io.relais.contract.process.ProcessDefined;
import io.relais.contract.process.ProcessRetired;
import io.relais.contract.process.ProcessRevised;
import io.relais.contract.process.Raci;
import io.relais.contract.sla.CalendarSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The procedure (SOP) lifecycle, one behaviour per test: given events, when a command, then events or a refusal. */
class ProcessTest {

    private static final String ID = "b2d7a1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d";
    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");
    private static final Instant NEXT_MONDAY = Instant.parse("2026-03-09T09:00:00Z");
    private static final Instant JUNE = Instant.parse("2026-06-30T16:00:00Z");

    static final Procedure REMINDERS = new Procedure("Relances clients", "Relancer chaque lundi les factures échues",
            "Factures clients échues de plus de 7 jours", "PAYMENT_REMINDER", "WEEKLY(MON 09:00)",
            new Raci(List.of("AGENT"), "marc", List.of("finance"), List.of("direction")),
            List.of("crm", "accounting"), List.of("HubSpot"), List.of("relance-niveau-1"),
            List.of("Extraire les factures échues", "Envoyer la relance niveau 1", "Noter la relance dans le CRM"),
            List.of("Montant vérifié"), List.of("Taux d'erreur"), List.of("modeles/relance-niveau-1.md"));
    static final Procedure REMINDERS_V2 = new Procedure(REMINDERS.title(), REMINDERS.objective(), REMINDERS.scope(),
            REMINDERS.taskType(), "BUSINESS_DAYS(2)", REMINDERS.raci(), List.of("crm", "accounting", "mailbox"),
            REMINDERS.tools(), REMINDERS.templates(), REMINDERS.steps(), List.of("Montant vérifié", "Bon destinataire"),
            REMINDERS.kpis(), REMINDERS.annexes());

    private static final ProcessDefined DEFINED = new ProcessDefined(ID, 1, REMINDERS, "admin", MONDAY);
    private static final ProcessRevised REVISED =
            new ProcessRevised(ID, 2, REMINDERS_V2, "Ajout du contrôle du destinataire", "admin", NEXT_MONDAY);
    private static final ProcessRetired RETIRED =
            new ProcessRetired(ID, "Remplacé par la procédure de recouvrement", "admin", JUNE);

    private AggregateTestFixture<Process> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Process.class);
    }

    @Test
    void shouldRecordProcessDefinedAtVersion1_whenDefined() {
        fixture.givenNoPriorActivity()
                .when(new DefineProcess(ID, REMINDERS, "admin", MONDAY, PARIS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(DEFINED)
                .expectState(process -> {
                    assertThat(process.status()).isEqualTo(ProcessStatus.ACTIVE);
                    assertThat(process.version()).isEqualTo(1);
                });
    }

    @Test
    void shouldRefuseDefinition_whenTheSlaPolicyIsNotAPolicy() {
        Procedure withoutPolicy = withSlaPolicy(REMINDERS, "dès que possible");

        fixture.givenNoPriorActivity()
                .when(new DefineProcess(ID, withoutPolicy, "admin", MONDAY, PARIS))
                .expectException(ProcedureInvalid.class)
                .expectExceptionMessage(Matchers.containsString("slaPolicy"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseDefinition_whenThereIsNoStep() {
        Procedure noSteps = new Procedure(REMINDERS.title(), REMINDERS.objective(), REMINDERS.scope(),
                REMINDERS.taskType(), REMINDERS.slaPolicy(), REMINDERS.raci(), REMINDERS.resources(), null, null,
                List.of(), null, null, null);

        fixture.givenNoPriorActivity()
                .when(new DefineProcess(ID, noSteps, "admin", MONDAY, PARIS))
                .expectException(ProcedureInvalid.class)
                .expectNoEvents();
    }

    @Test
    void shouldRecordProcessRevisedAtVersion2_withTheChangeNote_whenRevised() {
        fixture.given(DEFINED)
                .when(new ReviseProcess(ID, REMINDERS_V2, "Ajout du contrôle du destinataire", "admin", NEXT_MONDAY, PARIS))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2)
                .expectEvents(REVISED);
    }

    @Test
    void shouldCountVersionsOnward_whenRevisedAgain() {
        fixture.given(DEFINED, REVISED)
                .when(new ReviseProcess(ID, REMINDERS, "Retour au lundi", "admin", JUNE, PARIS))
                .expectResultMessagePayload(3)
                .expectEvents(new ProcessRevised(ID, 3, REMINDERS, "Retour au lundi", "admin", JUNE));
    }

    @Test
    void shouldRefuseRevision_whenItChangesNothing() {
        fixture.given(DEFINED, REVISED)
                .when(new ReviseProcess(ID, REMINDERS_V2, "Rien", "admin", JUNE, PARIS))
                .expectException(ProcessRevisionUnchanged.class)
                .expectExceptionMessage(Matchers.containsString("identical to version 2"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseRevision_withStateAndAllowedActions_whenRetired() {
        fixture.given(DEFINED, RETIRED)
                .when(new ReviseProcess(ID, REMINDERS_V2, "Trop tard", "admin", JUNE, PARIS))
                .expectException(notAllowed(ProcessStatus.RETIRED, Set.of()))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseRevision_whenTheProcessWasNeverDefined() {
        fixture.givenNoPriorActivity()
                .when(new ReviseProcess(ID, REMINDERS_V2, "Nouvelle", "admin", JUNE, PARIS))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    /** The event store reads streams by id alone: Axon refuses to rebuild from a foreign stream (REST: 404). */
    @Test
    void shouldRefuseRevision_whenTheIdIsAnotherAggregatesStream() {
        fixture.given(new EngagementStarted(ID, "backoffice-pro", List.of("amina"), new BigDecimal("45.00"),
                        new BigDecimal("18.00"), CalendarSpec.FRANCE_DEFAULT, true, LocalDate.parse("2026-03-01"),
                        LocalDate.parse("2027-02-28"), "admin", MONDAY))
                .when(new ReviseProcess(ID, REMINDERS_V2, "Nouvelle", "admin", JUNE, PARIS))
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
    }

    @Test
    void shouldRecordProcessRetired_whenActive() {
        fixture.given(DEFINED, REVISED)
                .when(new RetireProcess(ID, "Remplacé par la procédure de recouvrement", "admin", JUNE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2)
                .expectEvents(RETIRED)
                .expectState(process -> assertThat(process.status()).isEqualTo(ProcessStatus.RETIRED));
    }

    @Test
    void shouldRefuseRetirement_withStateAndAllowedActions_whenAlreadyRetired() {
        fixture.given(DEFINED, RETIRED)
                .when(new RetireProcess(ID, "Encore", "admin", JUNE))
                .expectException(notAllowed(ProcessStatus.RETIRED, Set.of()))
                .expectNoEvents();
    }

    /** The refusal names the current state and what is still allowed there (nothing, once retired). */
    private static Matcher<ProcessActionNotAllowed> notAllowed(ProcessStatus state, Set<ProcessAction> allowed) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ProcessActionNotAllowed refusal) {
                return refusal.currentState() == state && refusal.allowedActions().equals(allowed)
                        && refusal.getMessage().contains("it is " + state);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ProcessActionNotAllowed in state " + state + " allowing " + allowed);
            }
        };
    }

    static Procedure withSlaPolicy(Procedure procedure, String slaPolicy) {
        return new Procedure(procedure.title(), procedure.objective(), procedure.scope(), procedure.taskType(),
                slaPolicy, procedure.raci(), procedure.resources(), procedure.tools(), procedure.templates(),
                procedure.steps(), procedure.qualityChecks(), procedure.kpis(), procedure.annexes());
    }
}
