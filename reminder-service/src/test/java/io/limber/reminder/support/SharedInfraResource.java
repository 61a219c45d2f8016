package io.limber.reminder.support;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import java.util.Map;

/** The usual broker and database, with their settings kept so a test can start a second replica on them. */
public class SharedInfraResource extends KafkaAndPostgresTestResource {

    private static volatile Map<String, String> config = Map.of();

    @Override
    public Map<String, String> start() {
        Map<String, String> started = super.start();
        config = Map.copyOf(started);
        return started;
    }

    public static Map<String, String> config() {
        return config;
    }
}
