package io.limber.session.adherence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session put together from its events, whatever order they came in: it starts when its earliest reported
 * start says, and it is completed, pain-stopped, abandoned (2 h without either) or still running.
 */
public record Session(String sessionId, String routineId, int routineVersion, Instant startedAt,
                      List<Activity.SessionCompleted> completions, List<Activity.SessionPainStopped> painStops) {

    public static final Duration ABANDONED_AFTER = Duration.ofHours(2);

    public boolean completed() {
        return !completions.isEmpty();
    }

    public boolean painStopped() {
        return !painStops.isEmpty();
    }

    /** Started, and neither completed nor pain-stopped 2 h after its start. */
    public boolean abandonedAt(Instant now) {
        return !completed() && !painStopped() && !now.isBefore(startedAt.plus(ABANDONED_AFTER));
    }

    /** Groups session activities by session id; activities must already be free of duplicates. */
    public static List<Session> group(Collection<Activity> activities) {
        Map<String, List<Activity.SessionActivity>> bySession = new LinkedHashMap<>();
        for (Activity a : activities) {
            if (a instanceof Activity.SessionActivity s) {
                bySession.computeIfAbsent(s.sessionId(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Session> sessions = new ArrayList<>();
        bySession.forEach((id, events) -> sessions.add(of(id, events)));
        sessions.sort(Comparator.comparing(Session::startedAt).thenComparing(Session::sessionId));
        return sessions;
    }

    private static Session of(String sessionId, List<Activity.SessionActivity> reported) {
        List<Activity.SessionActivity> events = new ArrayList<>(reported);
        events.sort(Comparator.comparing(Activity.SessionActivity::key));
        List<Activity.SessionCompleted> completions = new ArrayList<>(1);
        List<Activity.SessionPainStopped> stops = new ArrayList<>(0);
        Instant startedAt = null;
        Instant earliest = null;
        for (Activity.SessionActivity e : events) {
            if (e instanceof Activity.SessionCompleted c) {
                completions.add(c);
            } else if (e instanceof Activity.SessionPainStopped p) {
                stops.add(p);
            }
            if (e.startedAt() != null && (startedAt == null || e.startedAt().isBefore(startedAt))) {
                startedAt = e.startedAt();
            }
            if (earliest == null || e.time().isBefore(earliest)) {
                earliest = e.time();
            }
        }
        Activity.SessionActivity first = events.get(0);
        return new Session(sessionId, first.routineId(), first.routineVersion(), startedAt != null ? startedAt : earliest,
                List.copyOf(completions), List.copyOf(stops));
    }
}
