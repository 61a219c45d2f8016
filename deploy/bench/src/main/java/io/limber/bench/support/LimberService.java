package io.limber.bench.support;

import io.limber.local.postgres.PostgresServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Limber service as the benchmarks start it: its packaged jar and the environment its prod profile reads (the
 * same variables {@code LocalStack} passes). The one place that knows how a service process is configured.
 */
public enum LimberService {
    ROUTINE("routine-service", "routine"),
    SESSION("session-service", "session"),
    REMINDER("reminder-service", "reminder");

    private final String serviceName;
    private final String database;

    LimberService(String serviceName, String database) {
        this.serviceName = serviceName;
        this.database = database;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The short name its database is named after. */
    public String database() {
        return database;
    }

    public Path jar(Path root) {
        return root.resolve(serviceName).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The process environment: API and management ports, the bearer-token key, Kafka, and the service's own
     * database.
     */
    public Map<String, String> env(int httpPort, int managementPort, String bootstrapServers, PostgresServer postgres,
                                   String databaseName) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.putAll(io.limber.bench.ServiceKeys.environment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("DB_HOST", postgres.host());
        env.put("DB_PORT", Integer.toString(postgres.port()));
        env.put("DB_NAME", databaseName);
        env.put("DB_USER", postgres.user());
        env.put("DB_PASSWORD", postgres.password());
        return env;
    }
}
