package io.limber.reminder.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The part of session-service's adherence snapshot ({@code limber.adherence.updated}) that nudges use. */
public record Adherence(String userId, LocalDate asOf, int planVersion, Instant lastSessionEventAt,
                        Double sessionAdherence7, List<RoutineAdherence> routines, int painStops14) {

    /** Per routine: streak and the 14-day figures progression looks at. */
    public record RoutineAdherence(String routineId, int streak, Double sessionAdherence14, int closedOccurrences14) {
    }

    public Adherence {
        routines = List.copyOf(routines);
    }
}
