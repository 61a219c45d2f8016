package io.limber.session.adherence;

import static io.limber.session.adherence.Fixtures.at;
import static io.limber.session.adherence.Fixtures.completed;
import static io.limber.session.adherence.Fixtures.dailyStretches;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointChainTest {

    static final PlanVersion DAILY = dailyStretches("2026-01-01");
    static final Instant NOW = at("2026-11-30T12:00");

    /** A year of evenings, every third missed. */
    static List<Activity> year() {
        List<Activity> activities = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-01-01"); d.isBefore(LocalDate.parse("2026-11-30")); d = d.plusDays(1)) {
            if (d.getDayOfYear() % 3 != 0) {
                Instant start = at(d + "T20:00");
                activities.add(completed("s-" + d, start, start.plus(Duration.ofMinutes(12))));
            }
        }
        return activities;
    }

    @Test
    void fromThePlanItKeepsALinkEvery28DaysAndTheNewestCheckpoint() {
        CheckpointChain.Result result = CheckpointChain.calculate(List.of(DAILY), year(), NOW, List.of());

        List<LocalDate> days = result.chain().stream().map(AdherenceCheckpoint::closedThrough).toList();
        // 1 January - 1 day + 28 k before 2 November: ten links, then the newest
        assertThat(days).hasSize(11);
        assertThat(days.get(days.size() - 1)).isEqualTo(LocalDate.parse("2026-11-02")); // today - 28
        for (int i = 1; i < days.size() - 1; i++) {
            assertThat(days.get(i)).isEqualTo(days.get(i - 1).plusDays(CheckpointChain.SPACING_DAYS));
        }
        assertThat(result.calculation().adherence())
                .isEqualTo(AdherenceCalculator.calculate(List.of(DAILY), year(), NOW));
    }

    @Test
    void aLateEventGoesBackToTheLastCheckpointBeforeItAndGivesTheFullCalculationsFigures() {
        List<Activity> history = year();
        List<AdherenceCheckpoint> chain = CheckpointChain.calculate(List.of(DAILY), history, NOW, List.of()).chain();
        Instant lateStart = at("2026-09-30T20:00"); // day 273: a missed day, two months back
        Activity late = completed("late", lateStart, lateStart.plus(Duration.ofMinutes(12)));

        List<AdherenceCheckpoint> kept = CheckpointChain.upToNewestValid(chain, c -> c.isRewrittenBy(late, List.of(DAILY)));
        AdherenceCheckpoint since = CheckpointChain.start(kept);
        assertThat(since.closedThrough()).isBefore(LocalDate.parse("2026-09-30"))
                .isAfter(LocalDate.parse("2026-09-30").minusDays(CheckpointChain.SPACING_DAYS + 1));

        List<Activity> all = new ArrayList<>(history);
        all.add(late);
        Instant readFrom = at(since.closedThrough().minusDays(AdherenceCalculator.CHECKPOINT_READ_BACK) + "T00:00")
                .minus(Duration.ofDays(1));
        List<Activity> read = all.stream().filter(a -> !AdherenceCheckpoint.earliestInstant(a).isBefore(readFrom)).toList();
        CheckpointChain.Result again = CheckpointChain.calculate(List.of(DAILY), read, NOW, kept);

        assertThat(again.calculation().adherence()).isEqualTo(AdherenceCalculator.calculate(List.of(DAILY), all, NOW));
        assertThat(again.chain()).isEqualTo(CheckpointChain.calculate(List.of(DAILY), all, NOW, List.of()).chain());
    }

    @Test
    void theNewestCheckpointReplacesThePreviousNewestUntilItIsALinkApart() {
        AdherenceCheckpoint link = checkpoint("2026-10-01");
        List<AdherenceCheckpoint> chain = CheckpointChain.withNewest(List.of(link), checkpoint("2026-10-10"));
        chain = CheckpointChain.withNewest(chain, checkpoint("2026-10-29"));
        assertThat(chain).extracting(AdherenceCheckpoint::closedThrough)
                .containsExactly(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-29"));
        chain = CheckpointChain.withNewest(chain, checkpoint("2026-10-30"));
        assertThat(chain).extracting(AdherenceCheckpoint::closedThrough).containsExactly(
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-29"), LocalDate.parse("2026-10-30"));
    }

    private static AdherenceCheckpoint checkpoint(String day) {
        return new AdherenceCheckpoint(LocalDate.parse(day), java.util.Map.of(), null);
    }
}
