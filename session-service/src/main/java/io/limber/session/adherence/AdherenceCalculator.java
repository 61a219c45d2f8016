package io.limber.session.adherence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Computes a person's adherence from their plan versions and session events, per local date in the zone of the
 * plan in force, exactly as the design defines it. Input order and duplicate events do not matter.
 */
public final class AdherenceCalculator {

    private AdherenceCalculator() {
    }

    /** Every figure from the whole history: the reference the checkpointed calculation must equal. */
    public static Adherence calculate(Collection<PlanVersion> versions, Collection<? extends Activity> reported,
                                      Instant now) {
        return calculate(versions, reported, now, AdherenceCheckpoint.NONE).adherence();
    }

    /** The figures, and the checkpoint to keep for the next calculation. */
    public record Calculation(Adherence adherence, AdherenceCheckpoint checkpoint, Instant nextReevaluation) {
    }

    /**
     * The figures from a checkpoint: only the days after it and the 28-day windows are read and computed, so the cost
     * does not grow with the length of a person's history. {@code reported} must hold every activity whose session
     * began, or that happened, after the checkpoint's day minus {@link #CHECKPOINT_READ_BACK} (older ones are ignored
     * and may be left out); a checkpoint an arriving activity or plan version rewrites
     * ({@link AdherenceCheckpoint#isRewrittenBy}) must not be passed. The returned checkpoint covers the days up to
     * 28 days before today, never fewer than the one passed in.
     */
    public static Calculation calculate(Collection<PlanVersion> versions, Collection<? extends Activity> reported,
                                        Instant now, AdherenceCheckpoint since) {
        Collection<Activity> activities = withoutDuplicates(reported);
        Instant lastEventAt = Stream.concat(Stream.ofNullable(since.lastEventAt()), activities.stream().map(Activity::time))
                .max(Comparator.naturalOrder()).orElse(null);
        PlanCalendar calendar = new PlanCalendar(versions);
        if (calendar.isEmpty()) {
            return new Calculation(new Adherence(null, null, null, lastEventAt, null, null, null, null, List.of(),
                    new Adherence.Pain(0, 0, 0, null, false, false)), AdherenceCheckpoint.NONE, null);
        }
        LocalDate today = calendar.dateOf(now);
        LocalDate windowStart = today.minusDays(27);
        // the whole history without a checkpoint; else the days after it, and never fewer than the 28-day window
        LocalDate from = since.isNone() ? null : earlier(since.closedThrough().plusDays(1), windowStart);
        List<Session> sessions = Session.group(activities);
        List<Occurrence> occurrences = occurrences(calendar, activities, sessions, today, now, from);

        TreeSet<String> routineIds = new TreeSet<>();
        calendar.inForce(today).ifPresent(p -> p.routines().forEach(r -> routineIds.add(r.routineId())));
        occurrences.stream().filter(o -> !o.date().isBefore(windowStart)).forEach(o -> routineIds.add(o.routineId()));

        List<Adherence.RoutineAdherence> perRoutine = new ArrayList<>();
        for (String routineId : routineIds) {
            List<Occurrence> own = occurrences.stream().filter(o -> o.routineId().equals(routineId)).toList();
            perRoutine.add(routineAdherence(routineId, own, sessions, calendar, today, now, since));
        }
        Double overall7 = ratio(occurrences, today, 7);
        Double overall14 = ratio(occurrences, today, 14);
        Double overall28 = ratio(occurrences, today, 28);
        PlanVersion current = calendar.inForce(today).orElse(calendar.versions().get(0));
        Adherence adherence = new Adherence(today, calendar.zoneOn(today).getId(), current.version(), lastEventAt,
                overall7, overall14, overall28, Adherence.adherent(overall28), perRoutine,
                pain(activities, calendar, today));
        return new Calculation(adherence, nextCheckpoint(occurrences, calendar, since, today.minusDays(28), lastEventAt),
                nextReevaluation(calendar, sessions, now));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Days a checkpointed calculation reads before the day after the checkpoint: a safety pause reaches 48 h ahead. */
    public static final int CHECKPOINT_READ_BACK = 3;

    /** The checkpoint at the end of {@code through}, continuing {@code since}; {@code since} when it is not older. */
    private static AdherenceCheckpoint nextCheckpoint(List<Occurrence> occurrences, PlanCalendar calendar,
                                                      AdherenceCheckpoint since, LocalDate through,
                                                      Instant lastEventAt) {
        if (!since.isNone() && !since.closedThrough().isBefore(through)) {
            return new AdherenceCheckpoint(since.closedThrough(), since.routines(), lastEventAt);
        }
        TreeSet<String> routineIds = new TreeSet<>(since.routines().keySet());
        occurrences.stream().filter(o -> !o.date().isAfter(through)).forEach(o -> routineIds.add(o.routineId()));
        Map<String, AdherenceCheckpoint.RoutineMemory> memory = new TreeMap<>();
        for (String routineId : routineIds) {
            List<Occurrence> own = occurrences.stream()
                    .filter(o -> o.routineId().equals(routineId) && !o.date().isAfter(through)).toList();
            memory.put(routineId, remember(routineId, own, calendar, through, since));
        }
        return new AdherenceCheckpoint(through, memory, lastEventAt);
    }

    /**
     * The next instant adherence changes though no event arrives: the end of today in the plan's zone, or sooner
     * when a running session becomes abandoned. Null without a plan.
     */
    public static Instant nextReevaluation(Collection<PlanVersion> versions, Collection<? extends Activity> reported,
                                           Instant now) {
        PlanCalendar calendar = new PlanCalendar(versions);
        if (calendar.isEmpty()) {
            return null;
        }
        return nextReevaluation(calendar, Session.group(withoutDuplicates(reported)), now);
    }

    private static Instant nextReevaluation(PlanCalendar calendar, List<Session> sessions, Instant now) {
        Instant next = calendar.endOf(calendar.dateOf(now));
        for (Session s : sessions) {
            Instant abandonment = s.startedAt().plus(Session.ABANDONED_AFTER);
            if (!s.completed() && !s.painStopped() && abandonment.isAfter(now) && abandonment.isBefore(next)) {
                next = abandonment;
            }
        }
        return next;
    }

    /** One report per CloudEvent (source, id); which copy is kept does not depend on arrival order. */
    static Collection<Activity> withoutDuplicates(Collection<? extends Activity> reported) {
        Map<Activity.EventKey, Activity> byKey = new TreeMap<>();
        for (Activity a : reported) {
            byKey.merge(a.key(), a, (x, y) -> x.toString().compareTo(y.toString()) <= 0 ? x : y);
        }
        return byKey.values();
    }

    private record RoutineOnDate(String routineId, LocalDate date) {
    }

    /** The occurrences from {@code from} (null: the first plan's start) through today, oldest first. */
    static List<Occurrence> occurrences(PlanCalendar calendar, Collection<Activity> activities,
                                        List<Session> grouped, LocalDate today, Instant now, LocalDate from) {
        Map<RoutineOnDate, List<Session>> sessionsByRoutineAndDate = new HashMap<>();
        for (Session s : grouped) {
            sessionsByRoutineAndDate.computeIfAbsent(new RoutineOnDate(s.routineId(), calendar.dateOf(s.startedAt())),
                    k -> new ArrayList<>()).add(s);
        }
        List<SafetyPause> pauses = SafetyPause.from(activities);
        LocalDate planStart = calendar.versions().stream().map(PlanVersion::startDate).min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate first = from == null || from.isBefore(planStart) ? planStart : from;
        List<Occurrence> occurrences = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            Optional<PlanVersion> plan = calendar.inForce(d);
            if (plan.isEmpty() || !plan.get().schedules(d)) {
                continue;
            }
            Instant dayStart = calendar.startOf(d);
            Instant dayEnd = calendar.endOf(d);
            for (PlanVersion.PrescribedRoutine routine : plan.get().routines()) {
                List<Session> sessions = sessionsByRoutineAndDate.getOrDefault(new RoutineOnDate(routine.routineId(), d),
                        List.of());
                Optional<Activity.SessionCompleted> best = bestCompletion(sessions, calendar.versions(), routine);
                Occurrence.Status status;
                if (best.isPresent()) {
                    status = Occurrence.Status.COMPLETED;
                } else if (sessions.stream().anyMatch(Session::painStopped)
                        || pauses.stream().anyMatch(p -> p.overlaps(dayStart, dayEnd))) {
                    status = Occurrence.Status.EXCUSED;
                } else if (!now.isBefore(dayEnd)) {
                    status = Occurrence.Status.MISSED;
                } else {
                    status = Occurrence.Status.PENDING;
                }
                occurrences.add(new Occurrence(routine.routineId(), d, status, plan.get(), best));
            }
        }
        return occurrences;
    }

    /** The completion that delivered most of the dose, when more sessions completed that day. */
    private static Optional<Activity.SessionCompleted> bestCompletion(List<Session> sessions, List<PlanVersion> versions,
                                                                      PlanVersion.PrescribedRoutine inForce) {
        return sessions.stream()
                .flatMap(s -> s.completions().stream())
                .max(Comparator.<Activity.SessionCompleted>comparingInt(
                                c -> DoseAdherence.holdsDone(prescribed(c, versions, inForce).holds(), c.holds()))
                        .thenComparing(Activity.SessionCompleted::key, Comparator.reverseOrder()));
    }

    /** The holds of the routine version the session ran, as a plan prescribed it; else the plan in force's. */
    static PlanVersion.PrescribedRoutine prescribed(Activity.SessionCompleted completion, List<PlanVersion> versions,
                                                    PlanVersion.PrescribedRoutine inForce) {
        if (completion.routineVersion() == inForce.routineVersion()) {
            return inForce;
        }
        return versions.stream()
                .flatMap(v -> v.routines().stream())
                .filter(r -> r.routineId().equals(completion.routineId())
                        && r.routineVersion() == completion.routineVersion())
                .findFirst()
                .orElse(inForce);
    }

    private static Adherence.RoutineAdherence routineAdherence(String routineId, List<Occurrence> own,
                                                               List<Session> sessions, PlanCalendar calendar,
                                                               LocalDate today, Instant now,
                                                               AdherenceCheckpoint since) {
        Occurrence todays = own.isEmpty() || !own.get(own.size() - 1).date().equals(today) ? null : own.get(own.size() - 1);
        LocalDate last = todays != null && todays.closed() ? today : today.minusDays(1);
        AdherenceCheckpoint.RoutineMemory memory = remember(routineId, own, calendar, last, since);
        Double sa7 = ratio(own, today, 7);
        Double sa14 = ratio(own, today, 14);
        Double sa28 = ratio(own, today, 28);
        LocalDate from28 = today.minusDays(27);
        int abandoned28 = (int) sessions.stream()
                .filter(s -> s.routineId().equals(routineId) && s.abandonedAt(now))
                .filter(s -> !calendar.dateOf(s.startedAt()).isBefore(from28))
                .count();
        return new Adherence.RoutineAdherence(routineId, sa7, sa14, sa28,
                dose(own, calendar, today, 7), dose(own, calendar, today, 28),
                memory.streak(), memory.habitStrength(), Adherence.adherent(sa28),
                count(own, today, 7, o -> o.status() == Occurrence.Status.COMPLETED),
                count(own, today, 7, Occurrence::counts),
                count(own, today, 14, Occurrence::counts),
                count(own, today, 28, o -> o.status() == Occurrence.Status.COMPLETED),
                count(own, today, 28, Occurrence::counts),
                count(own, today, 28, o -> o.status() == Occurrence.Status.EXCUSED),
                abandoned28,
                own.stream().anyMatch(o -> o.date().equals(today) && o.status() == Occurrence.Status.PENDING));
    }

    /** Completed ÷ closed-and-not-excused among occurrences dated today−W+1 … today; null without a denominator. */
    static Double ratio(List<Occurrence> occurrences, LocalDate today, int days) {
        int completed = count(occurrences, today, days, o -> o.status() == Occurrence.Status.COMPLETED);
        int denominator = count(occurrences, today, days, Occurrence::counts);
        return denominator == 0 ? null : (double) completed / denominator;
    }

    private static int count(List<Occurrence> occurrences, LocalDate today, int days, Predicate<Occurrence> which) {
        LocalDate from = today.minusDays(days - 1L);
        return (int) occurrences.stream()
                .filter(o -> !o.date().isBefore(from) && !o.date().isAfter(today))
                .filter(which)
                .count();
    }

    /** Holds done ÷ holds prescribed, over the completed occurrences in the window. */
    static Double dose(List<Occurrence> occurrences, PlanCalendar calendar, LocalDate today, int days) {
        LocalDate from = today.minusDays(days - 1L);
        int done = 0;
        int prescribed = 0;
        for (Occurrence o : occurrences) {
            if (o.date().isBefore(from) || o.bestCompletion().isEmpty()) {
                continue;
            }
            Activity.SessionCompleted completion = o.bestCompletion().get();
            PlanVersion.PrescribedRoutine inForce = o.plan().routines().stream()
                    .filter(r -> r.routineId().equals(o.routineId())).findFirst().orElseThrow();
            PlanVersion.PrescribedRoutine routine = prescribed(completion, calendar.versions(), inForce);
            done += DoseAdherence.holdsDone(routine.holds(), completion.holds());
            prescribed += routine.holds().size();
        }
        return prescribed == 0 ? null : (double) done / prescribed;
    }

    /**
     * A routine's long memory through the end of {@code last}: the checkpoint's, carried over the occurrences after it.
     * Streak: consecutive completed occurrences up to the latest closed one (excused and pending ones skipped; a
     * missed one starts again). Habit strength: Loop Habit Tracker's score over the days from the routine's first
     * occurrence through {@code last}; each day takes the latest closed, non-excused occurrence's outcome; a day whose
     * own occurrence is excused, or before any such occurrence, or without an active plan (the version in force paused,
     * ended, or the day before its start or after its end date), leaves it unchanged.
     */
    static AdherenceCheckpoint.RoutineMemory remember(String routineId, List<Occurrence> own, PlanCalendar calendar,
                                                      LocalDate last, AdherenceCheckpoint since) {
        AdherenceCheckpoint.RoutineMemory kept = since.routines().get(routineId);
        LocalDate after = since.closedThrough();
        List<Occurrence> newer = after == null ? own : own.stream().filter(o -> o.date().isAfter(after)).toList();
        int streak = kept == null ? 0 : kept.streak();
        for (Occurrence o : newer) {
            if (o.status() == Occurrence.Status.COMPLETED) {
                streak++;
            } else if (o.status() == Occurrence.Status.MISSED) {
                streak = 0;
            }
        }
        double score = kept == null ? 0.0 : kept.habitStrength();
        Boolean latest = kept == null ? null : kept.latestCompleted();
        LocalDate start = kept != null ? after.plusDays(1) : newer.isEmpty() ? null : newer.get(0).date();
        if (start != null) {
            Map<LocalDate, Occurrence> byDate = new HashMap<>();
            newer.forEach(o -> byDate.put(o.date(), o));
            for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
                Occurrence o = byDate.get(d);
                if (o != null && o.counts()) {
                    latest = o.status() == Occurrence.Status.COMPLETED;
                }
                Optional<PlanVersion> plan = calendar.inForce(d);
                boolean excused = o != null && o.status() == Occurrence.Status.EXCUSED;
                // no active plan that day (paused, before its start, after its end): unchanged, like an excused day
                if (latest == null || excused || plan.isEmpty() || !plan.get().isActiveOn(d)) {
                    continue;
                }
                score = HabitStrength.next(score, latest, plan.get().weeklyFrequency());
            }
        }
        return new AdherenceCheckpoint.RoutineMemory(streak, score, latest);
    }

    private static Adherence.Pain pain(Collection<Activity> activities, PlanCalendar calendar, LocalDate today) {
        Instant end = calendar.endOf(today);
        Predicate<Activity> in7 = within(calendar.startOf(today.minusDays(6)), end);
        Predicate<Activity> in14 = within(calendar.startOf(today.minusDays(13)), end);
        Predicate<Activity> in28 = within(calendar.startOf(today.minusDays(27)), end);
        List<Activity.SessionPainStopped> stops = activities.stream()
                .filter(Activity.SessionPainStopped.class::isInstance).map(Activity.SessionPainStopped.class::cast)
                .toList();
        List<Activity.SessionPainStopped> stops28 = stops.stream().filter(in28).toList();
        Integer maxPain28 = activities.stream().filter(in28)
                .map(a -> a instanceof Activity.SessionPainStopped s ? Integer.valueOf(s.pain())
                        : a instanceof Activity.PainReported r ? Integer.valueOf(r.pain()) : null)
                .filter(p -> p != null)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Adherence.Pain(
                (int) stops.stream().filter(in7).count(),
                (int) stops.stream().filter(in14).count(),
                stops28.size(),
                maxPain28,
                stops28.stream().anyMatch(Activity.SessionPainStopped::sharp),
                stops28.stream().anyMatch(s -> !s.redFlags().isEmpty()));
    }

    private static Predicate<Activity> within(Instant from, Instant until) {
        return a -> !a.time().isBefore(from) && a.time().isBefore(until);
    }
}
