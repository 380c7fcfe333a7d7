package io.relais.benchmark;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Phase 3's operation: one command of the request → assign → start → complete lifecycle. A task whose last
 * command succeeded waits in a queue for its next one; when none waits, a new task is requested. Over a run the
 * four commands come in equal shares. Callers: claire (REQUESTER), marc (APPROVER), amina (AGENT of the
 * benchmark's engagement with backoffice-pro).
 */
final class RelaisCommands implements LoadDriver.Operation {

    private static final String[] TYPES = {"INVOICING", "PAYMENT_REMINDER", "CRM_UPDATE", "SUPPORT_MAIL", "PAYROLL"};
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "CRITICAL"};

    private record Pending(String taskId, int nextStep) {
    }

    private final String base;
    private final String requester;
    private final String approver;
    private final String agent;
    private final Freshness freshness;
    private final ConcurrentLinkedQueue<Pending> ready = new ConcurrentLinkedQueue<>();

    RelaisCommands(String base, String requester, String approver, String agent, Freshness freshness) {
        this.base = base;
        this.requester = requester;
        this.approver = approver;
        this.agent = agent;
        this.freshness = freshness;
    }

    @Override
    public int call() throws InterruptedException {
        Pending task = ready.poll();
        Http.Answer answer;
        String taskId;
        int step;
        if (task == null) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            answer = Http.post(base + "/api/tasks", requester, """
                    {"title":"Relancer les factures impayées","description":"Clients Dupont et Martin",\
                    "type":"%s","priority":"%s"}""".formatted(TYPES[random.nextInt(TYPES.length)],
                    PRIORITIES[random.nextInt(PRIORITIES.length)]));
            step = 0;
            taskId = answer.status() == 201 ? Http.id(answer.body()) : null;
        } else {
            taskId = task.taskId();
            step = task.nextStep();
            String path = base + "/api/tasks/" + taskId;
            answer = switch (step) {
                case 1 -> Http.post(path + "/assignment", approver, "{\"agent\":\"amina\"}");
                case 2 -> Http.post(path + "/start", agent, null);
                default -> Http.post(path + "/completion", agent, "{\"timeSpentMinutes\":25}");
            };
        }
        if (answer.status() >= 200 && answer.status() < 300 && taskId != null) {
            if (freshness != null) {
                freshness.accepted(taskId, step, System.nanoTime());
            }
            if (step < 3) {
                ready.add(new Pending(taskId, step + 1));
            }
        }
        return answer.status();
    }
}
