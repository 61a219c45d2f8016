package io.limber.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.local.testing.KafkaTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void startsARealBrokerWithLimbersTopicsAndRemovesEverythingOnClose() throws Exception {
        Path dataDir;
        long pid;
        try (KafkaBroker broker = KafkaBroker.startTemporary()) {
            pid = broker.pid();
            dataDir = broker.logFile().getParent();
            broker.createTopics(LimberTopic.ALL);

            try (Admin admin = broker.admin()) {
                Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                assertThat(names).contains("plans", "session-events", "adherence", "nudges", "care-reviews",
                        "session-events.dlq");
                var plans = admin.describeTopics(Set.of("plans")).allTopicNames().get(10, TimeUnit.SECONDS).get("plans");
                assertThat(plans.partitions()).hasSize(12);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "plans");
                Map<ConfigResource, Config> configs = admin.describeConfigs(Set.of(resource)).all().get(10, TimeUnit.SECONDS);
                assertThat(configs.get(resource).get("cleanup.policy").value()).isEqualTo("compact");
            }

            try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers())) {
                client.send("nudges", "user-1", "{\"hello\":1}");
                ConsumerRecord<String, String> read = client.awaitRecord("nudges",
                        r -> "user-1".equals(r.key()), Duration.ofSeconds(20));
                assertThat(read.value()).isEqualTo("{\"hello\":1}");
            }

            // a second call leaves existing topics alone
            broker.createTopics(LimberTopic.ALL);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.exists(dataDir)).isFalse();
    }
}
