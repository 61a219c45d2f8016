package io.limber.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.bench.support.Database;
import io.limber.simulator.ClientEvent;
import io.limber.simulator.Cohort;
import io.limber.simulator.Person;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.postgresql.PGConnection;

/**
 * Writes people's session history straight into session-service's {@code session_event} table with {@code COPY}:
 * what the simulator's apps would have sent over {@code days} days before today (its persona mix, one day at a time),
 * each event once. Histories older than a year cannot come over Kafka (event-time bounds), so this is how a 3-year
 * history gets there. The row has the shape of the schema it finds: the activity columns (migration V5) or, before
 * it, the CloudEvent as {@code payload}.
 */
final class HistorySeeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PEOPLE_PER_COPY = 25;

    /** How the stored row looks in one version of the schema. */
    private record Shape(String copy, Function<Row, List<String>> fields) {
    }

    /** One event as the service would have stored it. */
    private record Row(ClientEvent event, JsonNode json) {
    }

    private HistorySeeder() {
    }

    /** Seeds each person's {@code days} days before {@code today} (in their zone); returns the rows written. */
    static long seed(Database database, Cohort cohort, List<Person> people, Instant now, int days)
            throws SQLException {
        Shape shape = shape(database);
        long rows = 0;
        try (Connection connection = database.connect()) {
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < people.size(); i++) {
                rows += append(csv, shape, cohort, people.get(i), now, days);
                if ((i + 1) % PEOPLE_PER_COPY == 0 || i == people.size() - 1) {
                    copy(connection, shape, csv);
                    csv.setLength(0);
                }
            }
            try (Statement s = connection.createStatement()) {
                if (database.hasColumn("person", "checkpoint")) {
                    s.execute("UPDATE person SET checkpoint = NULL"); // a checkpoint from before the history is wrong
                }
                s.execute("ANALYZE session_event");
            }
        }
        return rows;
    }

    private static int append(StringBuilder csv, Shape shape, Cohort cohort, Person person, Instant now, int days) {
        LocalDate first = LocalDate.ofInstant(now, person.zone()).minusDays(days);
        Set<String> seen = new HashSet<>();
        int rows = 0;
        for (int d = 0; d < days; d++) {
            for (ClientEvent event : cohort.liveDay(person, first.plusDays(d), d)) {
                if (event.eventTime().isAfter(now) || !seen.add(event.eventId())) {
                    continue; // not happened yet (a next-morning check-in), or a resend: stored once
                }
                ClientEvent received = event.sendAt().isAfter(now) ? event.sentAt(now) : event;
                List<String> fields = shape.fields().apply(new Row(received, read(event.json())));
                for (int f = 0; f < fields.size(); f++) {
                    if (f > 0) {
                        csv.append(',');
                    }
                    String value = fields.get(f);
                    if (value != null) {
                        csv.append('"').append(value.replace("\"", "\"\"")).append('"');
                    }
                }
                csv.append('\n');
                rows++;
            }
        }
        return rows;
    }

    private static void copy(Connection connection, Shape shape, StringBuilder csv) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(shape.copy(), new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Shape shape(Database database) {
        if (database.hasColumn("session_event", "concerns_from")) {
            return new Shape("COPY session_event (event_source, event_id, type, user_id, session_id, occurred_at,"
                    + " received_at, routine_id, routine_version, started_at, completed_at, exercise_id, pain, sharp,"
                    + " red_flags, settled, hold_exercise_ids, hold_positions, hold_seconds, hold_reps, concerns_from)"
                    + " FROM STDIN (FORMAT csv)", HistorySeeder::activityColumns);
        }
        if (database.hasColumn("session_event", "payload")) {
            return new Shape("COPY session_event (event_source, event_id, type, user_id, session_id, occurred_at,"
                    + " received_at, payload) FROM STDIN (FORMAT csv)", row -> {
                        List<String> fields = common(row);
                        fields.add(row.event().json());
                        return fields;
                    });
        }
        throw new IllegalStateException("session_event has neither activity columns (V5) nor payload (V2..V4): "
                + "the seeder does not know this schema");
    }

    private static List<String> common(Row row) {
        JsonNode data = row.json().get("data");
        List<String> fields = new ArrayList<>();
        fields.add(row.json().get("source").asText());
        fields.add(row.event().eventId());
        fields.add(row.event().type());
        fields.add(row.event().userId());
        fields.add(text(data, "sessionId"));
        fields.add(row.event().eventTime().toString());
        fields.add(row.event().sendAt().toString());
        return fields;
    }

    private static List<String> activityColumns(Row row) {
        JsonNode data = row.json().get("data");
        List<String> fields = common(row);
        fields.add(text(data, "routineId"));
        fields.add(text(data, "routineVersion"));
        String startedAt = text(data, "startedAt");
        fields.add(startedAt);
        fields.add(text(data, "completedAt"));
        fields.add(text(data, "exerciseId"));
        fields.add(text(data, "pain"));
        fields.add(text(data, "sharp"));
        fields.add(data.has("redFlags") ? array(data.get("redFlags"), n -> quoted(n.asText())) : null);
        fields.add(text(data, "settled"));
        JsonNode holds = data.get("holds");
        fields.add(holds == null ? null : array(holds, h -> quotedOrNull(h.get("exerciseId"))));
        fields.add(holds == null ? null : array(holds, h -> quotedOrNull(h.get("position"))));
        fields.add(holds == null ? null : array(holds, h -> numberOrNull(h.get("seconds"))));
        fields.add(holds == null ? null : array(holds, h -> numberOrNull(h.get("reps"))));
        Instant time = row.event().eventTime();
        fields.add((startedAt != null && Instant.parse(startedAt).isBefore(time) ? Instant.parse(startedAt) : time)
                .toString());
        return fields;
    }

    /** A PostgreSQL array literal, e.g. {@code {"a","b"}} or {@code {60,NULL}}. */
    private static String array(JsonNode elements, Function<JsonNode, String> element) {
        List<String> items = new ArrayList<>();
        elements.forEach(e -> items.add(element.apply(e)));
        return "{" + String.join(",", items) + "}";
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String quotedOrNull(JsonNode value) {
        return value == null || value.isNull() ? "NULL" : quoted(value.asText());
    }

    private static String numberOrNull(JsonNode value) {
        return value == null || value.isNull() ? "NULL" : value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
