package io.limber.reminder.schedule;

import io.limber.platform.db.Sql;
import io.limber.platform.db.Tx;
import io.limber.reminder.rules.DueReminder;
import io.limber.reminder.rules.NudgeDraft;
import io.limber.reminder.rules.NudgeKind;
import io.limber.reminder.rules.NudgeTexts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** The {@code due_nudge} table: nudges planned for a later time, on the caller's transaction. */
@ApplicationScoped
public class DueNudgeRepository {

    /**
     * Stores future reminders and follow-ups in one statement; rows already there (sent, suppressed or pending) stay
     * as they are.
     */
    public Uni<Void> plan(Tx tx, List<DueReminder> reminders, Instant now) {
        List<DueReminder> future = reminders.stream().filter(due -> due.dueAt().isAfter(now)).toList();
        if (future.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = future.size();
        String[] ids = new String[n];
        String[] users = new String[n];
        String[] kinds = new String[n];
        String[] routines = new String[n];
        LocalDate[] dates = new LocalDate[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        OffsetDateTime[] dueAts = new OffsetDateTime[n];
        OffsetDateTime[] expires = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            DueReminder due = future.get(i);
            NudgeTexts.Text text = due.kind() == NudgeKind.FOLLOW_UP
                    ? NudgeTexts.followUp(due.routineId())
                    : NudgeTexts.reminder(due.routineId());
            ids[i] = due.id();
            users[i] = due.userId();
            kinds[i] = due.kind().wire();
            routines[i] = due.routineId();
            dates[i] = due.date();
            titles[i] = text.title();
            bodies[i] = text.body();
            dueAts[i] = Sql.ts(due.dueAt());
            expires[i] = Sql.ts(due.expiresAt());
        }
        return tx.sql().preparedQuery("""
                        INSERT INTO due_nudge (id, user_id, kind, routine_id, occurrence_date, title, body, planned_at,
                                               due_at, expires_at)
                        SELECT id, user_id, kind, routine_id, occurrence_date, title, body, due_at, due_at, expires_at
                        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[],
                                    $8::timestamptz[], $9::timestamptz[])
                             AS t (id, user_id, kind, routine_id, occurrence_date, title, body, due_at, expires_at)
                        ON CONFLICT (id) DO NOTHING""")
                .execute(Tuple.from(new Object[] {ids, users, kinds, routines, dates, titles, bodies, dueAts, expires}))
                .replaceWithVoid();
    }

    /** Stores a nudge to be decided again at {@code dueAt} (a check-in, or one held back by quiet hours). */
    public Uni<Void> insert(Tx tx, NudgeDraft nudge, Instant dueAt) {
        return tx.sql().preparedQuery("""
                        INSERT INTO due_nudge (id, user_id, kind, routine_id, occurrence_date, title, body, planned_at,
                                               due_at, expires_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING""")
                .execute(Tuple.from(new Object[] {nudge.id(), nudge.userId(), nudge.kind().wire(), nudge.routineId(),
                        nudge.occurrenceDate(), nudge.title(), nudge.body(), Sql.ts(nudge.sendAt()), Sql.ts(dueAt),
                        Sql.ts(nudge.expiresAt())}))
                .replaceWithVoid();
    }

    /** A plan change, pause or end: the person's future reminders and follow-ups are planned again. */
    public Uni<Void> cancelFutureReminders(Tx tx, String userId, Instant now) {
        return tx.sql().preparedQuery("""
                        DELETE FROM due_nudge WHERE user_id = $1 AND status = 'pending'
                          AND kind IN ('reminder', 'follow-up') AND due_at > $2""")
                .execute(Tuple.of(userId, Sql.ts(now))).replaceWithVoid();
    }

    /** Due rows no other replica holds, locked until this transaction ends. */
    public Uni<List<DueNudge>> takeDue(Tx tx, Instant now, int limit) {
        return tx.sql().preparedQuery("""
                        SELECT * FROM due_nudge WHERE status = 'pending' AND due_at <= $1
                        ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(Sql.ts(now), limit))
                .map(rows -> {
                    List<DueNudge> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new DueNudge(draft(row), Sql.instant(row, "planned_at"))));
                    return list;
                });
    }

    /** The person's next pending reminder after {@code now}, skipping those inside their safety pause. */
    public Uni<Optional<UpcomingReminder>> nextReminder(Tx tx, String userId, Instant now) {
        return tx.sql().preparedQuery("""
                        SELECT d.id, d.routine_id, d.occurrence_date, d.due_at FROM due_nudge d
                        LEFT JOIN person p ON p.user_id = d.user_id
                        WHERE d.user_id = $1 AND d.kind = 'reminder' AND d.status = 'pending' AND d.due_at > $2
                          AND (p.pause_until IS NULL OR d.due_at >= p.pause_until)
                        ORDER BY d.due_at LIMIT 1""")
                .execute(Tuple.of(userId, Sql.ts(now)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new UpcomingReminder(r.getString("id"), r.getString("routine_id"),
                            r.getLocalDate("occurrence_date"), Sql.instant(r, "due_at")));
                });
    }

    public Uni<Void> erase(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM due_nudge WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }

    /**
     * When the reminder of each routine's previous planned occurrence was due, by {@link #occurrenceKey}; reminders
     * with no earlier occurrence are left out.
     */
    public Uni<Map<String, Instant>> previousRemindersDue(Tx tx, List<NudgeDraft> reminders) {
        if (reminders.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.sql().preparedQuery("""
                        SELECT t.user_id, t.routine_id, t.occurrence_date,
                               (SELECT max(planned_at) FROM due_nudge d
                                WHERE d.user_id = t.user_id AND d.routine_id = t.routine_id AND d.kind = 'reminder'
                                  AND d.occurrence_date < t.occurrence_date) AS previous
                        FROM unnest($1::text[], $2::text[], $3::date[]) AS t (user_id, routine_id, occurrence_date)""")
                .execute(occurrences(reminders))
                .map(rows -> {
                    Map<String, Instant> previous = new HashMap<>();
                    rows.forEach(r -> {
                        Instant at = Sql.instant(r, "previous");
                        if (at != null) {
                            previous.put(occurrenceKey(r.getString("user_id"), r.getString("routine_id"),
                                    r.getLocalDate("occurrence_date")), at);
                        }
                    });
                    return previous;
                });
    }

    public static String occurrenceKey(String userId, String routineId, LocalDate date) {
        return userId + "|" + routineId + "|" + date;
    }

    /** Sets status and reason of many rows in one statement. */
    public Uni<Void> finishAll(Tx tx, List<String> ids, List<String> statuses, List<String> reasons) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.sql().preparedQuery("""
                        UPDATE due_nudge SET status = t.status, reason = t.reason
                        FROM unnest($1::text[], $2::text[], $3::text[]) AS t (id, status, reason)
                        WHERE due_nudge.id = t.id""")
                .execute(Tuple.of(ids.toArray(String[]::new), statuses.toArray(String[]::new),
                        reasons.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Moves many rows' due times in one statement. */
    public Uni<Void> postponeAll(Tx tx, List<String> ids, List<Instant> until) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.sql().preparedQuery("""
                        UPDATE due_nudge SET due_at = t.due_at
                        FROM unnest($1::text[], $2::timestamptz[]) AS t (id, due_at) WHERE due_nudge.id = t.id""")
                .execute(Tuple.of(ids.toArray(String[]::new), until.stream().map(Sql::ts).toArray(OffsetDateTime[]::new)))
                .replaceWithVoid();
    }

    private static NudgeDraft draft(Row row) {
        return new NudgeDraft(row.getString("id"), row.getString("user_id"),
                NudgeKind.fromWire(row.getString("kind")).orElseThrow(), row.getString("title"), row.getString("body"),
                row.getString("routine_id"), row.getLocalDate("occurrence_date"), Sql.instant(row, "due_at"),
                Sql.instant(row, "expires_at"));
    }

    /** The reminders' (user, routine, local date) as the three arrays the unnest queries take. */
    static Tuple occurrences(List<NudgeDraft> reminders) {
        return Tuple.of(reminders.stream().map(NudgeDraft::userId).toArray(String[]::new),
                reminders.stream().map(NudgeDraft::routineId).toArray(String[]::new),
                reminders.stream().map(NudgeDraft::occurrenceDate).toArray(LocalDate[]::new));
    }
}
