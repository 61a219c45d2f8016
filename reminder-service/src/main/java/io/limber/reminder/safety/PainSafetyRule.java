package io.limber.reminder.safety;

import java.util.Optional;

/**
 * After a pain-stop: sharp pain or pain of 7 or more gets an immediate safety message. Never pushes anyone
 * through pain; the words stay within the programme's own advice.
 */
public final class PainSafetyRule {

    /** Pain at or above this level gets a safety message even when it was not sharp. */
    public static final int SEVERE_PAIN = 7;

    /** What to send, if anything. */
    public record SafetyMessage(String nudgeId, String title, String body) {
    }

    public Optional<SafetyMessage> evaluate(PainStop stop) {
        if (!stop.sharp() && stop.pain() < SEVERE_PAIN) {
            return Optional.empty();
        }
        return Optional.of(new SafetyMessage(
                stop.userId() + ":safety:" + stop.eventId(),
                "Stop for today",
                "You stopped because of pain. Do not push through sharp pain. "
                        + "Rest, and if it does not settle, contact your doctor."));
    }
}
