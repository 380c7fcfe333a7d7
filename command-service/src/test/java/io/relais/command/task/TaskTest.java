package io.relais.command.task;

import io.relais.command.task.TaskCommands.ApproveTask;
import io.relais.command.task.TaskCommands.AssignTask;
import io.relais.command.task.TaskCommands.CancelTask;
import io.relais.command.task.TaskCommands.CompleteTask;
import io.relais.command.task.TaskCommands.EscalateTask;
import io.relais.command.task.TaskCommands.PutTaskOnHold;
import io.relais.command.task.TaskCommands.RateTask;
import io.relais.command.task.TaskCommands.ReportIncident;
import io.relais.command.task.TaskCommands.ReprioritizeTask;
import io.relais.command.task.TaskCommands.RequestRework;
import io.relais.command.task.TaskCommands.RequestTask;
import io.relais.command.task.TaskCommands.ResumeTask;
import io.relais.command.task.TaskCommands.StartTask;
import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.IncidentKind;
import io.relais.contract.task.IncidentReported;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskApproved;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskCancelled;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskEscalated;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskPutOnHold;
import io.relais.contract.task.TaskRated;
import io.relais.contract.task.TaskReprioritized;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskResumed;
import io.relais.contract.task.TaskReworkRequested;
import io.relais.contract.task.TaskStarted;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task lifecycle, one behaviour per test: given events, when a command, then events or a refusal. */
class TaskTest {

    private static final String ID = "6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21";
    private static final Instant FRIDAY_1700 = Instant.parse("2026-03-13T16:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-18T13:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-16T09:00:00Z");
    private static final String ENGAGEMENT = "0a9b8c7d-6e5f-4d3c-8b2a-1f0e9d8c7b6a";

    private static final Actor CLAIRE = new Actor("claire", Set.of(Role.REQUESTER), "acme");
    private static final Actor PAUL = new Actor("paul", Set.of(Role.REQUESTER), "acme");
    private static final Actor MARC = new Actor("marc", Set.of(Role.APPROVER), "acme");
    private static final Actor AMINA = new Actor("amina", Set.of(Role.AGENT), "backoffice-pro");
    private static final Actor NOUR = new Actor("nour", Set.of(Role.AGENT), "backoffice-pro");
    private static final Actor YANN = new Actor("yann", Set.of(Role.AGENT), "assistance-plus");

    private static final TaskRequested REQUESTED = new TaskRequested(ID, "Relancer les impayés", null,
            "PAYMENT_REMINDER", TaskPriority.HIGH, null, 0, "claire", Confidentiality.CONFIDENTIAL,
            "BUSINESS_HOURS(24)", CalendarSpec.FRANCE_DEFAULT, DUE, FRIDAY_1700);
    private static final TaskAssigned ASSIGNED =
            new TaskAssigned(ID, "amina", "backoffice-pro", ENGAGEMENT, "marc", FRIDAY_1700.plusSeconds(60));
    private static final TaskStarted STARTED = new TaskStarted(ID, "amina", LATER);
    private static final TaskCompleted COMPLETED = new TaskCompleted(ID, 45,
            List.of(new ChecklistResult("Montant vérifié", true, null)), "amina", LATER.plusSeconds(3600));
    private static final TaskApproved APPROVED = new TaskApproved(ID, "marc", LATER.plusSeconds(7200));

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    @Test
    void shouldRecordTheRequest_withItsDeadlinePolicyAndCalendar_andTheRequesterAsActor() {
        fixture.givenNoPriorActivity()
                .when(new RequestTask(ID, "Relancer les impayés", null, "PAYMENT_REMINDER", TaskPriority.HIGH, null, 0,
                        Confidentiality.CONFIDENTIAL, "BUSINESS_HOURS(24)", CalendarSpec.FRANCE_DEFAULT, DUE, List.of(), CLAIRE,
                        FRIDAY_1700))
                .expectEvents(REQUESTED);
    }

    @Test
    void shouldAssignARequestedTask_toTheProvidersAgent() {
        fixture.given(REQUESTED)
                .when(new AssignTask(ID, "amina", "backoffice-pro", ENGAGEMENT, Set.of(), MARC, FRIDAY_1700.plusSeconds(60)))
                .expectEvents(ASSIGNED)
                .expectResultMessagePayload(TaskStatus.ASSIGNED);
    }

    @Test
    void shouldReassign_toAnotherAgent() {
        fixture.given(REQUESTED, ASSIGNED)
                .when(new AssignTask(ID, "nour", "backoffice-pro", ENGAGEMENT, Set.of(), MARC, LATER))
                .expectEvents(new TaskAssigned(ID, "nour", "backoffice-pro", ENGAGEMENT, "marc", LATER));
    }

    @Test
    void shouldRefuseAssigningAgain_toTheSameAgent() {
        fixture.given(REQUESTED, ASSIGNED)
                .when(new AssignTask(ID, "amina", "backoffice-pro", ENGAGEMENT, Set.of(), MARC, LATER))
                .expectException(TaskRuleViolated.class)
                .expectNoEvents();
    }

    @Test
    void shouldStart_whenTheAssignedAgentStartsIt() {
        fixture.given(REQUESTED, ASSIGNED)
                .when(new StartTask(ID, AMINA, LATER))
                .expectEvents(STARTED)
                .expectResultMessagePayload(TaskStatus.IN_PROGRESS);
    }

    @Test
    void shouldRefuseStart_byAnotherAgentOfTheSameProvider() {
        fixture.given(REQUESTED, ASSIGNED)
                .when(new StartTask(ID, NOUR, LATER))
                .expectException(TaskRuleViolated.class)
                .expectNoEvents();
    }

    @Test
    void shouldAnswerNotFound_whenAnAgentOfAnotherProviderActs() {
        fixture.given(REQUESTED, ASSIGNED)
                .when(new StartTask(ID, YANN, LATER))
                .expectException(TaskNotVisible.class)
                .expectNoEvents();
    }

    @Test
    void shouldAnswerNotFound_whenAnotherRequesterCancels() {
        fixture.given(REQUESTED)
                .when(new CancelTask(ID, "pas à moi", PAUL, LATER))
                .expectException(TaskNotVisible.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseStart_whenTheTaskIsNotAssignedYet() {
        fixture.given(REQUESTED)
                .when(new StartTask(ID, AMINA, LATER))
                .expectException(TaskNotVisible.class);
    }

    @Test
    void shouldPutOnHold_andResumeToTheStateItWasIn() {
        fixture.given(REQUESTED, ASSIGNED, STARTED, new TaskPutOnHold(ID, "Relevé manquant", LATER.plusSeconds(60)))
                .when(new ResumeTask(ID, AMINA, LATER.plusSeconds(120)))
                .expectEvents(new TaskResumed(ID, LATER.plusSeconds(120)))
                .expectResultMessagePayload(TaskStatus.IN_PROGRESS);
    }

    @Test
    void shouldRefuseCompletion_whileOnHold_namingTheStateAndTheAllowedActions() {
        fixture.given(REQUESTED, ASSIGNED, STARTED, new TaskPutOnHold(ID, "Relevé manquant", LATER.plusSeconds(60)))
                .when(new CompleteTask(ID, 30, List.of(), AMINA, LATER.plusSeconds(120)))
                .expectException(TaskActionNotAllowed.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("it is ON_HOLD"))
                .expectNoEvents();
    }

    @Test
    void shouldComplete_withTimeSpentAndChecklist() {
        fixture.given(REQUESTED, ASSIGNED, STARTED)
                .when(new CompleteTask(ID, 45, List.of(new ChecklistResult("Montant vérifié", true, null)), AMINA,
                        LATER.plusSeconds(3600)))
                .expectEvents(COMPLETED)
                .expectResultMessagePayload(TaskStatus.DONE);
    }

    @Test
    void shouldApprove_aDeliveredTask() {
        fixture.given(REQUESTED, ASSIGNED, STARTED, COMPLETED)
                .when(new ApproveTask(ID, MARC, LATER.plusSeconds(7200)))
                .expectEvents(APPROVED)
                .expectResultMessagePayload(TaskStatus.APPROVED);
    }

    @Test
    void shouldSendBackForRework_toInProgress() {
        fixture.given(REQUESTED, ASSIGNED, STARTED, COMPLETED)
                .when(new RequestRework(ID, "Montant faux", MARC, LATER.plusSeconds(7200)))
                .expectEvents(new TaskReworkRequested(ID, "Montant faux", "marc", LATER.plusSeconds(7200)))
                .expectResultMessagePayload(TaskStatus.IN_PROGRESS);
    }

    @Test
    void shouldRefuseApproval_whenTaskCancelled() {
        fixture.given(REQUESTED, new TaskCancelled(ID, "Doublon", "claire", LATER))
                .when(new ApproveTask(ID, MARC, LATER.plusSeconds(60)))
                .expectException(TaskActionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseApproval_beforeDelivery() {
        fixture.given(REQUESTED, ASSIGNED, STARTED)
                .when(new ApproveTask(ID, MARC, LATER))
                .expectException(TaskActionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void shouldCancel_byItsRequester() {
        fixture.given(REQUESTED)
                .when(new CancelTask(ID, "Doublon", CLAIRE, LATER))
                .expectEvents(new TaskCancelled(ID, "Doublon", "claire", LATER))
                .expectResultMessagePayload(TaskStatus.CANCELLED);
    }

    @Test
    void shouldRefuseCancellation_onceApproved() {
        fixture.given(REQUESTED, ASSIGNED, STARTED, COMPLETED, APPROVED)
                .when(new CancelTask(ID, "trop tard", CLAIRE, LATER.plusSeconds(9000)))
                .expectException(TaskActionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void shouldEscalate_withoutChangingTheState() {
        fixture.given(REQUESTED, ASSIGNED)
                .when(new EscalateTask(ID, "Client mécontent", CLAIRE, LATER))
                .expectEvents(new TaskEscalated(ID, "Client mécontent", "claire", LATER))
                .expectResultMessagePayload(TaskStatus.ASSIGNED);
    }

    @Test
    void shouldReprioritize_recordingFromAndTo() {
        fixture.given(REQUESTED)
                .when(new ReprioritizeTask(ID, TaskPriority.CRITICAL, MARC, LATER))
                .expectEvents(new TaskReprioritized(ID, TaskPriority.HIGH, TaskPriority.CRITICAL, "marc", LATER));
    }

    @Test
    void shouldRefuseReprioritizing_toTheSamePriority() {
        fixture.given(REQUESTED)
                .when(new ReprioritizeTask(ID, TaskPriority.HIGH, MARC, LATER))
                .expectException(TaskRuleViolated.class)
                .expectNoEvents();
    }

    @Test
    void shouldRate_anApprovedTask_byItsRequester() {
        fixture.given(REQUESTED, ASSIGNED, STARTED, COMPLETED, APPROVED)
                .when(new RateTask(ID, 9, "Parfait", CLAIRE, LATER.plusSeconds(9000)))
                .expectEvents(new TaskRated(ID, 9, "Parfait", "claire", LATER.plusSeconds(9000)));
    }

    @Test
    void shouldRefuseASecondRating() {
        fixture.given(REQUESTED, ASSIGNED, STARTED, COMPLETED, APPROVED,
                        new TaskRated(ID, 9, null, "claire", LATER.plusSeconds(9000)))
                .when(new RateTask(ID, 3, "finalement non", CLAIRE, LATER.plusSeconds(9100)))
                .expectException(TaskRuleViolated.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseRating_beforeApproval() {
        fixture.given(REQUESTED, ASSIGNED, STARTED, COMPLETED)
                .when(new RateTask(ID, 9, null, CLAIRE, LATER))
                .expectException(TaskActionNotAllowed.class);
    }

    @Test
    void shouldRecordAnIncident_evenAfterApproval() {
        fixture.given(REQUESTED, ASSIGNED, STARTED, COMPLETED, APPROVED)
                .when(new ReportIncident(ID, "inc-1", IncidentKind.DATA_INCIDENT, IncidentSeverity.HIGH,
                        "Mauvais destinataire", MARC, LATER.plusSeconds(9000)))
                .expectEvents(new IncidentReported(ID, "inc-1", IncidentKind.DATA_INCIDENT, IncidentSeverity.HIGH,
                        "Mauvais destinataire", "marc", LATER.plusSeconds(9000)));
    }

    @Test
    void shouldRefuseEverything_onceCancelled() {
        fixture.given(REQUESTED, new TaskCancelled(ID, "Doublon", "claire", LATER))
                .when(new ReportIncident(ID, "inc-2", IncidentKind.ERROR, IncidentSeverity.LOW, "x", MARC, LATER))
                .expectException(TaskActionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void shouldPutOnHoldFromAssigned_andResumeToAssigned() {
        fixture.given(REQUESTED, ASSIGNED, new TaskPutOnHold(ID, "Attente client", LATER))
                .when(new ResumeTask(ID, MARC, LATER.plusSeconds(60)))
                .expectEvents(new TaskResumed(ID, LATER.plusSeconds(60)))
                .expectResultMessagePayload(TaskStatus.ASSIGNED);
    }

    // --- least privilege tied to the work (issue 5) -------------------------------------------------------------

    private static final TaskRequested PAYROLL = new TaskRequested(ID, "Préparer la paie", null, "PAYROLL",
            TaskPriority.HIGH, "b2d7a1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d", 1, "claire", Confidentiality.RESTRICTED,
            "BUSINESS_DAYS(2)", CalendarSpec.FRANCE_DEFAULT, DUE, FRIDAY_1700, List.of("payroll-folder", "hr-software"));

    @Test
    void shouldRefuseAssignment_namingEveryMissingResource_whenTheAgentLacksGrants() {
        fixture.given(PAYROLL)
                .when(new AssignTask(ID, "amina", "backoffice-pro", ENGAGEMENT, Set.of("hr-software", "crm"), MARC, LATER))
                .expectException(MissingAccess.class)
                .expectExceptionMessage("Agent amina holds no active grant for payroll-folder, which task " + ID
                        + " requires")
                .expectNoEvents();
    }

    @Test
    void shouldAssign_whenTheAgentHoldsAGrantForEveryRequiredResource() {
        fixture.given(PAYROLL)
                .when(new AssignTask(ID, "amina", "backoffice-pro", ENGAGEMENT,
                        Set.of("payroll-folder", "hr-software", "crm"), MARC, LATER))
                .expectEvents(new TaskAssigned(ID, "amina", "backoffice-pro", ENGAGEMENT, "marc", LATER));
    }

    @Test
    void shouldFlagTheTask_whenItsAgentLosesARequiredResource() {
        fixture.given(PAYROLL, new TaskAssigned(ID, "amina", "backoffice-pro", ENGAGEMENT, "marc", LATER))
                .when(new TaskCommands.FlagTaskAccessLost(ID, "amina", "payroll-folder", "g-1", "Fin de mission",
                        LATER.plusSeconds(60)))
                .expectEvents(new io.relais.contract.task.TaskAccessLost(ID, "amina", "payroll-folder", "g-1",
                        "Fin de mission", LATER.plusSeconds(60)));
    }

    @Test
    void shouldFlagNothing_whenTheTaskIsClosedOrReassignedOrDoesNotNeedTheResource() {
        var assigned = new TaskAssigned(ID, "amina", "backoffice-pro", ENGAGEMENT, "marc", LATER);
        var flag = new TaskCommands.FlagTaskAccessLost(ID, "amina", "payroll-folder", "g-1", "x", LATER.plusSeconds(60));
        fixture.given(PAYROLL, assigned, new TaskCancelled(ID, "Doublon", "claire", LATER)).when(flag).expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(PAYROLL, assigned, new TaskAssigned(ID, "nour", "backoffice-pro", ENGAGEMENT, "marc", LATER))
                .when(flag).expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(PAYROLL, assigned)
                .when(new TaskCommands.FlagTaskAccessLost(ID, "amina", "crm", "g-2", "x", LATER))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }
}
