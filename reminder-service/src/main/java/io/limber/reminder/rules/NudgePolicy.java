package io.limber.reminder.rules;

import java.time.Instant;

/**
 * The gate every nudge passes at the moment it would go out, in this order: safety kinds go at once; then
 * preferences (muted), the safety pause, tapering, quiet hours and the daily cap. The cap comes last so that a
 * nudge held back for another reason does not use up one of the day's two.
 */
public final class NudgePolicy {

    private final PainSafetyRule painSafety = new PainSafetyRule();
    private final TaperingRule tapering = new TaperingRule();
    private final QuietHoursRule quietHours = new QuietHoursRule();
    private final DailyCapRule dailyCap = new DailyCapRule();

    /**
     * @param atPlanTime            the nudge is a reminder firing at the time the person chose
     * @param previousOccurrenceDue when the reminder of the previous planned occurrence was due (for tapering)
     */
    public Verdict decide(NudgeDraft nudge, PersonState person, boolean atPlanTime, Instant previousOccurrenceDue,
                          Instant now) {
        NudgeKind kind = nudge.kind();
        if (kind.isSafety()) {
            return new Verdict.Send(nudge.at(now));
        }
        if (person.muted().contains(kind)) {
            return new Verdict.Suppress(Suppression.MUTED);
        }
        if (painSafety.pauses(kind, person.pauseUntil(), now)) {
            return new Verdict.Suppress(Suppression.SAFETY_PAUSE);
        }
        if (!tapering.allows(kind, person.lastActiveAt(), person.lastReminderAt(), previousOccurrenceDue, now)) {
            return new Verdict.Suppress(Suppression.TAPERING);
        }
        Verdict quiet = quietHours.evaluate(nudge, person.quietHours(), person.zone(), atPlanTime, now);
        if (!(quiet instanceof Verdict.Send)) {
            return quiet;
        }
        if (!dailyCap.allows(kind, person.cappedSentAt(), person.zone(), now)) {
            return new Verdict.Suppress(Suppression.CAP);
        }
        return new Verdict.Send(nudge.at(now));
    }
}
