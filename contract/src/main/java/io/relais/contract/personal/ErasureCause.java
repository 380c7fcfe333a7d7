package io.relais.contract.personal;

/** Why a subject's personal data was erased. */
public enum ErasureCause {
    /** An administrator erased it (a data subject's request, a legal decision). */
    REQUEST,
    /** The retention purge: the task was closed longer than the retention period. */
    RETENTION
}
