package io.limber.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends client events the way apps do: straight to {@code session-events}, or through the HTTP ingress. */
public final class EventSender implements AutoCloseable {

    static final String TOPIC = "session-events";

    private final KafkaProducer<String, String> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI ingress;
    private final Credentials credentials;
    private final AtomicLong sentToKafka = new AtomicLong();
    private final AtomicLong sentOverHttp = new AtomicLong();

    public EventSender(String bootstrapServers, URI sessionService, Credentials credentials) {
        this.credentials = credentials;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        this.ingress = sessionService.resolve("/events");
    }

    public void send(ClientEvent event) {
        if (event.channel() == Persona.Channel.KAFKA) {
            producer.send(new ProducerRecord<>(TOPIC, event.userId(), event.json()));
            sentToKafka.incrementAndGet();
        } else {
            post(event);
            sentOverHttp.incrementAndGet();
        }
    }

    /** Waits until the broker has every record sent so far. */
    public void flush() {
        producer.flush();
    }

    public long sentToKafka() {
        return sentToKafka.get();
    }

    public long sentOverHttp() {
        return sentOverHttp.get();
    }

    private void post(ClientEvent event) {
        HttpRequest request = HttpRequest.newBuilder(ingress)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/cloudevents+json")
                .header("Authorization", credentials.patient(event.userId()))
                .POST(HttpRequest.BodyPublishers.ofString(event.json()))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                if (response.statusCode() / 100 == 4) {
                    throw new IllegalStateException("ingress refused event " + event.eventId() + ": "
                            + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw new IllegalStateException("ingress unreachable at " + ingress, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (attempt >= 5) {
                throw new IllegalStateException("ingress kept failing for event " + event.eventId());
            }
            backOff(attempt);
        }
    }

    private static void backOff(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
