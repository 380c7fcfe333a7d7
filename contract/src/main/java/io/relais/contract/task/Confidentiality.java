package io.relais.contract.task;

/** How widely a task's content may circulate (seed 000: "gestion de la confidentialité"). */
public enum Confidentiality {
    /** Anyone working on the company's back office may read it. */
    INTERNAL,
    /** Only the requester, approvers and the assigned provider. */
    CONFIDENTIAL,
    /** As confidential, and its content must be handled as personal or sensitive data. */
    RESTRICTED
}
