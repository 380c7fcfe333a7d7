package io.relais.contract.actor;

/** Who may do what (product brief §1); the seed's RACI in brackets. */
public enum Role {
    /** An internal employee who asks for work and rates it. */
    REQUESTER,
    /** The client manager, internal referent and final validation ("Approbateur"). */
    APPROVER,
    /** The provider's assistant who does the work ("Responsable"), bound to a provider organisation. */
    AGENT,
    /** The back-office owner: SOPs, engagements, access grants. */
    ADMIN,
    /** Auditor, DPO or an acquirer's due diligence: reads the audit trail, never writes. */
    AUDITOR,
    /** Direction ("Informé"): reads dashboards only. */
    VIEWER
}
