package io.limber.reminder.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.local.testing.SharedRules;
import org.junit.jupiter.api.Test;

/** Event-time bounds as design.md sets them, on the cases session-service's copy is held to as well. */
class EventTimeBoundsTest {

    @Test
    void eventTimesAreAcceptedAndRefusedAsTheSharedCasesSay() {
        SharedRules.EventTimeCases cases = SharedRules.eventTime();
        assertThat(cases.accepted()).allMatch(t -> EventTimeBounds.accepts(t, cases.now()));
        assertThat(cases.accepted()).allMatch(t -> EventTimeBounds.refusal(t, cases.now()) == null);
        assertThat(cases.refused()).noneMatch(t -> EventTimeBounds.accepts(t, cases.now()));
        assertThat(cases.refused()).allSatisfy(t -> assertThat(EventTimeBounds.refusal(t, cases.now()))
                .startsWith("$.time"));
    }
}
