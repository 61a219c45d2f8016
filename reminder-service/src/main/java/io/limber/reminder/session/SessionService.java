package io.limber.reminder.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.limber.reminder.db.Sql;
import io.limber.reminder.mapping.EventMapper;
import io.limber.reminder.outbox.OutboxRelay;
import io.limber.reminder.safety.SafetyService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * What session events mean for nudges: any event marks the person active (tapering); a started session of a
 * routine stops that day's reminder; pain-stops and pain reports go to the safety path. One transaction each.
 */
@ApplicationScoped
public class SessionService {

    public static final String STARTED = "limber.session.started";
    public static final String COMPLETED = "limber.session.completed";
    public static final String PAIN_STOPPED = "limber.session.pain-stopped";
    public static final String PAIN_REPORTED = "limber.pain.reported";

    private final Pool pool;
    private final SafetyService safety;
    private final OutboxRelay relay;
    private final Clock clock;

    public SessionService(Pool pool, SafetyService safety, OutboxRelay relay, Clock clock) {
        this.pool = pool;
        this.safety = safety;
        this.relay = relay;
        this.clock = clock;
    }

    public Uni<Void> onEvent(String type, JsonNode event) {
        JsonNode data = event.path("data");
        String userId = EventMapper.required(data, "userId");
        Instant time = EventMapper.time(event);
        Instant now = Instant.now(clock);
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                INSERT INTO person (user_id, last_session_event_at) VALUES ($1, $2)
                                ON CONFLICT (user_id) DO UPDATE SET last_session_event_at =
                                    GREATEST(COALESCE(person.last_session_event_at, $2), $2)""")
                        .execute(Tuple.of(userId, Sql.ts(time)))
                        .flatMap(x -> markStarted(tx, userId, data, time))
                        .flatMap(x -> switch (type) {
                            case PAIN_STOPPED -> safety.onPainStop(tx, EventMapper.painStop(event), now);
                            case PAIN_REPORTED -> safety.onPainReported(tx, EventMapper.painReport(event), now);
                            default -> Uni.createFrom().voidItem();
                        }))
                .invoke(() -> Log.debugf("%s handled", type))
                .invoke(() -> {
                    if (isPain(type)) {
                        relay.poke(); // committed: publish the safety message now, not at the relay's next tick
                    }
                });
    }

    /**
     * A pain event: the safety path, the only one here that writes to the outbox (other events leave the relay
     * alone), and what the safety lane handles at once.
     */
    public static boolean isPain(String type) {
        return PAIN_STOPPED.equals(type) || PAIN_REPORTED.equals(type);
    }

    /** A session of the routine began on that local date (started, completed and pain-stopped all say so). */
    private Uni<Void> markStarted(SqlConnection tx, String userId, JsonNode data, Instant eventTime) {
        String routineId = data.path("routineId").asText("");
        if (routineId.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        Instant startedAt = data.hasNonNull("startedAt") ? Instant.parse(data.get("startedAt").asText()) : eventTime;
        // the local date in the person's zone, which PostgreSQL knows by the same IANA name
        return tx.preparedQuery("""
                        INSERT INTO session_day (user_id, routine_id, local_date)
                        SELECT user_id, $2, ($3 AT TIME ZONE zone)::date FROM person WHERE user_id = $1
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(userId, routineId, Sql.ts(startedAt)))
                .replaceWithVoid();
    }
}
