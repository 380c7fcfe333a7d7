package io.relais.contract.task;

public enum IncidentKind {
    /** A mistake in the work (wrong amount, wrong recipient, missed step). */
    ERROR,
    /** Personal or confidential data exposed, lost or altered (RGPD: "procédures d'incident"). */
    DATA_INCIDENT
}
