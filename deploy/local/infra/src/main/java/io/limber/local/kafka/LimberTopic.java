package io.limber.local.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Kafka topic of Limber as the design gives it: name, partitions, and compaction or retention.
 * The Kubernetes KafkaTopic manifests must agree with this list.
 */
public record LimberTopic(String name, int partitions, boolean compacted, Duration retention) {

    public static final int PARTITIONS = 12;
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);
    private static final Duration SEVEN_DAYS = Duration.ofDays(7);

    public static final List<LimberTopic> ALL = List.of(
            compacted("plans"),
            kept("session-events", THIRTY_DAYS),
            compacted("adherence"),
            kept("nudges", SEVEN_DAYS),
            kept("care-reviews", SEVEN_DAYS),
            kept("plans.dlq", THIRTY_DAYS),
            kept("session-events.dlq", THIRTY_DAYS),
            kept("adherence.dlq", THIRTY_DAYS),
            kept("care-reviews.dlq", THIRTY_DAYS));

    private static LimberTopic compacted(String name) {
        return new LimberTopic(name, PARTITIONS, true, null);
    }

    private static LimberTopic kept(String name, Duration retention) {
        return new LimberTopic(name, PARTITIONS, false, retention);
    }

    /** The topic-level configuration Kafka needs for this topic. */
    public Map<String, String> config() {
        return compacted
                ? Map.of("cleanup.policy", "compact")
                : Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis()));
    }
}
