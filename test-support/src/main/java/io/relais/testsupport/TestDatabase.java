package io.relais.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A throwaway PostgreSQL database for one test run, created on the real server the project runs
 * against (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}; override
 * with {@code RELAIS_TEST_PG_URL}, {@code RELAIS_TEST_PG_USER}, {@code RELAIS_TEST_PG_PASSWORD}).
 * Where that server is unreachable but a Docker engine is, a Testcontainers PostgreSQL takes its place.
 * Each database gets a unique name so parallel runs and leftovers never collide; it is dropped when
 * the JVM exits.
 */
public final class TestDatabase {

    private static final String ADMIN_URL =
            env("RELAIS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("RELAIS_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("RELAIS_TEST_PG_PASSWORD", "");

    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Creates a new empty database whose name starts with {@code relais_<purpose>_test_}. */
    public static TestDatabase create(String purpose) {
        String name = ("relais_" + purpose + "_test_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException unreachable) {
            return TestcontainersFallback.create(unreachable);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return new TestDatabase(ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name, USER, PASSWORD);
    }

    static TestDatabase of(String url, String user, String password) {
        return new TestDatabase(url, user, password);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * Points a Spring application's data source at this database, from a {@code @DynamicPropertySource} method:
     * {@code DATABASE.registerAsDataSource(registry::add)}. (A plain function, so this module needs no Spring.)
     */
    public void registerAsDataSource(BiConsumer<String, Supplier<Object>> registry) {
        registry.accept("spring.datasource.url", this::url);
        registry.accept("spring.datasource.username", this::user);
        registry.accept("spring.datasource.password", this::password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // best effort at JVM exit: a leftover database has a unique name and harms nothing
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
