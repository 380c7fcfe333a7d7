package io.relais.contract.task;

public enum IncidentSeverity {
    LOW, MEDIUM, HIGH, CRITICAL
}
