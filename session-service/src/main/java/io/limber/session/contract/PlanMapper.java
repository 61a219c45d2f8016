package io.limber.session.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.limber.session.adherence.PlanVersion;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads routine-service's {@code limber.plan.published} into the plan version adherence needs; session-service keeps
 * its own copy. Fails with the field and reason when the plan lacks what adherence depends on.
 */
public final class PlanMapper {

    public static final String PLAN_PUBLISHED = "limber.plan.published";

    private PlanMapper() {
    }

    public static String userId(JsonNode event) {
        return required(data(event), "userId").asText();
    }

    public static PlanVersion toPlanVersion(JsonNode event) {
        if (!PLAN_PUBLISHED.equals(event.path("type").asText())) {
            throw new IllegalArgumentException(
                    "$.type: unknown type " + EventSchemas.quoted(event.path("type").asText()));
        }
        JsonNode data = data(event);
        try {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            JsonNode schedule = required(data, "schedule");
            if (!schedule.has("timesPerWeek")) {
                required(schedule, "daysOfWeek")
                        .forEach(d -> days.add(DayOfWeek.valueOf(d.asText().toUpperCase(Locale.ROOT))));
            }
            // "N times a week on days the person picks" (the schema's other branch) names no days: design.md does not
            // yet say which dates such a plan schedules, so it schedules none here (no occurrence is counted missed)
            // while the person, their zone and the plan's status are known; see the README's "Plans".
            List<PlanVersion.PrescribedRoutine> routines = new ArrayList<>();
            for (JsonNode r : required(data, "routines")) {
                List<PlanVersion.PrescribedHold> holds = new ArrayList<>();
                for (JsonNode h : r.path("holds")) {
                    holds.add(new PlanVersion.PrescribedHold(required(h, "exerciseId").asText(),
                            h.path("position").asText(null),
                            h.hasNonNull("seconds") ? h.get("seconds").asInt() : null,
                            h.hasNonNull("reps") ? h.get("reps").asInt() : null));
                }
                routines.add(new PlanVersion.PrescribedRoutine(required(r, "routineId").asText(),
                        r.path("routineVersion").asInt(1), r.path("core").asBoolean(false), holds));
            }
            JsonNode published = data.hasNonNull("publishedAt") ? data.get("publishedAt") : required(event, "time");
            return new PlanVersion(required(data, "version").asInt(),
                    PlanVersion.Status.valueOf(required(data, "status").asText().toUpperCase(Locale.ROOT)),
                    ZoneId.of(required(data, "timeZone").asText()), days,
                    LocalDate.parse(required(data, "startDate").asText()),
                    data.hasNonNull("endDate") ? LocalDate.parse(data.get("endDate").asText()) : null,
                    Instant.parse(published.asText()), routines);
        } catch (RuntimeException e) {
            if (e instanceof MissingField) {
                throw e;
            }
            throw new IllegalArgumentException("$.data: not a usable plan: " + e.getMessage(), e);
        }
    }

    private static JsonNode data(JsonNode event) {
        return required(event, "data");
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MissingField(field);
        }
        return value;
    }

    /** A field the plan must have is missing. */
    static final class MissingField extends IllegalArgumentException {
        MissingField(String field) {
            super(field + ": required");
        }
    }
}
