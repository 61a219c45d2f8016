package io.limber.routine.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/** Converts between the domain {@link Plan} and its published form {@link PlanData}; nothing else. */
public final class PlanMapper {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private PlanMapper() {
    }

    public static PlanData toData(Plan plan) {
        PlanTerms t = plan.terms();
        return new PlanData(plan.userId(), plan.version(), plan.status().wire(), t.timeZone().getId(),
                t.localTime().format(HOURS_MINUTES), t.schedule(), t.startDate().toString(),
                t.endDate() == null ? null : t.endDate().toString(),
                new PlanData.QuietHoursData(t.quietHours().start().format(HOURS_MINUTES),
                        t.quietHours().end().format(HOURS_MINUTES)),
                plan.reviewRequested(), plan.changedAt().toString(), plan.change().wire(), t.routines());
    }

    public static Plan fromData(PlanData data) {
        PlanTerms terms = new PlanTerms(data.routines(), data.schedule(), LocalTime.parse(data.localTime()),
                ZoneId.of(data.timeZone()), LocalDate.parse(data.startDate()),
                data.endDate() == null ? null : LocalDate.parse(data.endDate()),
                new QuietHours(LocalTime.parse(data.quietHours().start()), LocalTime.parse(data.quietHours().end())));
        ChangeKind change = Arrays.stream(ChangeKind.values()).filter(k -> k.wire().equals(data.change()))
                .findFirst().orElse(ChangeKind.REPLACED);
        return new Plan(data.userId(), data.version(), PlanStatus.fromWire(data.status()), data.reviewRequested(),
                terms, change, Instant.parse(data.publishedAt()));
    }
}
