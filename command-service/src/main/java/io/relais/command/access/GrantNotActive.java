package io.relais.command.access;

/** Revoking or reviewing a grant that already ended: 409 naming its state, nothing written. */
public class GrantNotActive extends RuntimeException {

    private final String grantId;
    private final GrantStatus status;

    public GrantNotActive(String grantId, String action, GrantStatus status) {
        super("Cannot " + action + " grant " + grantId + ": it is " + status);
        this.grantId = grantId;
        this.status = status;
    }

    public String grantId() {
        return grantId;
    }

    public GrantStatus status() {
        return status;
    }
}
