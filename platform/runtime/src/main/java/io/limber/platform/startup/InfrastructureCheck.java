package io.limber.platform.startup;

import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Before start-up, one clear line for a PostgreSQL or Kafka that does not answer, instead of a stack trace.
 * Without PostgreSQL the service cannot migrate its schema and does not start; without Kafka it starts,
 * reports not-ready, and the Kafka client keeps reconnecting. In production, without a key to verify bearer
 * tokens (every request would be refused with 401) it does not start either. Each service's main class calls it.
 */
public record InfrastructureCheck(String jdbcUrl, String kafkaBootstrapServers, String tokenKeyLocation,
                                  boolean production) {

    private static final int TIMEOUT_MILLIS = 3_000;
    // JBoss Logging, not io.quarkus.logging.Log: Quarkus rewrites Log calls only in application classes, not in a jar.
    private static final Logger LOG = Logger.getLogger(InfrastructureCheck.class);

    public static InfrastructureCheck fromConfig() {
        Config config = ConfigProvider.getConfig();
        return new InfrastructureCheck(
                config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse(""),
                config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse(""),
                config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).orElse(""),
                config.unwrap(SmallRyeConfig.class).getProfiles().contains("prod"));
    }

    /**
     * False when PostgreSQL is missing or unreachable, or in production without a token key (logged); a missing
     * Kafka is only logged.
     */
    public boolean passes() {
        boolean databaseAnswers = checkDatabase();
        checkKafka();
        return checkTokenKey() && databaseAnswers;
    }

    /** False (logged) in production without a key to verify bearer tokens. */
    boolean checkTokenKey() {
        if (production && tokenKeyLocation.isBlank()) {
            fatal("No key to verify bearer tokens: set JWT_PUBLIC_KEY_LOCATION to a PEM public key file or the "
                    + "OIDC provider's JWKS URL (mp.jwt.verify.publickey.location), and JWT_ISSUER");
            return false;
        }
        return true;
    }

    private boolean checkDatabase() {
        InetSocketAddress address = databaseAddress();
        if (address == null) {
            fatal("PostgreSQL is not configured: set DB_HOST, DB_PORT and DB_NAME (quarkus.datasource.jdbc.url, now '"
                    + jdbcUrl + "')");
            return false;
        }
        if (!answers(address)) {
            fatal("PostgreSQL does not answer at " + address.getHostString() + ":" + address.getPort()
                    + ": start it or set DB_HOST/DB_PORT (quarkus.datasource.jdbc.url)");
            return false;
        }
        return true;
    }

    private void checkKafka() {
        boolean anyAnswers = false;
        for (String server : kafkaBootstrapServers.split(",")) {
            InetSocketAddress address = hostAndPort(server.trim(), 9092);
            anyAnswers |= address != null && answers(address);
        }
        if (!anyAnswers) {
            LOG.warnf("Kafka does not answer at '%s': starting anyway, not ready until it does; "
                    + "set KAFKA_BOOTSTRAP_SERVERS (kafka.bootstrap.servers)", kafkaBootstrapServers);
        }
    }

    /** Straight to stderr: Quarkus holds log records back until it has started, and we exit before that. */
    private static void fatal(String message) {
        System.err.println("ERROR [" + InfrastructureCheck.class.getName() + "] " + message);
    }

    private InetSocketAddress databaseAddress() {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            return null;
        }
        String authority = URI.create(jdbcUrl.substring("jdbc:".length())).getRawAuthority();
        return authority == null ? null : hostAndPort(authority.substring(authority.indexOf('@') + 1), 5432);
    }

    private static InetSocketAddress hostAndPort(String hostPort, int defaultPort) {
        if (hostPort.isBlank()) {
            return null;
        }
        int colon = hostPort.lastIndexOf(':');
        try {
            return colon < 0
                    ? InetSocketAddress.createUnresolved(hostPort, defaultPort)
                    : InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
                            Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean answers(InetSocketAddress unresolved) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(unresolved.getHostString(), unresolved.getPort()), TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
