package io.limber.reminder.nudge;

import static io.limber.reminder.nudge.EventSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import io.limber.reminder.mapping.EventMapper;
import io.limber.reminder.rules.Adherence;
import io.limber.reminder.rules.CareReview;
import io.limber.reminder.rules.NudgeDraft;
import io.limber.reminder.rules.NudgeKind;
import io.limber.reminder.rules.PainStop;
import io.limber.reminder.rules.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our examples match our schemas, what we write matches them too, and we read the examples others publish. */
class EventContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theAgreedNudgeExamplesMatchTheNudgeSchema() throws IOException {
        JsonSchema schema = EventSchemas.nudge();
        assertValid(schema, read("src/main/resources/events/examples/nudge-reminder.json"));
        assertValid(schema, read("src/main/resources/events/examples/nudge-safety.json"));
    }

    @Test
    void theAgreedCareReviewExampleMatchesTheCareReviewSchema() throws IOException {
        assertValid(EventSchemas.careReviewRequested(),
                read("src/main/resources/events/examples/care-review-requested.json"));
    }

    @Test
    void theSchemaRejectsASafetyNudgeWithNormalPriorityAndAnUnknownKind() throws IOException {
        String safety = read("src/main/resources/events/examples/nudge-safety.json");
        assertThat(EventSchemas.nudge().validate(MAPPER.readTree(safety.replace("\"high\"", "\"normal\""))))
                .isNotEmpty();
        assertThat(EventSchemas.nudge().validate(MAPPER.readTree(safety.replace("\"safety\"", "\"nag\""))))
                .isNotEmpty();
    }

    @Test
    void everyKindOfNudgeWeWriteMatchesTheSchema() throws IOException {
        for (NudgeKind kind : NudgeKind.values()) {
            NudgeDraft draft = new NudgeDraft("u1:" + kind.wire() + ":x", "u1", kind, "Title", "Body",
                    kind == NudgeKind.LAPSE ? null : "lower-back-stretches",
                    kind == NudgeKind.LAPSE ? null : LocalDate.of(2026, 11, 23), Instant.parse("2026-11-23T19:30:00Z"),
                    kind.isSafety() ? null : Instant.parse("2026-11-23T23:00:00Z"));
            assertValid(EventSchemas.nudge(),
                    MAPPER.writeValueAsString(NudgeMessage.of(draft, Instant.parse("2026-11-23T19:30:00Z"))));
        }
    }

    @Test
    void theCareReviewsWeWriteMatchTheSchema() throws IOException {
        CareReview review = new CareReview("u1:care-review:red-flag:e1", "u1", CareReview.RED_FLAG, true,
                Instant.parse("2026-11-22T18:12:01Z"), List.of("e1"));
        assertValid(EventSchemas.careReviewRequested(), MAPPER.writeValueAsString(CareReviewMessage.of(review)));
    }

    @Test
    void weReadThePlanPainStopAndAdherenceExamplesTheOtherServicesPublish() throws IOException {
        Plan plan = EventMapper.plan(MAPPER.readTree(
                read("../routine-service/src/main/resources/events/examples/plan-published.json")).path("data"));
        assertThat(plan.localTime()).isEqualTo(LocalTime.of(20, 30));
        assertThat(plan.zone().getId()).isEqualTo("Europe/Amsterdam");
        assertThat(plan.days()).hasSize(7);
        assertThat(plan.hasCoreRoutine()).isFalse();
        Plan core = EventMapper.plan(MAPPER.readTree(read(
                "../routine-service/src/main/resources/events/examples/plan-published-core-three-days.json")).path("data"));
        assertThat(core.hasCoreRoutine()).isTrue();
        assertThat(core.endDate()).isEqualTo(LocalDate.of(2027, 2, 28));

        PainStop redFlag = EventMapper.painStop(MAPPER.readTree(
                read("../session-service/src/main/resources/events/examples/session-pain-stopped-red-flag.json")));
        assertThat(redFlag.redFlag()).isTrue();
        assertThat(redFlag.routineId()).isEqualTo("core-strength");
        PainStop sharp = EventMapper.painStop(MAPPER.readTree(
                read("../session-service/src/main/resources/events/examples/session-pain-stopped.json")));
        assertThat(sharp.sharp()).isTrue();
        assertThat(sharp.pain()).isEqualTo(7);

        assertThat(EventMapper.painReport(MAPPER.readTree(
                read("../session-service/src/main/resources/events/examples/pain-reported.json"))).settled()).isTrue();

        Adherence adherence = EventMapper.adherence(MAPPER.readTree(
                read("../session-service/src/main/resources/events/examples/adherence-updated.json")).path("data"));
        assertThat(adherence.sessionAdherence7()).isEqualTo(0.8);
        assertThat(adherence.painStops14()).isEqualTo(1);
        assertThat(adherence.routines()).singleElement().satisfies(r -> {
            assertThat(r.streak()).isEqualTo(3);
            assertThat(r.closedOccurrences14()).isEqualTo(12);
        });
    }

    static String read(String pathFromModule) throws IOException {
        return Files.readString(Path.of(pathFromModule));
    }
}
