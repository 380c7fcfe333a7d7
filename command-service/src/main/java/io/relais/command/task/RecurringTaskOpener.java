package io.relais.command.task;

import io.relais.command.process.ProcessCatalog;
import io.relais.command.sla.SlaSettings;
import io.relais.contract.actor.Actor;
import io.relais.contract.process.ProcessOccurrenceDue;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the task of each recurring-procedure occurrence. Its SLA runs from the occurrence, not from when the
 * task was opened: an occurrence caught up after an outage is late by that much, visibly. Delivered at least
 * once; the task id is the occurrence's, so a second delivery finds the task already there and does nothing.
 */
@Component
@ProcessingGroup(RecurringTaskOpener.PROCESSING_GROUP)
class RecurringTaskOpener {

    static final String PROCESSING_GROUP = "recurring-task-opener";
    /** The scheduler acts on the company's behalf; it has no role of its own. */
    static final Actor SCHEDULER = new Actor("relais-scheduler", Set.of(), "relais");
    private static final Logger log = LoggerFactory.getLogger(RecurringTaskOpener.class);

    private final CommandGateway commands;
    private final ProcessCatalog processes;
    private final SlaDeadlines deadlines;
    private final SlaSettings settings;

    RecurringTaskOpener(CommandGateway commands, ProcessCatalog processes, SlaDeadlines deadlines, SlaSettings settings) {
        this.commands = commands;
        this.processes = processes;
        this.deadlines = deadlines;
        this.settings = settings;
    }

    @EventHandler
    void on(ProcessOccurrenceDue occurrence) {
        var process = processes.inForce(occurrence.processId());
        if (process.isEmpty()) {
            log.info("Occurrence {} of process {} not opened: the process is retired", occurrence.occurrenceAt(),
                    occurrence.processId());
            return;
        }
        var calendar = deadlines.calendar();
        LocalDate day = occurrence.occurrenceAt().atZone(settings.zoneId()).toLocalDate();
        String description = "Occurrence du " + day + (occurrence.late()
                ? ", ouverte en retard à " + occurrence.firedAt() + " (le service était arrêté)" : "");
        try {
            commands.sendAndWait(new TaskCommands.RequestTask(occurrence.taskId(), process.get().title() + " — " + day,
                    description, process.get().taskType(), TaskPriority.NORMAL, occurrence.processId(),
                    occurrence.version(), Confidentiality.INTERNAL, process.get().slaPolicy(), calendar,
                    deadlines.dueAt(process.get().slaPolicy(), calendar, occurrence.occurrenceAt()),
                    process.get().resources(), SCHEDULER,
                    occurrence.occurrenceAt()));
        } catch (AggregateStreamCreationException alreadyOpened) {
            log.debug("Occurrence task {} already opened", occurrence.taskId());
        } catch (EventStoreException maybeAlreadyOpened) {
            if (!isDuplicate(maybeAlreadyOpened)) {
                throw maybeAlreadyOpened;
            }
        }
    }

    private static boolean isDuplicate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
