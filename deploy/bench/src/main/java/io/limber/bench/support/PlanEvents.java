package io.limber.bench.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** {@code limber.plan.published} events as routine-service publishes them on {@code plans}: daily stretches. */
public final class PlanEvents {

    private PlanEvents() {
    }

    public static String dailyStretches(String userId, ZoneId zone, LocalTime localTime, LocalDate startDate,
                                        Instant publishedAt) {
        return """
                {"specversion":"1.0","id":"plan-%1$s-v1","source":"/routine-service","type":"limber.plan.published",\
                "time":"%5$s","datacontenttype":"application/json","dataschema":"urn:limber:schema:plan-published:1",\
                "data":{"userId":"%1$s","version":1,"status":"active","timeZone":"%2$s","localTime":"%3$s",\
                "schedule":{"daysOfWeek":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"]},\
                "startDate":"%4$s","endDate":null,"quietHours":null,"reviewRequested":false,"publishedAt":"%5$s",\
                "routines":[{"routineId":"lower-back-stretches","routineVersion":1,"core":false,"holds":[\
                {"exerciseId":"knees-to-chest","seconds":60},{"exerciseId":"forward-fold","seconds":60},\
                {"exerciseId":"childs-pose","seconds":60},{"exerciseId":"crossovers","seconds":60},\
                {"exerciseId":"doorway-hamstring","seconds":60}]}]}}"""
                .formatted(userId, zone.getId(), localTime, startDate, publishedAt);
    }
}
