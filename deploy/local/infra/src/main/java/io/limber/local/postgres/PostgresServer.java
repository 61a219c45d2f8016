package io.limber.local.postgres;

import io.limber.local.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server for tests and the local stack: the one the environment points at
 * ({@code LIMBER_PG_HOST}, {@code LIMBER_PG_PORT}, {@code LIMBER_PG_USER}, {@code LIMBER_PG_PASSWORD}),
 * or else an embedded PostgreSQL started from the binaries on Maven Central.
 */
public final class PostgresServer implements AutoCloseable {

    /** Environment variable whose presence selects an existing server. */
    public static final String HOST_VARIABLE = "LIMBER_PG_HOST";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private volatile EmbeddedPostgres embedded;
    private Stop stopBy = Stop.AT_JVM_EXIT;
    private final Path dataDir;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded,
                           Path dataDir) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dataDir = dataDir;
    }

    /** The configured server when {@value #HOST_VARIABLE} is set, else a new embedded one on a free port. */
    public static PostgresServer fromEnvironmentOrEmbedded() {
        return fromEnvironmentOrEmbedded(System.getenv(), Ports.free(), null);
    }

    /**
     * As {@link #fromEnvironmentOrEmbedded()}, with the embedded server's port and, when not null, a
     * data directory that survives restarts.
     */
    public static PostgresServer fromEnvironmentOrEmbedded(Map<String, String> env, int embeddedPort, Path dataDir) {
        return fromEnvironmentOrEmbedded(env, embeddedPort, dataDir, Stop.AT_JVM_EXIT);
    }

    /**
     * As {@link #fromEnvironmentOrEmbedded(Map, int, Path)}; with {@link Stop#BY_OWNER} an embedded server is stopped
     * only by {@link #close()}, so an owner that stops its clients first (the local stack) keeps it up until they are.
     */
    public static PostgresServer fromEnvironmentOrEmbedded(Map<String, String> env, int embeddedPort, Path dataDir,
            Stop stop) {
        String host = env.get(HOST_VARIABLE);
        if (host != null && !host.isBlank()) {
            PostgresServer server = new PostgresServer(host,
                    Integer.parseInt(env.getOrDefault("LIMBER_PG_PORT", "5432")),
                    env.getOrDefault("LIMBER_PG_USER", "postgres"),
                    env.getOrDefault("LIMBER_PG_PASSWORD", ""),
                    null, null);
            server.checkReachable();
            return server;
        }
        return embedded(embeddedPort, dataDir, stop);
    }

    /**
     * An embedded server on {@code port} with its data in {@code dataDir}, whatever the environment says: one that
     * {@link #stop()} and {@link #restart()} may take down and bring back (the fault suite's).
     */
    public static PostgresServer restartableEmbedded(int port, Path dataDir, Stop stop) {
        return embedded(port, dataDir, stop);
    }

    /** Who stops an embedded server: its own hook when the JVM exits (zonky's default), or only its owner. */
    public enum Stop {
        /** zonky's shutdown hook stops it at JVM exit, in parallel with every other hook. */
        AT_JVM_EXIT,
        /** only {@link #close()}: at JVM exit the owner's hook decides when, after the services using it stopped. */
        BY_OWNER
    }

    private static PostgresServer embedded(int port, Path dataDir, Stop stop) {
        EmbeddedPostgres pg = startEmbedded(port, dataDir, stop);
        PostgresServer server = new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "", pg, dataDir);
        server.stopBy = stop;
        return server;
    }

    private static EmbeddedPostgres startEmbedded(int port, Path dataDir, Stop stop) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(stop == Stop.AT_JVM_EXIT)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form of Vert.x's reactive PostgreSQL client. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabaseIfMissing(String database) {
        requireSafeName(database);
        try (Connection connection = connect("postgres");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database, ending its open connections first. */
    public void dropDatabase(String database) {
        requireSafeName(database);
        try (Connection connection = connect("postgres"); Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + database + ": " + e.getMessage(), e);
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Stops an embedded server that keeps its data directory (fast shutdown: open connections are ended). */
    public void stop() {
        requireRestartable();
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }

    /** Starts a stopped embedded server again on the same port and data directory. */
    public void restart() {
        requireRestartable();
        embedded = startEmbedded(port, dataDir, stopBy);
    }

    private void requireRestartable() {
        if (embedded == null || dataDir == null) {
            throw new IllegalStateException("only an embedded PostgreSQL with its own data directory can be restarted");
        }
    }

    /** Stops an embedded server; a configured one is left running. */
    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the server is gone either way
            }
        }
    }

    private void checkReachable() {
        try (Connection ignored = connect("postgres")) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " (set by " + HOST_VARIABLE
                    + "/LIMBER_PG_PORT) is not reachable: " + e.getMessage(), e);
        }
    }

    private static void requireSafeName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }
}
