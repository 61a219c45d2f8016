package io.limber.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Turns what a person did on a day into the events their app sends, in the contract's shape. */
public final class SessionScript {

    /** The built-in evening routine's holds, in order: exercise and side or position, 60 s each. */
    static final List<String[]> HOLDS = List.of(
            new String[] {"knees-to-chest", "both"}, new String[] {"forward-fold", "centre"},
            new String[] {"childs-pose", "centre"}, new String[] {"childs-pose", "right"},
            new String[] {"childs-pose", "left"}, new String[] {"crossover", "right"},
            new String[] {"crossover", "left"}, new String[] {"doorway-hamstring", "right"},
            new String[] {"doorway-hamstring", "left"});
    static final String ROUTINE = "lower-back-stretches";
    static final int PRESCRIBED_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionScript() {
    }

    /** The events of one person's planned day, with send times as their app would send them. */
    public static List<ClientEvent> day(Person person, LocalDate date, Persona.Outcome outcome, Random random) {
        List<ClientEvent> events = new ArrayList<>();
        if (outcome == Persona.Outcome.SKIPPED) {
            return events;
        }
        ZonedDateTime start = date.atTime(person.eveningTime()).atZone(person.zone())
                .plusSeconds(random.nextInt(600));
        String sessionId = uuid(person.userId(), date, "session");
        Instant startedAt = start.toInstant();
        events.add(event(person, date, "limber.session.started", startedAt, data(person, sessionId, startedAt)));

        switch (outcome) {
            case COMPLETED, SHORT_HOLDS -> {
                ArrayNode holds = JSON.createArrayNode();
                for (int i = 0; i < HOLDS.size(); i++) {
                    int seconds = outcome == Persona.Outcome.SHORT_HOLDS && i % 3 == 2
                            ? 40 : PRESCRIBED_SECONDS + random.nextInt(6);
                    holds.addObject().put("exerciseId", HOLDS.get(i)[0]).put("position", HOLDS.get(i)[1])
                            .put("seconds", seconds);
                }
                Instant completedAt = startedAt.plus(Duration.ofMinutes(11));
                ObjectNode data = data(person, sessionId, startedAt).put("completedAt", completedAt.toString());
                data.set("holds", holds);
                events.add(event(person, date, "limber.session.completed", completedAt, data));
            }
            case PAIN_STOP_SHARP, PAIN_STOP_RED_FLAG, PAIN_STOP_MILD -> {
                Instant stoppedAt = startedAt.plus(Duration.ofMinutes(2));
                ObjectNode data = data(person, sessionId, startedAt)
                        .put("exerciseId", "forward-fold")
                        .put("pain", outcome == Persona.Outcome.PAIN_STOP_SHARP ? 7 : outcome == Persona.Outcome.PAIN_STOP_MILD ? 3 : 5)
                        .put("sharp", outcome == Persona.Outcome.PAIN_STOP_SHARP);
                ArrayNode flags = data.putArray("redFlags");
                if (outcome == Persona.Outcome.PAIN_STOP_RED_FLAG) {
                    flags.add("saddle-numbness");
                }
                ClientEvent stop = event(person, date, "limber.session.pain-stopped", stoppedAt, data);
                events.add(stop);
                if (outcome != Persona.Outcome.PAIN_STOP_RED_FLAG) {
                    Instant nextMorning = date.plusDays(1).atTime(LocalTime.of(8, 0)).atZone(person.zone()).toInstant();
                    ObjectNode report = JSON.createObjectNode().put("userId", person.userId())
                            .put("pain", outcome == Persona.Outcome.PAIN_STOP_MILD ? 1 : 2)
                            .put("settled", true).put("inReplyTo", stop.eventId());
                    events.add(event(person, date, "limber.pain.reported", nextMorning, report));
                }
            }
            case ABANDONED, SKIPPED -> {
                // started and never finished: only the start is sent
            }
        }
        return report(person, events);
    }

    /** Applies the persona's reporting habit: late, or twice. Offline flushing is the cohort's business. */
    private static List<ClientEvent> report(Person person, List<ClientEvent> events) {
        return switch (person.persona().reporting()) {
            case LIVE, OFFLINE -> events;
            case LATE -> events.stream().map(e -> e.sentAt(e.eventTime().plus(Duration.ofHours(6)))).toList();
            case DUPLICATED -> {
                List<ClientEvent> twice = new ArrayList<>();
                for (ClientEvent e : events) {
                    twice.add(e);
                    twice.add(e.sentAt(e.sendAt().plusSeconds(30)));
                }
                yield twice;
            }
        };
    }

    private static ObjectNode data(Person person, String sessionId, Instant startedAt) {
        return JSON.createObjectNode()
                .put("userId", person.userId())
                .put("sessionId", sessionId)
                .put("routineId", ROUTINE)
                .put("routineVersion", 1)
                .put("startedAt", startedAt.toString());
    }

    private static ClientEvent event(Person person, LocalDate date, String type, Instant time, ObjectNode data) {
        String id = uuid(person.userId(), date, type);
        ObjectNode envelope = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id)
                .put("source", "/clients/simulator/" + person.persona().channel().name().toLowerCase())
                .put("type", type)
                .put("time", time.toString())
                .put("datacontenttype", "application/json")
                .put("dataschema", "urn:limber:schema:" + type.substring("limber.".length()).replace('.', '-') + ":1");
        envelope.set("data", data);
        return new ClientEvent(person.userId(), id, type, time, time, person.persona().channel(), envelope.toString());
    }

    private static String uuid(String userId, LocalDate date, String what) {
        return UUID.nameUUIDFromBytes((userId + "|" + date + "|" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
