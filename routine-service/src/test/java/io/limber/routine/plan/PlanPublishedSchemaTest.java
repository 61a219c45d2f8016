package io.limber.routine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.routine.catalogue.BuiltInRoutines;
import io.limber.routine.catalogue.Catalogue;
import io.limber.routine.catalogue.Routine;
import io.limber.routine.testing.PlanPublishedSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PlanPublishedSchemaTest {

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("src/main/resources/events/examples"))
                .filter(p -> p.getFileName().toString().startsWith("plan-published"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyPlanExampleConformsToTheSchema(Path example) throws IOException {
        assertThat(PlanPublishedSchema.violations(Files.readString(example))).isEmpty();
    }

    @Test
    void thereAreExamplesToCheck() throws IOException {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aPlanOfTheBuiltInsWithTimesPerWeekConforms() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Catalogue catalogue = new Catalogue(BuiltInRoutines.load(mapper).stream().map(d -> Routine.of(d, 1, true)).toList());
        PlanTerms terms = new PlanTerms(
                List.of(Prescription.of(catalogue.latest("lower-back-stretches").orElseThrow(), null),
                        Prescription.of(catalogue.latest("core-strength").orElseThrow(), null)),
                Schedule.timesPerWeek(3), LocalTime.of(7, 15), ZoneId.of("America/New_York"), LocalDate.of(2026, 11, 9),
                null, QuietHours.DEFAULT);
        Plan plan = new Plan("u-1", 2, PlanStatus.PAUSED, true, terms, ChangeKind.REVIEW_REQUESTED,
                Instant.parse("2026-11-09T09:00:00Z"));
        String json = mapper.writeValueAsString(PlanPublished.of("e-1", PlanMapper.toData(plan)));
        assertThat(PlanPublishedSchema.violations(json)).isEmpty();
    }

    @Test
    void theSchemaRefusesAPlanWithoutRoutinesOrWithAnUnknownStatus() {
        String bad = """
                {"specversion":"1.0","id":"x","source":"/routine-service","type":"limber.plan.published",
                 "datacontenttype":"application/json","dataschema":"urn:limber:schema:plan-published:1",
                 "data":{"userId":"u","version":1,"status":"sleeping","timeZone":"UTC","localTime":"07:00",
                   "schedule":{"daysOfWeek":["MONDAY"]},"startDate":"2026-01-01","endDate":null,
                   "quietHours":{"start":"22:00","end":"07:00"},"reviewRequested":false,
                   "publishedAt":"2026-01-01T00:00:00Z","routines":[]}}""";
        assertThat(PlanPublishedSchema.violations(bad)).hasSize(2);
    }
}
