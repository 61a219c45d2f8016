package io.limber.routine.plan;

import java.util.List;

/**
 * The data of {@code limber.plan.published}: the whole current plan, as session-service and reminder-service read
 * it (schema: {@code events/plan-published.schema.json}). Also what the REST API shows and what is stored.
 */
public record PlanData(String userId, int version, String status, String timeZone, String localTime, Schedule schedule,
                       String startDate, String endDate, QuietHoursData quietHours, boolean reviewRequested,
                       String publishedAt, String change, List<PrescribedRoutine> routines) {

    public record QuietHoursData(String start, String end) {
    }
}
