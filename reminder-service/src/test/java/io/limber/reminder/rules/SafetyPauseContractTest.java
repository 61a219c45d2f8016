package io.limber.reminder.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.local.testing.SharedRules;
import io.limber.local.testing.SharedRules.PainEvent;
import io.limber.local.testing.SharedRules.Window;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * reminder-service's safety pause against the shared cases session-service's copy is held to as well
 * ({@code deploy/contract/rules/safety-pause.json}): same triggers, same window.
 */
class SafetyPauseContractTest {

    @Test
    void theSafetyPauseStartsAndEndsAsTheSharedRuleSays() {
        for (SharedRules.PauseCase c : SharedRules.safetyPause()) {
            List<Window> windows = new ArrayList<>();
            int n = 0;
            for (PainEvent e : c.events()) {
                String id = "e-" + n++;
                boolean starts = e.isPainStop()
                        ? SafetyPause.startsPause(new PainStop(id, "u", "r", "x", e.pain(), e.sharp(), e.redFlags(), e.time()))
                        : SafetyPause.startsPause(new PainReport(id, "u", e.pain(), e.settled(), null, e.time()));
                if (starts) {
                    windows.add(new Window(e.time(), SafetyPause.until(e.time())));
                }
            }
            assertThat(SharedRules.merged(windows)).as(c.name()).isEqualTo(c.pauses());
        }
    }

    @Test
    void thePainSafetyRuleAppliesThatPause() {
        PainSafetyRule rule = new PainSafetyRule();
        for (SharedRules.PauseCase c : SharedRules.safetyPause()) {
            for (PainEvent e : c.events()) {
                var expected = SafetyPause.startsPause(new PainStop("e", "u", "r", "x", e.pain(), e.sharp(),
                        e.redFlags(), e.time())) ? java.util.Optional.of(SafetyPause.until(e.time()))
                        : java.util.Optional.empty();
                if (e.isPainStop()) {
                    var outcome = rule.onPainStop(new PainStop("e", "u", "r", "x", e.pain(), e.sharp(), e.redFlags(),
                            e.time()), List.of(), java.time.ZoneOffset.UTC, QuietHours.DEFAULT, e.time());
                    assertThat(outcome.pauseUntil()).as(c.name()).isEqualTo(expected);
                } else {
                    assertThat(rule.pauseAfter(new PainReport("e", "u", e.pain(), e.settled(), null, e.time())))
                            .as(c.name()).isEqualTo(e.pain() >= 7 ? java.util.Optional.of(SafetyPause.until(e.time()))
                                    : java.util.Optional.empty());
                }
            }
        }
    }
}
