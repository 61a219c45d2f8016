package io.limber.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

/**
 * How one kind of person keeps up the programme, and how their app reports it. Each persona decides,
 * for a planned day, what happens; the decision depends only on the day and a seeded random source.
 */
public enum Persona {
    /** Does the stretches every planned evening, in full. */
    STEADY(Channel.KAFKA, Reporting.LIVE),
    /** Keeps going for two weeks of the history, then stops. */
    LAPSING(Channel.HTTP, Reporting.LIVE),
    /** Only on Saturdays and Sundays. */
    WEEKEND_ONLY(Channel.KAFKA, Reporting.LIVE),
    /** Mostly keeps going; stops with sharp pain now and then, and once with a red flag. */
    PAIN_PRONE(Channel.HTTP, Reporting.LIVE),
    /** Keeps going, but the app reports hours later, out of order. */
    LATE_REPORTER(Channel.KAFKA, Reporting.LATE),
    /** Keeps going; the phone was offline for the last days and flushes them at once. */
    OFFLINE_FLUSHER(Channel.HTTP, Reporting.OFFLINE),
    /** Keeps going; the app retries every send, so every event arrives twice. */
    DUPLICATING(Channel.KAFKA, Reporting.DUPLICATED);

    /** How the app reaches Limber. */
    public enum Channel { KAFKA, HTTP }

    /** How promptly and how often the app reports. */
    public enum Reporting { LIVE, LATE, OFFLINE, DUPLICATED }

    /** What the person did on a planned day. */
    public enum Outcome { COMPLETED, SHORT_HOLDS, SKIPPED, ABANDONED, PAIN_STOP_SHARP, PAIN_STOP_RED_FLAG, PAIN_STOP_MILD }

    private final Channel channel;
    private final Reporting reporting;

    Persona(Channel channel, Reporting reporting) {
        this.channel = channel;
        this.reporting = reporting;
    }

    public Channel channel() {
        return channel;
    }

    public Reporting reporting() {
        return reporting;
    }

    /**
     * What happens on {@code date}, the {@code dayIndex}-th day of the history (0 = first day), out of
     * {@code historyDays}.
     */
    public Outcome outcome(LocalDate date, int dayIndex, int historyDays, Random random) {
        return switch (this) {
            case STEADY, LATE_REPORTER, OFFLINE_FLUSHER, DUPLICATING -> Outcome.COMPLETED;
            case LAPSING -> dayIndex < 14 ? Outcome.COMPLETED : Outcome.SKIPPED;
            case WEEKEND_ONLY -> date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                    ? Outcome.COMPLETED : Outcome.SKIPPED;
            case PAIN_PRONE -> painProne(dayIndex, historyDays, random);
        };
    }

    private static Outcome painProne(int dayIndex, int historyDays, Random random) {
        if (dayIndex == historyDays - 10) {
            return Outcome.PAIN_STOP_SHARP;
        }
        if (dayIndex == historyDays - 3) {
            return Outcome.PAIN_STOP_RED_FLAG;
        }
        int roll = random.nextInt(10);
        if (roll == 0) {
            return Outcome.PAIN_STOP_MILD;
        }
        if (roll == 1) {
            return Outcome.ABANDONED;
        }
        return roll == 2 ? Outcome.SHORT_HOLDS : Outcome.COMPLETED;
    }
}
