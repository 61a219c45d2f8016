package io.limber.reminder.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a pain-stop sets off. A red flag: "seek emergency care now" and an urgent care review. Sharp pain or pain
 * of 7 or more: a safety message and a 48 h pause of routine nudges. Every pain-stop: a check-in at the end of the
 * next quiet hours, at least 8 h later. A second pain-stop within 7 days, or pain reported as not settled: a care
 * review. Never pushes anyone through pain.
 */
public final class PainSafetyRule {

    public static final int SEVERE_PAIN = SafetyPause.SEVERE_PAIN;
    public static final Duration PAUSE = SafetyPause.LENGTH;
    public static final Duration CHECK_IN_AT_LEAST_AFTER = Duration.ofHours(8);
    public static final Duration CHECK_IN_VALID_FOR = Duration.ofHours(24);
    public static final Duration REPEAT_WINDOW = Duration.ofDays(7);

    /** The nudges held back while a pause lasts; safety kinds never are. */
    public static final Set<NudgeKind> PAUSED = EnumSet.of(NudgeKind.REMINDER, NudgeKind.FOLLOW_UP,
            NudgeKind.LAPSE, NudgeKind.MILESTONE, NudgeKind.PROGRESSION);

    /** Everything one pain-stop leads to. */
    public record Outcome(List<NudgeDraft> nudges, Optional<CareReview> careReview, Optional<Instant> pauseUntil) {
        public Outcome {
            nudges = List.copyOf(nudges);
        }
    }

    /**
     * @param earlier the person's earlier pain-stops (any age; only the last 7 days before this one count)
     */
    public Outcome onPainStop(PainStop stop, List<PainStop> earlier, ZoneId zone, QuietHours quietHours,
                              Instant now) {
        List<NudgeDraft> nudges = new ArrayList<>();
        LocalDate date = stop.time().atZone(zone).toLocalDate();
        boolean severe = stop.sharp() || stop.pain() >= SEVERE_PAIN;
        if (stop.redFlag()) {
            nudges.add(immediate(stop, NudgeKind.EMERGENCY, NudgeTexts.emergency(), date, now));
        } else if (severe) {
            nudges.add(immediate(stop, NudgeKind.SAFETY, NudgeTexts.safety(), date, now));
        }
        Instant checkInAt = checkInTime(stop.time(), zone, quietHours);
        NudgeTexts.Text checkIn = NudgeTexts.checkIn();
        nudges.add(new NudgeDraft(id(stop, NudgeKind.CHECK_IN), stop.userId(), NudgeKind.CHECK_IN, checkIn.title(),
                checkIn.body(), stop.routineId(), date, checkInAt, checkInAt.plus(CHECK_IN_VALID_FOR)));

        List<String> recent = earlier.stream()
                .filter(e -> !e.eventId().equals(stop.eventId()))
                .filter(e -> e.time().isAfter(stop.time().minus(REPEAT_WINDOW)) && !e.time().isAfter(stop.time()))
                .map(PainStop::eventId)
                .toList();
        Optional<CareReview> review = Optional.empty();
        if (stop.redFlag()) {
            review = Optional.of(review(stop, CareReview.RED_FLAG, true, recent, now));
        } else if (!recent.isEmpty()) {
            review = Optional.of(review(stop, CareReview.REPEATED_PAIN_STOP, false, recent, now));
        }
        // A red flag pauses routine nudges too: nobody should be reminded to stretch while seeking emergency care.
        Optional<Instant> pause = SafetyPause.startsPause(stop)
                ? Optional.of(SafetyPause.until(stop.time()))
                : Optional.empty();
        return new Outcome(nudges, review, pause);
    }

    /** Pain reported as not settled asks for a care review; settled, or no answer, asks for nothing. */
    public Optional<CareReview> onPainReported(PainReport report, Instant now) {
        if (!Boolean.FALSE.equals(report.settled())) {
            return Optional.empty();
        }
        List<String> ids = report.inReplyTo() == null ? List.of(report.eventId())
                : List.of(report.inReplyTo(), report.eventId());
        return Optional.of(new CareReview(report.userId() + ":care-review:" + CareReview.NOT_SETTLED + ":"
                + report.eventId(), report.userId(), CareReview.NOT_SETTLED, false, now, ids));
    }

    /** The safety pause a pain report starts (pain of 7 or more), if any. */
    public Optional<Instant> pauseAfter(PainReport report) {
        return SafetyPause.startsPause(report) ? Optional.of(SafetyPause.until(report.time())) : Optional.empty();
    }

    /** Whether a pause that lasts until {@code pauseUntil} holds this kind back at {@code now}. */
    public boolean pauses(NudgeKind kind, Instant pauseUntil, Instant now) {
        return PAUSED.contains(kind) && pauseUntil != null && now.isBefore(pauseUntil);
    }

    /** The first end of quiet hours at least 8 h after the stop. */
    public Instant checkInTime(Instant stopTime, ZoneId zone, QuietHours quietHours) {
        Instant earliest = stopTime.plus(CHECK_IN_AT_LEAST_AFTER);
        var end = quietHours.nextEndAfter(stopTime.atZone(zone), zone);
        while (end.toInstant().isBefore(earliest)) {
            end = quietHours.nextEndAfter(end, zone);
        }
        return end.toInstant();
    }

    private static NudgeDraft immediate(PainStop stop, NudgeKind kind, NudgeTexts.Text text, LocalDate date,
                                        Instant now) {
        return new NudgeDraft(id(stop, kind), stop.userId(), kind, text.title(), text.body(), stop.routineId(), date,
                now, null);
    }

    private static CareReview review(PainStop stop, String reason, boolean urgent, List<String> recent, Instant now) {
        List<String> ids = new ArrayList<>(recent);
        ids.add(stop.eventId());
        return new CareReview(stop.userId() + ":care-review:" + reason + ":" + stop.eventId(), stop.userId(), reason,
                urgent, now, ids);
    }

    private static String id(PainStop stop, NudgeKind kind) {
        return stop.userId() + ":" + kind.wire() + ":" + stop.eventId();
    }
}
