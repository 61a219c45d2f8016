package io.limber.platform.outbox;

import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How a service runs its relay, from its configuration: {@code limber.outbox.relay.enabled} (false: a test drives
 * the relay by hand), {@code limber.outbox.relay.interval} (the timer behind the commit notifications),
 * {@code limber.outbox.lanes-per-run}, {@code limber.outbox.batch-size}; and where to LISTEN, from the service's own
 * reactive datasource ({@code quarkus.datasource.reactive.url}, {@code username}, {@code password}).
 */
public record OutboxSettings(boolean enabled, Duration interval, int lanesPerRun, int batchSize,
                             PgConnectOptions listenTo) {

    public static OutboxSettings fromConfig(Config config) {
        String url = config.getOptionalValue("quarkus.datasource.reactive.url", String.class)
                .orElse("postgresql://127.0.0.1:5432/postgres").replaceFirst("^vertx-reactive:", "");
        PgConnectOptions listenTo = PgConnectOptions.fromUri(url);
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(listenTo::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(listenTo::setPassword);
        return new OutboxSettings(
                config.getOptionalValue("limber.outbox.relay.enabled", Boolean.class).orElse(true),
                config.getOptionalValue("limber.outbox.relay.interval", String.class).map(OutboxSettings::duration)
                        .orElse(Duration.ofSeconds(1)),
                config.getOptionalValue("limber.outbox.lanes-per-run", Integer.class).orElse(4),
                config.getOptionalValue("limber.outbox.batch-size", Integer.class).orElse(500),
                listenTo);
    }

    /** ISO-8601 ({@code PT0.5S}) or Quarkus' short form ({@code 500ms}, {@code 1s}, {@code 2m}). */
    static Duration duration(String value) {
        String text = value.trim();
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        char unit = text.charAt(text.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + value);
        };
    }
}
