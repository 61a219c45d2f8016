package io.limber.session.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.limber.session.adherence.Activity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a schema-valid client CloudEvent (structured form) into the domain's {@link Activity}. */
public final class ActivityMapper {

    private ActivityMapper() {
    }

    public static Activity toActivity(JsonNode event) {
        Activity.EventKey key = new Activity.EventKey(event.get("source").asText(), event.get("id").asText());
        Instant time = Instant.parse(event.get("time").asText());
        JsonNode data = event.get("data");
        String type = event.get("type").asText();
        switch (type) {
            case EventSchemas.SESSION_STARTED:
                return new Activity.SessionStarted(key, time, text(data, "sessionId"), text(data, "routineId"),
                        data.get("routineVersion").asInt(), instant(data, "startedAt"));
            case EventSchemas.SESSION_COMPLETED:
                List<Activity.ReportedHold> holds = new ArrayList<>();
                for (JsonNode hold : data.get("holds")) {
                    holds.add(new Activity.ReportedHold(text(hold, "exerciseId"), text(hold, "position"),
                            integer(hold, "seconds"), integer(hold, "reps")));
                }
                return new Activity.SessionCompleted(key, time, text(data, "sessionId"), text(data, "routineId"),
                        data.get("routineVersion").asInt(), instant(data, "startedAt"), instant(data, "completedAt"),
                        holds);
            case EventSchemas.SESSION_PAIN_STOPPED:
                Set<String> flags = new LinkedHashSet<>();
                data.get("redFlags").forEach(f -> flags.add(f.asText()));
                return new Activity.SessionPainStopped(key, time, text(data, "sessionId"), text(data, "routineId"),
                        data.get("routineVersion").asInt(), instant(data, "startedAt"), text(data, "exerciseId"),
                        data.get("pain").asInt(), data.get("sharp").asBoolean(), flags);
            case EventSchemas.PAIN_REPORTED:
                return new Activity.PainReported(key, time, data.get("pain").asInt(), data.get("settled").asBoolean());
            default:
                throw new IllegalArgumentException("unknown type " + EventSchemas.quoted(type));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
