package io.limber.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The oracle of the end-to-end test and the fault suite: session adherence of a daily plan, worked out from the events a simulated
 * person's app actually sent, by the design's rules (a session counts for the local date it started; a pain-stop
 * excuses its day unless a session that day was completed; the safety pause (a pain-stop that is sharp, has pain 7 or
 * more or any red flag, and a pain report of 7 or more) excuses every day its 48 h overlap; today counts only once it
 * is done or excused). Its pause trigger is pinned to design.md's shared cases by {@code ExpectedAdherenceTest}.
 */
public final class ExpectedAdherence {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration SAFETY_PAUSE = Duration.ofHours(48);

    private final Set<LocalDate> completed = new HashSet<>();
    private final Set<LocalDate> excused = new HashSet<>();
    private final LocalDate firstDay;
    private final LocalDate today;

    public ExpectedAdherence(List<ClientEvent> sent, ZoneId zone, LocalDate firstDay, LocalDate today) {
        this.firstDay = firstDay;
        this.today = today;
        for (ClientEvent event : sent) {
            JsonNode data = read(event.json()).path("data");
            switch (event.type()) {
                case "limber.session.completed" -> completed.add(date(data.path("startedAt").asText(), zone));
                case "limber.session.pain-stopped" -> excused.add(date(data.path("startedAt").asText(), zone));
                default -> {
                    // starts alone (abandoned) and pain reports change no occurrence but through the pause
                }
            }
            if (startsSafetyPause(event.type(), data.path("pain").asInt(), data.path("sharp").asBoolean(),
                    data.path("redFlags").size())) {
                Instant from = event.eventTime();
                for (LocalDate d = LocalDate.ofInstant(from, zone);
                     d.atStartOfDay(zone).toInstant().isBefore(from.plus(SAFETY_PAUSE)); d = d.plusDays(1)) {
                    excused.add(d);
                }
            }
        }
        excused.removeAll(completed);
    }

    /** Completed ÷ (closed and not excused) over the {@code days} local dates up to today; empty when unknown. */
    public OptionalDouble sessionAdherence(int days) {
        int done = 0;
        int counted = 0;
        for (LocalDate d = today.minusDays(days - 1); !d.isAfter(today); d = d.plusDays(1)) {
            if (d.isBefore(firstDay) || excused.contains(d)) {
                continue;
            }
            boolean closed = completed.contains(d) || d.isBefore(today);
            if (closed) {
                counted++;
                if (completed.contains(d)) {
                    done++;
                }
            }
        }
        return counted == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) done / counted);
    }

    /** design.md's trigger of the 48 h safety pause, which starts at the event's time. */
    static boolean startsSafetyPause(String type, int pain, boolean sharp, int redFlags) {
        return switch (type) {
            case "limber.session.pain-stopped" -> sharp || pain >= 7 || redFlags > 0;
            case "limber.pain.reported" -> pain >= 7;
            default -> false;
        };
    }

    private static LocalDate date(String instant, ZoneId zone) {
        return LocalDate.ofInstant(Instant.parse(instant), zone);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
