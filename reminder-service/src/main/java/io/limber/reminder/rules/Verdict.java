package io.limber.reminder.rules;

import java.time.Instant;

/** What to do with a nudge now: send it, hold it back until a time, or drop it for a reason. */
public sealed interface Verdict {

    record Send(NudgeDraft nudge) implements Verdict {
    }

    record Defer(Instant until) implements Verdict {
    }

    record Suppress(Suppression reason) implements Verdict {
    }
}
