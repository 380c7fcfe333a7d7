package io.relais.contract.task;

public enum TaskPriority {
    LOW, NORMAL, HIGH, CRITICAL
}
