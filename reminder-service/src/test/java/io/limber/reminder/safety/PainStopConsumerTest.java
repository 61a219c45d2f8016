package io.limber.reminder.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class PainStopConsumerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aSharpPainStopOnKafkaPublishesOneSafetyNudgeEvenWhenRedelivered() throws Exception {
        String sharp = painStop("p-1", "user-ps-1", 4, true);
        kafka.send("session-events", "user-ps-1", sharp);
        kafka.send("session-events", "user-ps-1", sharp); // redelivered
        kafka.send("session-events", "user-ps-1", painStop("p-2", "user-ps-1", 2, false)); // mild: no nudge
        kafka.send("session-events", "user-ps-1", painStop("p-3", "user-ps-1", 8, false)); // severe

        // same key, same partition: once p-3's nudge is out, the duplicate and p-2 have been handled
        List<ConsumerRecord<String, String>> nudges = kafka.awaitRecords("nudges",
                r -> "user-ps-1".equals(r.key()), 2, Duration.ofSeconds(30));
        JsonNode first = MAPPER.readTree(nudges.get(0).value());
        assertThat(first.path("type").asText()).isEqualTo("limber.nudge");
        assertThat(first.path("data").path("nudgeId").asText()).isEqualTo("user-ps-1:safety:p-1");
        assertThat(first.path("data").path("kind").asText()).isEqualTo("safety");
        assertThat(first.path("data").path("priority").asText()).isEqualTo("high");
        assertThat(MAPPER.readTree(nudges.get(1).value()).path("data").path("nudgeId").asText())
                .isEqualTo("user-ps-1:safety:p-3");
        assertThat(kafka.readAll("nudges").stream().filter(r -> "user-ps-1".equals(r.key()))).hasSize(2);
    }

    static String painStop(String id, String userId, int pain, boolean sharp) {
        return """
                {"specversion":"1.0","id":"%s","source":"/clients/phone","type":"limber.session.pain-stopped",
                 "time":"2026-11-20T19:05:00Z","datacontenttype":"application/json",
                 "data":{"userId":"%s","sessionId":"s-9","exercise":"forward-fold","pain":%d,"sharp":%s,"redFlags":[]}}
                """.formatted(id, userId, pain, sharp);
    }
}
