package io.limber.session.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.session.adherence.PlanVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Reads the plans routine-service publishes, from its own examples. */
class PlanMapperTest {

    static final Path ROUTINE_EXAMPLES = Path.of("../routine-service/src/main/resources/events/examples");
    final ObjectMapper mapper = new ObjectMapper();

    ObjectNode example(String name) throws IOException {
        return (ObjectNode) mapper.readTree(ROUTINE_EXAMPLES.resolve(name).toFile());
    }

    @Test
    void aDailyStretchesPlanFromRoutineServiceBecomesAPlanVersion() throws IOException {
        PlanVersion plan = PlanMapper.toPlanVersion(example("plan-published.json"));

        assertThat(plan.version()).isEqualTo(3);
        assertThat(plan.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(plan.days()).hasSize(7);
        assertThat(plan.endDate()).isNull();
        assertThat(plan.routines()).singleElement().satisfies(r -> {
            assertThat(r.routineId()).isEqualTo("lower-back-stretches");
            assertThat(r.holds()).hasSize(9);
        });
        assertThat(PlanMapper.userId(example("plan-published.json"))).isEqualTo("3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10");
    }

    @Test
    void aCorePlanKeepsItsSetsAndReps() throws IOException {
        PlanVersion plan = PlanMapper.toPlanVersion(example("plan-published-core-three-days.json"));

        assertThat(plan.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(plan.routines().get(0).holds()).filteredOn(h -> h.reps() != null).hasSize(4);
        assertThat(plan.routines().get(0).holds()).filteredOn(h -> "plank".equals(h.exerciseId())).hasSize(3);
    }

    @Test
    void everyExampleRoutineServicePublishesIsRead() throws IOException {
        try (var files = java.nio.file.Files.list(ROUTINE_EXAMPLES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("plan-published")).toList()) {
                assertThat(PlanMapper.toPlanVersion(example(file.getFileName().toString()))).as("%s", file)
                        .isNotNull();
            }
        }
    }

    @Test
    void aTimesPerWeekPlanIsKnownButSchedulesNoDateDesignMdNamesNone() throws IOException {
        // the system contract suite found this example dead-lettered ("daysOfWeek: required"): the person unknown
        PlanVersion plan = PlanMapper.toPlanVersion(example("plan-published-paused-for-review.json"));

        assertThat(plan.version()).isEqualTo(2);
        assertThat(plan.status()).isEqualTo(PlanVersion.Status.PAUSED);
        assertThat(plan.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(plan.days()).isEmpty();
        assertThat(plan.weeklyFrequency()).isZero();
    }

    @Test
    void aPlanWithoutATimeZoneIsRefusedNamingTheField() throws IOException {
        ObjectNode event = example("plan-published.json");
        ((ObjectNode) event.get("data")).remove("timeZone");

        assertThatThrownBy(() -> PlanMapper.toPlanVersion(event)).hasMessageContaining("timeZone");
    }
}
