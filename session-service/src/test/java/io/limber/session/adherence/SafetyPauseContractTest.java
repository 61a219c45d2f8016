package io.limber.session.adherence;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.local.testing.SharedRules;
import io.limber.local.testing.SharedRules.PainEvent;
import io.limber.local.testing.SharedRules.Window;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * session-service's safety pause against the shared cases reminder-service's copy is held to as well
 * ({@code deploy/contract/rules/safety-pause.json}): same triggers, same window, so the days adherence excuses are
 * the days reminders are held back.
 */
class SafetyPauseContractTest {

    @Test
    void theSafetyPauseStartsAndEndsAsTheSharedRuleSays() {
        for (SharedRules.PauseCase c : SharedRules.safetyPause()) {
            List<Activity> activities = new ArrayList<>();
            int n = 0;
            for (PainEvent e : c.events()) {
                Activity.EventKey key = new Activity.EventKey("/test", "e-" + n++);
                activities.add(e.isPainStop()
                        ? new Activity.SessionPainStopped(key, e.time(), "s", "lower-back-stretches", 1,
                                e.time().minusSeconds(300), "forward-fold", e.pain(), e.sharp(),
                                new HashSet<>(e.redFlags()))
                        : new Activity.PainReported(key, e.time(), e.pain(), Boolean.TRUE.equals(e.settled())));
            }
            List<Window> windows = SafetyPause.from(activities).stream()
                    .map(p -> new Window(p.from(), p.until())).toList();
            assertThat(SharedRules.merged(windows)).as(c.name()).isEqualTo(c.pauses());
        }
    }
}
