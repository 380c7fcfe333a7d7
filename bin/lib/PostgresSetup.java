import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Used by bin/relais-run: checks that PostgreSQL answers and creates the given databases when missing.
 * Usage: java -cp <postgresql driver> PostgresSetup.java <jdbc url of an admin database> <user> <password> <db>...
 * Exits 2 when the server is unreachable, 3 when a database cannot be created.
 */
public class PostgresSetup {

    public static void main(String[] args) {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            for (int i = 3; i < args.length; i++) {
                createIfMissing(connection, args[i]);
            }
        } catch (SQLException unreachable) {
            System.err.println("PostgreSQL is not reachable at " + url + " as " + user + ": " + unreachable.getMessage());
            System.exit(2);
        }
    }

    private static void createIfMissing(Connection connection, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            System.err.println("Refusing odd database name " + database);
            System.exit(3);
        }
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    System.out.println("database " + database + " exists");
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
                System.out.println("database " + database + " created");
            }
        } catch (SQLException e) {
            System.err.println("Cannot create database " + database + ": " + e.getMessage());
            System.exit(3);
        }
    }
}
