package io.limber.bench.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.simulator.Person;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** {@code limber.plan.published} events as routine-service publishes them on {@code plans}: daily stretches. */
public final class PlanEvents {

    /** The built-in evening routine as routine-service's catalogue prescribes it: exercise and side or position. */
    public static final String[][] HOLDS = {
        {"knees-to-chest", "both"}, {"forward-fold", "centre"}, {"childs-pose", "centre"}, {"childs-pose", "right"},
        {"childs-pose", "left"}, {"crossover", "right"}, {"crossover", "left"}, {"doorway-hamstring", "right"},
        {"doorway-hamstring", "left"}};
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanEvents() {
    }

    /**
     * Version 1 of a simulated person's plan: the evening routine ({@link #HOLDS}, 60 s each) every day at their evening
     * time in their zone, from {@code startDate}, with default quiet hours.
     */
    public static String eveningStretches(Person person, LocalDate startDate, Instant publishedAt) {
        ObjectNode data = JSON.createObjectNode()
                .put("userId", person.userId())
                .put("version", 1)
                .put("status", "active")
                .put("timeZone", person.zone().getId())
                .put("localTime", person.eveningTime().toString());
        ArrayNode days = data.putObject("schedule").putArray("daysOfWeek");
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(day.name());
        }
        data.put("startDate", startDate.toString());
        data.putNull("endDate");
        data.putObject("quietHours").put("start", "22:00").put("end", "07:00");
        data.put("reviewRequested", false).put("publishedAt", publishedAt.toString());
        ObjectNode routine = data.putArray("routines").addObject()
                .put("routineId", "lower-back-stretches").put("routineVersion", 1).put("core", false);
        ArrayNode holds = routine.putArray("holds");
        for (String[] hold : HOLDS) {
            holds.addObject().put("exerciseId", hold[0]).put("position", hold[1]).put("seconds", 60);
        }
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", "plan-" + person.userId() + "-v1")
                .put("source", "/routine-service")
                .put("type", "limber.plan.published")
                .put("time", publishedAt.toString())
                .put("datacontenttype", "application/json")
                .put("dataschema", "urn:limber:schema:plan-published:1");
        event.set("data", data);
        return event.toString();
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
