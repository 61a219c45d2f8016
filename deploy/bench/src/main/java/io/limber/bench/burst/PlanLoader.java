package io.limber.bench.burst;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Loads plans straight into reminder-service's own tables with {@code generate_series}, in the shape its code
 * writes when a {@code limber.plan.published} event arrives: a {@code person} row holding the plan (daily
 * stretches at the person's local time) and reminder and follow-up rows in {@code due_nudge} for the days asked.
 */
final class PlanLoader {

    static final String ROUTINE = "lower-back-stretches";
    static final String REMINDER_TITLE = "Time for your stretches";
    static final String REMINDER_BODY = "Five stretches, a minute each: knees to chest, forward fold, child's pose, "
            + "crossovers and the doorway hamstring.";
    static final String FOLLOW_UP_TITLE = "Still time today";
    static final String FOLLOW_UP_BODY = "There is still time for your stretches today. Stop if pain is sharp and "
            + "unlike normal stretching.";
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Amsterdam"),
            ZoneId.of("Europe/London"), ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Tokyo"),
            ZoneId.of("America/Sao_Paulo"));

    private PlanLoader() {
    }

    /** Zones where {@code dueAt} is a plausible reminder time (08:00 to 21:00, outside default quiet hours). */
    static String[] zonesAwakeAt(Instant dueAt) {
        return ZONES.stream().filter(zone -> {
            LocalTime local = dueAt.atZone(zone).toLocalTime();
            return !local.isBefore(LocalTime.of(8, 0)) && local.isBefore(LocalTime.of(21, 0));
        }).map(ZoneId::getId).toArray(String[]::new);
    }

    /**
     * People {@code first .. first+count-1}, every one's reminder due at {@code dueAt} (in their own zone), with the
     * due rows of {@code days} days from that one (15 is the service's steady state: the due day and its horizon).
     */
    static void load(Connection connection, String prefix, long first, long count, Instant dueAt, int days)
            throws SQLException {
        String[] zones = zonesAwakeAt(dueAt);
        if (zones.length == 0) {
            throw new IllegalStateException("no zone is awake at " + dueAt);
        }
        Timestamp due = Timestamp.from(dueAt);
        try (PreparedStatement persons = connection.prepareStatement("""
                INSERT INTO person (user_id, plan_version, plan, zone, active_since, last_session_event_at)
                SELECT uid, 1, json_build_object('userId', uid, 'version', 1, 'status', 'active', 'timeZone', zone,
                         'localTime', to_char(?::timestamptz AT TIME ZONE zone, 'HH24:MI'),
                         'schedule', json_build_object('daysOfWeek', json_build_array('MONDAY', 'TUESDAY',
                             'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
                         'startDate', to_char((?::timestamptz AT TIME ZONE zone)::date - 7, 'YYYY-MM-DD'),
                         'endDate', NULL, 'quietHours', NULL, 'reviewRequested', false,
                         'publishedAt', to_char(now() - interval '7 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                         'routines', json_build_array(json_build_object('routineId', ?::text, 'routineVersion', 1,
                             'core', false, 'holds', json_build_array(
                                 json_build_object('exerciseId', 'knees-to-chest', 'seconds', 60),
                                 json_build_object('exerciseId', 'forward-fold', 'seconds', 60),
                                 json_build_object('exerciseId', 'childs-pose', 'seconds', 60),
                                 json_build_object('exerciseId', 'crossovers', 'seconds', 60),
                                 json_build_object('exerciseId', 'doorway-hamstring', 'seconds', 60)))))::text,
                       zone, now() - interval '7 days', now() - interval '1 day'
                FROM (SELECT ? || g AS uid, (?::text[])[1 + g % cardinality(?::text[])] AS zone
                      FROM generate_series(?::bigint, ?::bigint) g) people""")) {
            persons.setTimestamp(1, due);
            persons.setTimestamp(2, due);
            persons.setString(3, ROUTINE);
            persons.setString(4, prefix);
            persons.setArray(5, connection.createArrayOf("text", zones));
            persons.setArray(6, connection.createArrayOf("text", zones));
            persons.setLong(7, first);
            persons.setLong(8, first + count - 1);
            persons.executeUpdate();
        }
        try (PreparedStatement dueRows = connection.prepareStatement("""
                INSERT INTO due_nudge (id, user_id, kind, routine_id, occurrence_date, title, body, planned_at, due_at,
                                       expires_at)
                SELECT user_id || ':' || kind || ':' || ?::text || ':' || (first_day + d), user_id, kind, ?::text,
                       first_day + d,
                       CASE WHEN kind = 'reminder' THEN ? ELSE ? END, CASE WHEN kind = 'reminder' THEN ? ELSE ? END,
                       at + d * interval '1 day', at + d * interval '1 day',
                       ((first_day + d + 1)::timestamp AT TIME ZONE zone)
                FROM (SELECT user_id, zone, (?::timestamptz AT TIME ZONE zone)::date AS first_day FROM person
                      WHERE user_id LIKE ? || '%') p
                CROSS JOIN generate_series(0, ? - 1) d
                CROSS JOIN LATERAL (VALUES ('reminder', ?::timestamptz),
                                           ('follow-up', ?::timestamptz + interval '90 minutes')) AS k (kind, at)""")) {
            int i = 1;
            dueRows.setString(i++, ROUTINE);
            dueRows.setString(i++, ROUTINE);
            dueRows.setString(i++, REMINDER_TITLE);
            dueRows.setString(i++, FOLLOW_UP_TITLE);
            dueRows.setString(i++, REMINDER_BODY);
            dueRows.setString(i++, FOLLOW_UP_BODY);
            dueRows.setTimestamp(i++, due);
            dueRows.setString(i++, prefix);
            dueRows.setInt(i++, days);
            dueRows.setTimestamp(i++, due);
            dueRows.setTimestamp(i, due);
            dueRows.executeUpdate();
        }
    }
}
