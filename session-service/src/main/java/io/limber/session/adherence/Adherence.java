package io.limber.session.adherence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's adherence as of a local date: session adherence over 7, 14 and 28 days (null when nothing was due),
 * per routine with dose, streak and habit strength, and pain in the window.
 */
public record Adherence(LocalDate asOf, String timeZone, Integer planVersion, Instant lastSessionEventAt,
                        Double sessionAdherence7, Double sessionAdherence14, Double sessionAdherence28,
                        Boolean adherent, List<RoutineAdherence> routines, Pain pain) {

    /** The 80 % line research uses for "adherent". */
    public static final double ADHERENT_LINE = 0.8;

    public Adherence {
        routines = List.copyOf(routines);
    }

    /** The figures for one routine; counts are occurrences, except abandoned (sessions). */
    public record RoutineAdherence(String routineId, Double sessionAdherence7, Double sessionAdherence14,
                                   Double sessionAdherence28, Double doseAdherence7, Double doseAdherence28,
                                   int streak, double habitStrength, Boolean adherent,
                                   int completed7, int closed7, int closedOccurrences14, int completed28,
                                   int closed28, int excused28, int abandoned28, boolean pendingToday) {
    }

    /** Pain in the window: pain-stops, the highest pain reported, and whether any was sharp or had a red flag. */
    public record Pain(int painStops7, int painStops14, int painStops28, Integer maxPain28, boolean anySharp28,
                       boolean anyRedFlag28) {
    }

    static Boolean adherent(Double sessionAdherence28) {
        return sessionAdherence28 == null ? null : sessionAdherence28 >= ADHERENT_LINE;
    }
}
