import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Used by bin/relais-run (launched as a single source file, with the PostgreSQL driver on the class path):
 * checks that PostgreSQL accepts the user, then creates each service database that is missing.
 * Existing databases are kept, so a second run finds its events and projections.
 *
 * <p>Usage: {@code java -cp <driver> PostgresSetup.java <user> <password> <jdbc url of a database>...}, or
 * {@code ... PostgresSetup.java --replay-relay <user> <password> <jdbc url of the command database>} to make the
 * Kafka relay start again from the first stored event (a new, empty broker must receive the whole history;
 * consumers drop what they already applied).
 * Exit codes: 2 server unreachable or login refused, 3 a database cannot be created, 4 bad arguments.
 */
public class PostgresSetup {

    // jdbc:postgresql://host:port/database?parameters -> the same server's maintenance database "postgres"
    private static final Pattern DATABASE_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([a-z_][a-z0-9_]*)(\\?.*)?$");

    public static void main(String[] args) {
        if (args.length == 4 && "--replay-relay".equals(args[0])) {
            replayRelay(args[3], args[1], args[2]);
            return;
        }
        if (args.length < 3) {
            fail(4, "usage: PostgresSetup <user> <password> <jdbc url>...");
        }
        String user = args[0];
        String password = args[1];
        for (int i = 2; i < args.length; i++) {
            createIfMissing(args[i], user, password);
        }
    }

    private static void replayRelay(String commandDatabaseUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(commandDatabaseUrl, user, password);
             Statement statement = connection.createStatement()) {
            var tableExists = statement.executeQuery("SELECT to_regclass('tokenentry') IS NOT NULL");
            tableExists.next();
            if (tableExists.getBoolean(1)) {
                int forgotten = statement.executeUpdate("DELETE FROM tokenentry WHERE processorname = 'kafka-relay'");
                System.out.println("relay position forgotten (" + forgotten + " segment): the event store will be"
                        + " replayed into the new broker");
            }
        } catch (SQLException e) {
            fail(3, "cannot reset the relay position in " + commandDatabaseUrl + ": " + e.getMessage());
        }
    }

    private static void createIfMissing(String databaseUrl, String user, String password) {
        Matcher url = DATABASE_URL.matcher(databaseUrl);
        if (!url.matches()) {
            fail(4, "not a jdbc:postgresql://host:port/database URL with a plain lower-case database name: " + databaseUrl);
        }
        String database = url.group(2);
        String maintenanceUrl = url.group(1) + "postgres" + (url.group(3) == null ? "" : url.group(3));
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, user, password)) {
            if (exists(connection, database)) {
                System.out.println("database " + database + " exists");
                return;
            }
            try (Statement create = connection.createStatement()) {
                // The name matched [a-z_][a-z0-9_]* above: nothing to quote, nothing to inject.
                create.execute("CREATE DATABASE " + database);
            }
            System.out.println("database " + database + " created");
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) { // created meanwhile by someone else: that is what we wanted
                System.out.println("database " + database + " exists");
            } else if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                fail(2, "PostgreSQL is not reachable at " + maintenanceUrl + ": " + e.getMessage());
            } else if ("28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())) {
                fail(2, "PostgreSQL refused the login of " + user + " at " + maintenanceUrl + ": " + e.getMessage());
            } else {
                fail(3, "cannot create database " + database + " at " + maintenanceUrl + " as " + user + ": " + e.getMessage());
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void fail(int exitCode, String message) {
        System.err.println(message);
        System.exit(exitCode);
    }
}
