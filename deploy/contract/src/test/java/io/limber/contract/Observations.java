package io.limber.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.local.stack.LocalStack;
import io.limber.platform.events.CloudEventEnvelope;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the running system shows, looked at once per polling round: REST answers (as a clinician, who may read every
 * person's data), the records on the topics the services write, and the services' metrics. Each distinct question is
 * asked at most once a round, however many rows need its answer.
 */
final class Observations implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** An HTTP answer: the status and, when the body is JSON, the body. */
    record Answer(int status, JsonNode body, String text) {
        boolean ok() {
            return status == 200;
        }

        String brief() {
            String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text;
            return status + " " + shown;
        }
    }

    /** A record a service wrote, read the way its consumers read it. */
    record Published(String topic, String key, String form, JsonNode event, String unreadable) {
    }

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String clinician;
    private final Map<String, TopicLog> topics = new HashMap<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private final Map<String, String> metrics = new HashMap<>();
    private final Map<String, Boolean> refreshed = new HashMap<>();

    Observations(LocalStack stack) {
        this.stack = stack;
        this.clinician = stack.tokens().clinician("clinician-contract");
    }

    /** Forgets this round's answers; the next questions go to the system again. */
    void nextRound() {
        answers.clear();
        metrics.clear();
        refreshed.clear();
    }

    /** GET on a service's API as a clinician. */
    Answer get(String service, String path) {
        return answers.computeIfAbsent(service + " " + path, k -> send(HttpRequest.newBuilder(
                stack.url(service).resolve(path)).header("Authorization", "Bearer " + clinician).GET()));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // kept as text
            }
            return new Answer(response.statusCode(), body, response.body());
        } catch (IOException e) {
            return new Answer(-1, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record on the topic so far, oldest first per partition. */
    List<Published> topic(String name) {
        TopicLog log = topics.computeIfAbsent(name, n -> new TopicLog(stack.kafkaBootstrapServers(), n));
        if (refreshed.put(name, true) == null) {
            log.catchUp();
        }
        return log.records;
    }

    /** The sum of a metric's samples whose labels include {@code labels}; 0 when there is none. */
    double metric(String service, String name, Map<String, String> labels) {
        String text = metrics.computeIfAbsent(service, s -> send(HttpRequest.newBuilder(
                stack.managementUrl(s).resolve("/q/metrics")).GET()).text());
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    @Override
    public void close() {
        topics.values().forEach(TopicLog::close);
    }

    /** One topic read from its beginning, kept up to date by {@link #catchUp()}. */
    private static final class TopicLog implements AutoCloseable {

        private final String topic;
        private final KafkaConsumer<String, String> consumer;
        private final List<TopicPartition> partitions;
        private final CloudEventEnvelope envelope = new CloudEventEnvelope(JSON);
        final List<Published> records = new ArrayList<>();

        TopicLog(String bootstrapServers, String topic) {
            this.topic = topic;
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "contract-suite-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
            this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        void catchUp() {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(5);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(read(record));
                }
            }
        }

        private Published read(ConsumerRecord<String, String> record) {
            String form = CloudEventEnvelope.formOf(record.headers()) == CloudEventEnvelope.Form.BINARY ? "binary"
                    : record.headers().lastHeader(CloudEventEnvelope.CONTENT_TYPE_HEADER) != null ? "structured"
                    : "structured, no headers";
            if (record.value() == null) {
                return new Published(topic, record.key(), "tombstone", null, "tombstone");
            }
            try {
                return new Published(topic, record.key(), form, envelope.fromKafka(record.headers(), record.value()),
                        null);
            } catch (RuntimeException e) {
                return new Published(topic, record.key(), form, null, e.getMessage());
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
