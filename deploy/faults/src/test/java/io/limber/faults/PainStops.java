package io.limber.faults;

import io.limber.local.testing.CloudEventForms;
import io.limber.local.testing.KafkaTestClient;
import io.limber.simulator.Cohort;
import io.limber.simulator.Person;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two people with plans and the pain-stops their apps put on {@code session-events} in CloudEvents binary mode
 * ({@code ce_*} headers, the value is {@code data}) while a fault is in effect: a sharp one (a safety message is due)
 * and one with a red flag (an emergency message and an urgent care review). Binary mode once got neither. Like
 * {@link Load}, a send that fails is tried again until the broker accepts it.
 */
final class PainStops {

    static final String TOPIC = "session-events";
    static final String RED_FLAG = "saddle-numbness";

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
    private static final long RETRY_MILLIS = 500;

    private final Person sharp;
    private final Person redFlag;
    private final String sharpEventId;
    private final String redFlagEventId;
    private final AtomicInteger retried = new AtomicInteger();
    private volatile Thread thread;
    private volatile RuntimeException failure;

    private PainStops(Person sharp, Person redFlag, long seed) {
        this.sharp = sharp;
        this.redFlag = redFlag;
        this.sharpEventId = eventId("sharp", seed);
        this.redFlagEventId = eventId("red-flag", seed);
    }

    /** Two people of a cohort of their own ({@code seed} must differ from every other cohort's in the suite). */
    static PainStops forNewPeople(long seed) {
        List<Person> people = new Cohort(seed, 2).people();
        return new PainStops(people.get(0), people.get(1), seed);
    }

    /** The two people; each needs a plan before the pain-stops go out. */
    List<Person> people() {
        return List.of(sharp, redFlag);
    }

    Person redFlagPerson() {
        return redFlag;
    }

    Set<String> eventIds() {
        return Set.of(sharpEventId, redFlagEventId);
    }

    String redFlagEventId() {
        return redFlagEventId;
    }

    /** The safety nudge's deterministic id: person, rule, occurrence (the pain-stop). */
    String safetyNudgeId() {
        return sharp.userId() + ":safety:" + sharpEventId;
    }

    String emergencyNudgeId() {
        return redFlag.userId() + ":emergency:" + redFlagEventId;
    }

    /**
     * Starts sending both pain-stops, binary mode, on a thread of their own and returns at once: the fault may have
     * the broker away, and the sends then wait for it.
     */
    void sendInBackground(String bootstrapServers) {
        if (thread != null) {
            throw new IllegalStateException("the pain-stops were sent already");
        }
        thread = new Thread(() -> send(bootstrapServers), "fault-suite-pain-stops");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the broker has acknowledged both; fails if they were never sent or the sender gave up. */
    void awaitSent(Duration timeout) throws InterruptedException {
        if (thread == null) {
            throw new AssertionError("the binary pain-stops were never sent");
        }
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the binary pain-stops were not acknowledged within " + timeout);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Sends that failed and were tried again (the retried record may reach the topic twice: same event id). */
    int retried() {
        return retried.get();
    }

    private void send(String bootstrapServers) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            sendUntilAccepted(kafka, sharp.userId(), painStop(sharpEventId, sharp.userId(), 8, true, List.of(), now));
            sendUntilAccepted(kafka, redFlag.userId(),
                    painStop(redFlagEventId, redFlag.userId(), 4, false, List.of(RED_FLAG), now));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("the binary pain-stops were interrupted", e);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void sendUntilAccepted(KafkaTestClient kafka, String key, String structuredJson)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        while (true) {
            try {
                kafka.send(CloudEventForms.record(TOPIC, key, structuredJson, CloudEventForms.Form.BINARY));
                return;
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("a binary pain-stop could not be sent for " + GIVE_UP_AFTER, e);
                }
                retried.incrementAndGet();
                TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            }
        }
    }

    /** A pain-stop as an app writes it (structured JSON; {@link CloudEventForms} turns it into binary mode). */
    static String painStop(String eventId, String userId, int pain, boolean sharp, List<String> redFlags,
                           Instant time) {
        String flags = redFlags.stream().map(f -> "\"" + f + "\"").reduce((a, b) -> a + "," + b).orElse("");
        return """
                {"specversion":"1.0","id":"%1$s","source":"/clients/fault-suite","type":"limber.session.pain-stopped",\
                "time":"%3$s","datacontenttype":"application/json",\
                "dataschema":"urn:limber:schema:session-pain-stopped:1","data":{"userId":"%2$s",\
                "sessionId":"s-%1$s","routineId":"lower-back-stretches","routineVersion":1,"startedAt":"%4$s",\
                "exerciseId":"forward-fold","pain":%5$d,"sharp":%6$b,"redFlags":[%7$s]}}"""
                .formatted(eventId, userId, time, time.minusSeconds(120), pain, sharp, flags);
    }

    private static String eventId(String kind, long seed) {
        return UUID.nameUUIDFromBytes(("fault-suite-pain-" + kind + "-" + seed).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
