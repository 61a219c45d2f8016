package io.limber.session.adherence;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What a person did, as the client apps report it; {@link EventKey} identifies a report for deduplication. */
public sealed interface Activity {

    EventKey key();

    /** When it happened (the CloudEvent time). */
    Instant time();

    /** An activity that belongs to one session of one routine. */
    sealed interface SessionActivity extends Activity {
        String sessionId();

        String routineId();

        int routineVersion();

        /** When the session began, as this event reports it. */
        Instant startedAt();
    }

    /** A CloudEvent's identity: source + id. */
    record EventKey(String source, String id) implements Comparable<EventKey> {
        @Override
        public int compareTo(EventKey other) {
            int bySource = source.compareTo(other.source);
            return bySource != 0 ? bySource : id.compareTo(other.id);
        }
    }

    /** A session of a routine began. */
    record SessionStarted(EventKey key, Instant time, String sessionId, String routineId, int routineVersion,
                          Instant startedAt) implements SessionActivity {
    }

    /** A session ended with every hold done, and how long (or how many reps) each was held. */
    record SessionCompleted(EventKey key, Instant time, String sessionId, String routineId, int routineVersion,
                            Instant startedAt, Instant completedAt, List<ReportedHold> holds) implements SessionActivity {
        public SessionCompleted {
            holds = List.copyOf(holds);
        }
    }

    /** A session stopped because of pain. */
    record SessionPainStopped(EventKey key, Instant time, String sessionId, String routineId, int routineVersion,
                              Instant startedAt, String exerciseId, int pain, boolean sharp, Set<String> redFlags)
            implements SessionActivity {
        public SessionPainStopped {
            redFlags = Set.copyOf(redFlags);
        }
    }

    /** A later pain score, for example the next morning's check-in. */
    record PainReported(EventKey key, Instant time, int pain, boolean settled) implements Activity {
    }

    /** One hold as reported: seconds held or reps done. */
    record ReportedHold(String exerciseId, String position, Integer seconds, Integer reps) {
    }
}
