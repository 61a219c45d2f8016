package io.limber.reminder.schedule;

import io.limber.reminder.db.Sql;
import io.limber.reminder.rules.DueReminder;
import io.limber.reminder.rules.NudgeDraft;
import io.limber.reminder.rules.NudgeKind;
import io.limber.reminder.rules.NudgeTexts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The due rows: nudges planned for a later time, on the caller's transaction. */
@ApplicationScoped
public class DueNudgeRepository {

    /** Stores future reminders and follow-ups; rows already there (sent, suppressed or pending) stay as they are. */
    public Uni<Void> plan(SqlConnection tx, List<DueReminder> reminders, Instant now) {
        return Multi.createFrom().iterable(reminders)
                .filter(due -> due.dueAt().isAfter(now))
                .onItem().transformToUniAndConcatenate(due -> {
                    NudgeTexts.Text text = due.kind() == NudgeKind.FOLLOW_UP
                            ? NudgeTexts.followUp(due.routineId())
                            : NudgeTexts.reminder(due.routineId());
                    return insert(tx, new NudgeDraft(due.id(), due.userId(), due.kind(), text.title(), text.body(),
                            due.routineId(), due.date(), due.dueAt(), due.expiresAt()), due.dueAt());
                })
                .collect().last().replaceWithVoid();
    }

    /** Stores a nudge to be decided again at {@code dueAt} (a check-in, or one held back by quiet hours). */
    public Uni<Void> insert(SqlConnection tx, NudgeDraft nudge, Instant dueAt) {
        return tx.preparedQuery("""
                        INSERT INTO due_nudge (id, user_id, kind, routine_id, occurrence_date, title, body, planned_at,
                                               due_at, expires_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING""")
                .execute(Tuple.from(new Object[] {nudge.id(), nudge.userId(), nudge.kind().wire(), nudge.routineId(),
                        nudge.occurrenceDate(), nudge.title(), nudge.body(), Sql.ts(nudge.sendAt()), Sql.ts(dueAt),
                        Sql.ts(nudge.expiresAt())}))
                .replaceWithVoid();
    }

    /** A plan change, pause or end: the person's future reminders and follow-ups are planned again. */
    public Uni<Void> cancelFutureReminders(SqlConnection tx, String userId, Instant now) {
        return tx.preparedQuery("""
                        DELETE FROM due_nudge WHERE user_id = $1 AND status = 'pending'
                          AND kind IN ('reminder', 'follow-up') AND due_at > $2""")
                .execute(Tuple.of(userId, Sql.ts(now))).replaceWithVoid();
    }

    /** Due rows no other replica holds, locked until this transaction ends. */
    public Uni<List<Row>> takeDue(SqlConnection tx, Instant now, int limit) {
        return tx.preparedQuery("""
                        SELECT * FROM due_nudge WHERE status = 'pending' AND due_at <= $1
                        ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(Sql.ts(now), limit))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
    }

    public Uni<Void> finish(SqlConnection tx, String id, String status, String reason) {
        return tx.preparedQuery("UPDATE due_nudge SET status = $2, reason = $3 WHERE id = $1")
                .execute(Tuple.of(id, status, reason)).replaceWithVoid();
    }

    public Uni<Void> postpone(SqlConnection tx, String id, Instant until) {
        return tx.preparedQuery("UPDATE due_nudge SET due_at = $2 WHERE id = $1")
                .execute(Tuple.of(id, Sql.ts(until))).replaceWithVoid();
    }

    public Uni<Boolean> sessionStarted(SqlConnection tx, String userId, String routineId, LocalDate date) {
        return tx.preparedQuery("SELECT 1 FROM session_day WHERE user_id = $1 AND routine_id = $2 AND local_date = $3")
                .execute(Tuple.of(userId, routineId, date)).map(rows -> rows.size() > 0);
    }

    /** When the reminder of the routine's previous planned occurrence was due, or null. */
    public Uni<Instant> previousReminderDue(SqlConnection tx, String userId, String routineId, LocalDate date) {
        return tx.preparedQuery("""
                        SELECT max(planned_at) AS previous FROM due_nudge
                        WHERE user_id = $1 AND routine_id = $2 AND kind = 'reminder' AND occurrence_date < $3""")
                .execute(Tuple.of(userId, routineId, date))
                .map(rows -> Sql.instant(rows.iterator().next(), "previous"));
    }

    public static NudgeDraft draft(Row row) {
        return new NudgeDraft(row.getString("id"), row.getString("user_id"),
                NudgeKind.fromWire(row.getString("kind")).orElseThrow(), row.getString("title"), row.getString("body"),
                row.getString("routine_id"), row.getLocalDate("occurrence_date"), Sql.instant(row, "due_at"),
                Sql.instant(row, "expires_at"));
    }
}
