package io.limber.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.local.testing.SharedRules;
import io.limber.local.testing.SharedRules.PainEvent;
import io.limber.local.testing.SharedRules.PauseCase;
import io.limber.local.testing.SharedRules.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The oracle's safety pause is design.md's, like session-service's and reminder-service's: the same shared cases
 * ({@code deploy/contract/rules/safety-pause.json}) give the same windows. The fault suite once found this copy
 * without the red-flag and pain-report triggers (an adherence 0.913 expected where session-service, rightly, had 0.955).
 */
class ExpectedAdherenceTest {

    @Test
    void everySharedSafetyPauseCaseGivesItsWindows() {
        for (PauseCase c : SharedRules.safetyPause()) {
            List<Window> windows = c.events().stream()
                    .filter(e -> ExpectedAdherence.startsSafetyPause(e.type(), e.pain(), e.sharp(), e.redFlags().size()))
                    .map(e -> new Window(e.time(), e.time().plus(ExpectedAdherence.SAFETY_PAUSE))).toList();
            assertThat(SharedRules.merged(windows)).as(c.name()).isEqualTo(c.pauses());
        }
    }

    @Test
    void aRedFlagPainStopIsATriggerEvenAtLowPain() {
        PainEvent redFlag = SharedRules.safetyPause().stream().flatMap(c -> c.events().stream())
                .filter(e -> e.isPainStop() && !e.sharp() && e.pain() < 7 && !e.redFlags().isEmpty())
                .findFirst().orElseThrow();
        assertThat(ExpectedAdherence.startsSafetyPause(redFlag.type(), redFlag.pain(), false, 1)).isTrue();
    }
}
