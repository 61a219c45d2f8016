package io.limber.reminder.support;

import io.limber.local.Ports;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * The usual broker and database, with their settings kept so a test can start a second replica on them; and a
 * free management port, since the packaged service (prod profile) would otherwise take the fixed 9083.
 */
public class SharedInfraResource extends KafkaAndPostgresTestResource {

    private static volatile Map<String, String> config = Map.of();

    @Override
    public Map<String, String> start() {
        Map<String, String> started = new HashMap<>(super.start());
        started.put("quarkus.management.port", String.valueOf(Ports.free()));
        config = Map.copyOf(started);
        return started;
    }

    public static Map<String, String> config() {
        return config;
    }
}
