package io.limber.reminder.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.limber.reminder.rules.Adherence;
import io.limber.reminder.rules.PainReport;
import io.limber.reminder.rules.PainStop;
import io.limber.reminder.rules.Plan;
import io.limber.reminder.rules.QuietHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the CloudEvents we consume into the rules' records; throws IllegalArgumentException on what it cannot. */
public final class EventMapper {

    private EventMapper() {
    }

    /** The {@code data} of a {@code limber.plan.published} event. */
    public static Plan plan(JsonNode data) {
        Set<DayOfWeek> days = new HashSet<>();
        data.path("schedule").path("daysOfWeek").forEach(day -> days.add(DayOfWeek.valueOf(day.asText())));
        List<Plan.Routine> routines = new ArrayList<>();
        data.path("routines").forEach(r -> routines.add(new Plan.Routine(required(r, "routineId"),
                r.path("core").asBoolean(false))));
        JsonNode quiet = data.path("quietHours");
        QuietHours quietHours = quiet.hasNonNull("start") && quiet.hasNonNull("end")
                ? new QuietHours(LocalTime.parse(quiet.get("start").asText()), LocalTime.parse(quiet.get("end").asText()))
                : null;
        return new Plan(required(data, "userId"), data.path("version").asInt(0), data.path("status").asText("active"),
                ZoneId.of(required(data, "timeZone")), LocalTime.parse(required(data, "localTime")), days,
                LocalDate.parse(required(data, "startDate")),
                data.hasNonNull("endDate") ? LocalDate.parse(data.get("endDate").asText()) : null, quietHours,
                routines);
    }

    public static PainStop painStop(JsonNode event) {
        JsonNode data = event.path("data");
        if (!data.path("pain").isInt()) {
            throw new IllegalArgumentException("pain-stop needs data.pain");
        }
        List<String> redFlags = new ArrayList<>();
        data.path("redFlags").forEach(flag -> redFlags.add(flag.asText()));
        return new PainStop(required(event, "id"), required(data, "userId"), data.path("routineId").asText(null),
                data.path("exerciseId").asText(null), data.get("pain").asInt(), data.path("sharp").asBoolean(false),
                redFlags, time(event));
    }

    public static PainReport painReport(JsonNode event) {
        JsonNode data = event.path("data");
        Boolean settled = data.path("settled").isBoolean() ? data.get("settled").asBoolean() : null;
        return new PainReport(required(event, "id"), required(data, "userId"), data.path("pain").asInt(0), settled,
                data.path("inReplyTo").asText(null), time(event));
    }

    public static Adherence adherence(JsonNode data) {
        List<Adherence.RoutineAdherence> routines = new ArrayList<>();
        data.path("routines").forEach(r -> routines.add(new Adherence.RoutineAdherence(required(r, "routineId"),
                r.path("streak").asInt(0), number(r, "sessionAdherence14"), r.path("closedOccurrences14").asInt(0))));
        return new Adherence(required(data, "userId"), LocalDate.parse(required(data, "asOf")),
                data.path("planVersion").asInt(0),
                data.hasNonNull("lastSessionEventAt") ? Instant.parse(data.get("lastSessionEventAt").asText()) : null,
                number(data, "sessionAdherence7"), routines, data.path("pain").path("painStops14").asInt(0));
    }

    /**
     * What every session event says: the person was active at its time, and a session of its routine (if it names
     * one) began at {@code data.startedAt}, or at the event's time when it carries none.
     */
    public static SessionActivity activity(JsonNode event) {
        JsonNode data = event.path("data");
        String userId = required(data, "userId");
        Instant time = time(event);
        String routineId = data.path("routineId").asText("");
        if (routineId.isBlank()) {
            return new SessionActivity(userId, null, null, time);
        }
        Instant startedAt = data.hasNonNull("startedAt") ? Instant.parse(data.get("startedAt").asText()) : time;
        return new SessionActivity(userId, routineId, startedAt, time);
    }

    /** When a {@code limber.plan.published} event's version was published: {@code data.publishedAt}, else its time. */
    public static Instant publishedAt(JsonNode event) {
        JsonNode data = event.path("data");
        return data.hasNonNull("publishedAt") ? Instant.parse(data.get("publishedAt").asText()) : time(event);
    }

    /** The event's own time (when it happened), falling back to none. */
    public static Instant time(JsonNode event) {
        return Instant.parse(required(event, "time"));
    }

    public static String required(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static Double number(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.get(field).asDouble() : null;
    }
}
