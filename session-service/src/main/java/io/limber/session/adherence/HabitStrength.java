package io.limber.session.adherence;

/**
 * Loop Habit Tracker's habit strength: each day the score moves toward 1 (done) or 0 (missed) by a step that
 * depends on how often the habit is planned; a daily habit halves its distance to the truth in 13 days.
 */
public final class HabitStrength {

    private HabitStrength() {
    }

    /** The multiplier m = 0.5^(√f / 13) for a plan of frequency f = planned days per week ÷ 7. */
    public static double multiplier(double frequency) {
        return Math.pow(0.5, Math.sqrt(frequency) / 13.0);
    }

    /** One day's update: score × m + v × (1 − m). */
    public static double next(double score, boolean done, double frequency) {
        double m = multiplier(frequency);
        return score * m + (done ? 1.0 : 0.0) * (1 - m);
    }
}
