package io.relais.command.process;

/**
 * A revision identical to the version in force would only add noise to the history: answered 409 with the
 * current state and version; nothing is written.
 */
public class ProcessRevisionUnchanged extends IllegalStateException {

    private final String processId;
    private final int currentVersion;

    public ProcessRevisionUnchanged(String processId, int currentVersion) {
        super("The revision of process " + processId + " changes nothing: the procedure is identical to version "
                + currentVersion);
        this.processId = processId;
        this.currentVersion = currentVersion;
    }

    public String processId() {
        return processId;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
