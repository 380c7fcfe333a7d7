package io.relais.testsupport;

import java.sql.SQLException;

/** The path for machines with Docker but no local PostgreSQL. Kept apart so Testcontainers stays optional. */
final class TestcontainersFallback {

    private static Object container;

    private TestcontainersFallback() {
    }

    static synchronized TestDatabase create(SQLException whyLocalFailed) {
        try {
            Class.forName("org.testcontainers.containers.PostgreSQLContainer");
        } catch (ClassNotFoundException absent) {
            throw new IllegalStateException("PostgreSQL is unreachable (" + whyLocalFailed.getMessage()
                    + ") and Testcontainers is not on the classpath", whyLocalFailed);
        }
        try {
            if (container == null) {
                var postgres = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:15");
                postgres.start();
                container = postgres;
            }
            var postgres = (org.testcontainers.containers.PostgreSQLContainer<?>) container;
            return TestDatabase.of(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        } catch (RuntimeException noDocker) {
            IllegalStateException failure = new IllegalStateException(
                    "PostgreSQL is unreachable at the configured URL and no Docker engine is available", noDocker);
            failure.addSuppressed(whyLocalFailed);
            throw failure;
        }
    }
}
