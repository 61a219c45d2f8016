package io.limber.contract;

import static io.limber.contract.Row.Verdict.failed;
import static io.limber.contract.Row.Verdict.ok;
import static io.limber.contract.Row.Verdict.pending;
import static io.limber.contract.Row.Verdict.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.contract.Examples.Example;
import io.limber.contract.Observations.Answer;
import io.limber.contract.Observations.Published;
import io.limber.contract.Row.Probe;
import io.limber.contract.Row.Verdict;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The cases of one run and the rows they must satisfy: for each example and each form it may take, a person of its
 * own, and for each consumer of the example's topic the effect the design and the services' READMEs document.
 */
final class ContractCases {

    static final String ROUTINE = "routine-service";
    static final String SESSION = "session-service";
    static final String REMINDER = "reminder-service";
    static final String STRETCHES = "lower-back-stretches";
    static final String CORE = "core-strength";
    static final Duration PAUSE = Duration.ofHours(48);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVIEW_CONSUMER = "routine-service (care review from reminder-service)";
    private static final String APPS = "apps and gateways (no Limber service reads nudges)";

    final List<Case> cases = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    /** The control person: a plan due soon and no session, so their reminder goes out. */
    final Case control;
    private final String run;
    private int sequence;

    /** Set by the test once the due-soon plans are made: when their reminder is due, and the local date then. */
    Instant dueAt;
    LocalDate today;

    ContractCases(List<Example> examples, String run) {
        this.run = run;
        for (Example example : examples) {
            switch (example.type()) {
                case "limber.plan.published" -> plan(example);
                case "limber.session.started", "limber.session.completed", "limber.session.pain-stopped" ->
                        Form.on(example.topic()).forEach(form -> session(example, form));
                case "limber.pain.reported" -> painReported(example);
                case "limber.adherence.updated" -> Form.on(example.topic()).forEach(form -> adherence(example, form));
                case "limber.care-review.requested" ->
                        Form.on(example.topic()).forEach(form -> careReview(example, form));
                case "limber.nudge" -> Form.on(example.topic()).forEach(form -> nudge(example, form));
                default -> rows.add(new Row(example.file(), "-", "-", "an effect the suite knows for " + example.type(),
                        seen -> failed("the suite checks no consumer of " + example.type() + ": add its effects")));
            }
        }
        control = new Case(examples.stream().filter(e -> e.type().equals("limber.session.started")).findFirst()
                .orElseThrow(), "control", Form.KAFKA_STRUCTURED, userId("control", Form.KAFKA_STRUCTURED),
                Case.Plan.DUE_SOON, at -> null);
        producers(examples);
    }

    // ---- plans (routine-service → session-service, reminder-service) ----

    private void plan(Example example) {
        boolean paused = !"active".equals(example.data().path("status").asText());
        for (Form form : Form.on(example.topic())) {
            Case c = add(example, example.file(), form, Case.Plan.NONE);
            int version = example.data().path("version").asInt();
            if (paused) {
                // the person first has an active plan (the version before), so that the pause has something to stop
                ObjectNode previous = Rewrite.forCase(example, c.userId, Instant.now().minusSeconds(60));
                ObjectNode data = (ObjectNode) previous.get("data");
                data.put("version", Math.max(1, version - 1)).put("status", "active").put("reviewRequested", false);
                data.remove("change");
                data.set("schedule", JSON.createObjectNode().set("daysOfWeek", everyDay()));
                previous.put("id", java.util.UUID.randomUUID().toString());
                c.before.add(previous);
            }
            row(c, SESSION, "plan known: GET /users/{id}/adherence answers with planVersion " + version
                    + " and its time zone", seen -> {
                Answer a = seen.get(SESSION, "/users/" + c.userId + "/adherence");
                return when(a.ok() && a.body().path("planVersion").asInt() == version
                        && a.body().path("timeZone").asText().equals(c.event.path("data").path("timeZone").asText()),
                        a.brief());
            });
            if (paused) {
                row(c, REMINDER, "the paused plan stops its reminders: GET /users/{id}/next was 200, is 404", seen -> {
                    Answer a = seen.get(REMINDER, "/users/" + c.userId + "/next");
                    return when(a.status() == 404, a.brief());
                });
            } else {
                row(c, REMINDER, "reminders planned: GET /users/{id}/next at the plan's local time, on a planned day,"
                        + " for one of its routines", seen -> nextReminderFollowsPlan(seen, c));
            }
        }
    }

    private static Verdict nextReminderFollowsPlan(Observations seen, Case c) {
        Answer a = seen.get(REMINDER, "/users/" + c.userId + "/next");
        if (!a.ok()) {
            return pending(a.brief());
        }
        JsonNode plan = c.event.path("data");
        ZonedDateTime due = Instant.parse(a.body().path("dueAt").asText()).atZone(ZoneId.of(plan.path("timeZone").asText()));
        List<String> routines = new ArrayList<>();
        plan.path("routines").forEach(r -> routines.add(r.path("routineId").asText()));
        List<String> days = new ArrayList<>();
        plan.path("schedule").path("daysOfWeek").forEach(d -> days.add(d.asText()));
        boolean ok = due.toLocalTime().equals(LocalTime.parse(plan.path("localTime").asText()))
                && (days.isEmpty() || days.contains(due.getDayOfWeek().name()))
                && routines.contains(a.body().path("routineId").asText());
        return when(ok, a.brief() + " (local " + due + ")");
    }

    // ---- client events (apps, or session-service's ingress → session-service, reminder-service) ----

    private void session(Example example, Form form) {
        String type = example.type();
        JsonNode data = example.data();
        String routine = data.path("routineId").asText();
        boolean painStop = type.equals("limber.session.pain-stopped");
        boolean redFlag = painStop && !data.path("redFlags").isEmpty();
        boolean severe = painStop && (data.path("sharp").asBoolean() || data.path("pain").asInt() >= 7);
        Case c = add(example, example.file(), form, painStop ? Case.Plan.BOTH_ROUTINES_LATER : Case.Plan.DUE_SOON);
        ingress(c);
        if (type.equals("limber.session.started")) {
            row(c, SESSION, "session listed as running: GET /users/{id}/sessions", seen -> session(seen, c,
                    s -> s.path("status").asText().equals("running")));
            reminderHeldBack(c, routine);
        } else if (type.equals("limber.session.completed")) {
            int holds = data.path("holds").size();
            row(c, SESSION, "session completed with its " + holds + " holds: GET /users/{id}/sessions",
                    seen -> session(seen, c, s -> s.path("status").asText().equals("completed")
                            && s.path("holdsReported").asInt() == holds));
            row(c, SESSION, "counted: today's " + routine + " completed (completed7 = 1): GET /users/{id}/adherence",
                    seen -> routineAdherence(seen, c, routine, r -> r.path("completed7").asInt() == 1));
            reminderHeldBack(c, routine);
        } else {
            int pain = data.path("pain").asInt();
            boolean sharp = data.path("sharp").asBoolean();
            row(c, SESSION, "session pain-stopped with its pain, sharpness and red flags: GET /users/{id}/sessions",
                    seen -> session(seen, c, s -> s.path("status").asText().equals("pain-stopped")
                            && s.path("pain").asInt() == pain && s.path("sharp").asBoolean() == sharp
                            && s.path("redFlags").equals(sorted(c.event.path("data").path("redFlags")))));
            row(c, SESSION, "pain statistics: painStops7 = 1, maxPain28 = " + pain + ", anySharp28 = " + sharp
                    + ", anyRedFlag28 = " + redFlag + ": GET /users/{id}/adherence", seen -> adherence(seen, c, a -> {
                        JsonNode p = a.path("pain");
                        return p.path("painStops7").asInt() == 1 && p.path("maxPain28").asInt() == pain
                                && p.path("anySharp28").asBoolean() == sharp
                                && p.path("anyRedFlag28").asBoolean() == redFlag;
                    }));
            if (severe && !redFlag) {
                // the other routine had no pain-stop: only the 48 h pause excuses it
                String other = routine.equals(STRETCHES) ? CORE : STRETCHES;
                row(c, SESSION, "48 h safety pause: today's " + other + " excused too (excused28 = 1):"
                        + " GET /users/{id}/adherence", seen -> routineAdherence(seen, c, other,
                        r -> r.path("excused28").asInt() == 1));
            }
            if (redFlag) {
                immediateNudge(c, "emergency");
            } else if (severe) {
                immediateNudge(c, "safety");
            }
            if (redFlag || severe) {
                noReminderFor48Hours(c);
            }
            if (redFlag) {
                row(c, REVIEW_CONSUMER, "urgent care review, reason red-flag: GET /users/{id}/care-reviews",
                        seen -> careReview(seen, c, "red-flag", true));
                row(c, REVIEW_CONSUMER, "the plan paused: GET /users/{id}/plan status paused", seen -> {
                    Answer a = seen.get(ROUTINE, "/users/" + c.userId + "/plan");
                    return when(a.ok() && a.body().path("status").asText().equals("paused"), a.brief());
                });
            }
        }
    }

    private void painReported(Example example) {
        JsonNode data = example.data();
        Form.on(example.topic()).forEach(form -> painReported(example, example.file(), form, null));
        if (data.path("settled").asBoolean(true) || data.path("pain").asInt() < 7) {
            // the example reports pain that settled; the contract's other branch (not settled, severe) from it
            String name = example.file() + " with settled=false, pain=8";
            Form.on(example.topic()).forEach(form -> painReported(example, name, form, d -> {
                d.put("settled", false);
                d.put("pain", 8);
            }));
        }
    }

    private void painReported(Example example, String name, Form form,
                              java.util.function.Consumer<ObjectNode> variant) {
        Case c = add(example, name, form, Case.Plan.BOTH_ROUTINES_LATER, variant);
        ObjectNode data = JSON.createObjectNode().setAll((ObjectNode) example.data());
        if (variant != null) {
            variant.accept(data);
        }
        int pain = data.path("pain").asInt();
        boolean notSettled = data.path("settled").isBoolean() && !data.path("settled").asBoolean();
        ingress(c);
        row(c, SESSION, "pain statistics: maxPain28 = " + pain + ": GET /users/{id}/adherence",
                seen -> adherence(seen, c, a -> a.path("pain").path("maxPain28").asInt() == pain));
        if (pain >= 7) {
            row(c, SESSION, "48 h safety pause: today's occurrences excused (excused28 = 1 for both routines):"
                    + " GET /users/{id}/adherence", seen -> adherence(seen, c, a -> {
                        int excused = 0;
                        for (JsonNode r : a.path("routines")) {
                            excused += r.path("excused28").asInt() == 1 ? 1 : 0;
                        }
                        return excused == 2;
                    }));
            noReminderFor48Hours(c);
        }
        if (notSettled) {
            row(c, REVIEW_CONSUMER, "care review, reason not-settled, not urgent: GET /users/{id}/care-reviews",
                    seen -> careReview(seen, c, "not-settled", false));
            row(c, REVIEW_CONSUMER, "plan flagged for review and still active: GET /users/{id}/plan", seen -> {
                Answer a = seen.get(ROUTINE, "/users/" + c.userId + "/plan");
                return when(a.ok() && a.body().path("reviewRequested").asBoolean()
                        && a.body().path("status").asText().equals("active"), a.brief());
            });
        }
    }

    /** The ingress answered 202 with the event's id (HTTP forms only). */
    private void ingress(Case c) {
        if (c.form.isHttp()) {
            row(c, "session-service ingress", "POST /events answers 202 with the event's id", seen -> {
                Answer a = c.ingress;
                if (a == null) {
                    return pending("not sent");
                }
                boolean accepted = a.status() == 202 && a.body() != null
                        && a.body().path("ids").toString().contains("\"" + c.id() + "\"");
                return accepted ? ok() : failed(a.brief());
            });
        }
    }

    private void immediateNudge(Case c, String kind) {
        row(c, REMINDER, kind + " message at once: GET /users/{id}/nudges has {id}:" + kind + ":{event id}",
                seen -> nudge(seen, c.userId, c.userId + ":" + kind + ":" + c.id(), kind));
        row(c, REMINDER, kind + " message on topic nudges (key = user id)", seen -> {
            Optional<Published> found = seen.topic("nudges").stream()
                    .filter(p -> c.userId.equals(p.key()) && p.event() != null
                            && p.event().path("id").asText().equals(c.userId + ":" + kind + ":" + c.id()))
                    .findFirst();
            return when(found.isPresent() && found.get().event().path("data").path("kind").asText().equals(kind),
                    found.map(Published::toString).orElse("none yet"));
        });
    }

    private void noReminderFor48Hours(Case c) {
        row(c, REMINDER, "48 h safety pause: GET /users/{id}/next is 404 or due 48 h or more after the event",
                seen -> {
                    Answer a = seen.get(REMINDER, "/users/" + c.userId + "/next");
                    if (a.status() == 404) {
                        return ok();
                    }
                    if (!a.ok()) {
                        return pending(a.brief());
                    }
                    Instant due = Instant.parse(a.body().path("dueAt").asText());
                    Instant time = Instant.parse(c.event.path("time").asText());
                    return when(!due.isBefore(time.plus(PAUSE)), "next reminder due " + due + ", "
                            + Duration.between(time, due).toMinutes() / 60.0 + " h after the event");
                });
    }

    /**
     * Today's reminder of the routine is not sent, because a session of it started today. Decided once the reminder
     * time has passed and every due-soon reminder is accounted for: sent (then visible in the person's nudges) or
     * held back as already started (reminder-service's suppression counter).
     */
    private void reminderHeldBack(Case c, String routine) {
        row(c, REMINDER, "today's reminder held back (a session already started): no {id}:reminder:" + routine
                + ":{today} in GET /users/{id}/nudges", seen -> {
            if (dueAt == null || Instant.now().isBefore(dueAt)) {
                return pending("the reminder was not due yet");
            }
            String id = c.userId + ":reminder:" + routine + ":" + today;
            if (hasNudge(seen, c.userId, id)) {
                return failed("the reminder was sent: " + id);
            }
            List<Case> dueSoon = cases.stream().filter(x -> x.plan == Case.Plan.DUE_SOON).toList();
            long sent = dueSoon.stream().filter(x -> hasNudge(seen, x.userId, x.userId + ":reminder:"
                    + x.event.path("data").path("routineId").asText() + ":" + today)).count();
            double heldBack = seen.metric(REMINDER, "limber_nudges_suppressed_total",
                    Map.of("kind", "reminder", "reason", "already-started"));
            boolean controlSent = hasNudge(seen, control.userId, control.userId + ":reminder:" + STRETCHES + ":" + today);
            return when(controlSent && sent + heldBack >= dueSoon.size(), "no reminder; decided so far: " + sent
                    + " sent + " + (long) heldBack + " held back as already-started of " + dueSoon.size()
                    + (controlSent ? "" : "; the control person's reminder not sent yet"));
        });
    }

    // ---- adherence (session-service → reminder-service) ----

    private void adherence(Example example, Form form) {
        Case c = add(example, example.file(), form, Case.Plan.NONE);
        c.quietHoursAway = true;
        double previous = example.data().path("sessionAdherence7").asDouble();
        // a later snapshot below the lapse line (50 %) raises the lapse nudge only if this one (≥ 50 %) was read
        c.after.add(event -> {
            ObjectNode next = event.deepCopy();
            next.put("id", event.path("id").asText() + "-next");
            next.put("time", Instant.parse(event.path("time").asText()).plusSeconds(1).toString());
            ((ObjectNode) next.get("data")).put("sessionAdherence7", 0.3);
            return next;
        });
        row(c, REMINDER, "snapshot kept: its 7-day adherence " + previous + " then the next one's 0.3 raise the"
                + " lapse nudge: GET /users/{id}/nudges", seen -> {
            Answer a = seen.get(REMINDER, "/users/" + c.userId + "/nudges");
            return when(a.ok() && kinds(a.body()).contains("lapse"), a.brief());
        });
    }

    // ---- care reviews (reminder-service → routine-service) ----

    private void careReview(Example example, Form form) {
        Case c = add(example, example.file(), form, Case.Plan.STRETCHES_LATER);
        String reason = example.data().path("reason").asText();
        boolean urgent = example.data().path("urgent").asBoolean();
        row(c, ROUTINE, "care review recorded (reason " + reason + ", urgent " + urgent + "): GET /users/{id}/care-reviews",
                seen -> {
                    Answer a = seen.get(ROUTINE, "/users/" + c.userId + "/care-reviews");
                    JsonNode review = a.ok() ? find(a.body(), "eventId", c.id()) : null;
                    return when(review != null && review.path("reason").asText().equals(reason)
                            && review.path("urgent").asBoolean() == urgent, a.brief());
                });
        if (urgent) {
            row(c, ROUTINE, "urgent: the active plan paused: GET /users/{id}/plan status paused", seen -> {
                Answer a = seen.get(ROUTINE, "/users/" + c.userId + "/plan");
                return when(a.ok() && a.body().path("status").asText().equals("paused"), a.brief());
            });
        }
    }

    // ---- nudges (reminder-service → apps and gateways) ----

    private void nudge(Example example, Form form) {
        Case c = add(example, example.file(), form, Case.Plan.NONE);
        row(c, APPS, "read back from nudges with the platform reader: the event as sent", seen -> {
            Optional<Published> found = seen.topic("nudges").stream()
                    .filter(p -> c.userId.equals(p.key())).findFirst();
            if (found.isEmpty()) {
                return pending("not on nudges yet");
            }
            JsonNode read = found.get().event();
            return read != null && read.path("id").equals(c.event.path("id"))
                    && read.path("type").equals(c.event.path("type")) && read.path("data").equals(c.event.path("data"))
                    ? ok() : failed(found.get().toString());
        });
    }

    // ---- what the producers themselves publish, against their examples ----

    private void producers(List<Example> examples) {
        for (Example example : examples) {
            Optional<Probe> probe = switch (example.file()) {
                case "nudge-safety.json" -> published(example, "nudges",
                        c -> c.example.file().equals("session-pain-stopped.json"),
                        (c, p) -> p.event().path("id").asText().equals(c.userId + ":safety:" + c.id()),
                        List.of("kind", "title", "body", "priority"));
                case "nudge-reminder.json" -> published(example, "nudges", c -> c == control,
                        (c, p) -> p.event().path("id").asText().startsWith(c.userId + ":reminder:"),
                        List.of("kind", "title", "body", "priority", "routineId"));
                case "care-review-requested.json" -> published(example, "care-reviews",
                        c -> c.example.file().equals("session-pain-stopped-red-flag.json"),
                        (c, p) -> p.event().path("data").path("reason").asText().equals("red-flag"),
                        List.of("reason", "urgent"));
                case "plan-published.json" -> published(example, "plans", c -> c == control,
                        (c, p) -> true, List.of());
                case "adherence-updated.json" -> published(example, "adherence",
                        c -> c.example.file().equals("session-completed.json"),
                        (c, p) -> p.event().path("data").path("routines").size() > 0, List.of());
                default -> Optional.empty();
            };
            probe.ifPresent(p -> rows.add(new Row(example.file(), "as published by " + example.producer(),
                    example.topic() + " readers", "what " + example.producer() + " publishes has the example's"
                    + " attributes and data fields", p)));
        }
    }

    /** A producer's record for a case's person, matching the example's envelope and data fields. */
    private Optional<Probe> published(Example example, String topic, Predicate<Case> whose,
                                      java.util.function.BiPredicate<Case, Published> which, List<String> sameValues) {
        return Optional.of(seen -> {
            List<Case> people = new ArrayList<>(cases.stream().filter(whose).filter(c -> c.form == Form.KAFKA_STRUCTURED)
                    .toList());
            if (whose.test(control)) {
                people.add(control);
            }
            for (Case c : people) {
                Optional<Published> found = seen.topic(topic).stream()
                        .filter(p -> c.userId.equals(p.key()) && p.event() != null && (c.event != null || c == control)
                                && which.test(c, p))
                        .reduce((first, second) -> second);
                if (found.isPresent()) {
                    List<String> differences = differences(example.event(), found.get().event(), sameValues);
                    return differences.isEmpty() ? ok()
                            : failed("published as " + found.get().form() + "; differs: " + String.join("; ", differences));
                }
            }
            return pending("no such record on " + topic + " yet");
        });
    }

    private static List<String> differences(JsonNode example, JsonNode published, List<String> sameValues) {
        List<String> differences = new ArrayList<>();
        for (String attribute : List.of("specversion", "source", "type", "datacontenttype", "dataschema")) {
            if (!Objects.equals(example.path(attribute).asText(null), published.path(attribute).asText(null))) {
                differences.add(attribute + " " + published.path(attribute) + " (example " + example.path(attribute) + ")");
            }
        }
        missingFields("data", example.path("data"), published.path("data"), differences);
        for (String field : sameValues) {
            if (!example.path("data").path(field).equals(published.path("data").path(field))) {
                differences.add("data." + field + " " + published.path("data").path(field) + " (example "
                        + example.path("data").path(field) + ")");
            }
        }
        return differences;
    }

    /** Fields the example has that the published event lacks (objects, and the first element of arrays). */
    private static void missingFields(String path, JsonNode example, JsonNode published, List<String> differences) {
        if (example.isObject()) {
            for (Iterator<String> names = example.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!published.has(name)) {
                    differences.add(path + "." + name + " missing");
                } else {
                    missingFields(path + "." + name, example.get(name), published.get(name), differences);
                }
            }
        } else if (example.isArray() && example.size() > 0 && published.isArray() && published.size() > 0) {
            missingFields(path + "[0]", example.get(0), published.get(0), differences);
        }
    }

    // ---- helpers ----

    private Case add(Example example, String name, Form form, Case.Plan plan) {
        return add(example, name, form, plan, null);
    }

    private Case add(Example example, String name, Form form, Case.Plan plan,
                     java.util.function.Consumer<ObjectNode> variant) {
        String userId = userId(name, form);
        Case c = new Case(example, name, form, userId, plan, at -> {
            ObjectNode event = Rewrite.forCase(example, userId, at);
            if (variant != null) {
                variant.accept((ObjectNode) event.get("data"));
            }
            return event;
        });
        cases.add(c);
        return c;
    }

    private void row(Case c, String consumer, String effect, Probe probe) {
        rows.add(new Row(c.name, c.form.label, consumer, effect, seen -> c.event == null ? pending("not sent")
                : probe.look(seen)));
    }

    /** A fresh id per case: the run, a sequence number, a hint of the example and the form. */
    private String userId(String name, Form form) {
        String hint = name.replace(".json", "").replaceAll("[^A-Za-z0-9]+", "-");
        hint = hint.length() > 28 ? hint.substring(0, 28) : hint;
        return "ct-" + run + "-" + String.format("%02d", sequence++) + "-" + hint + "-" + form.tag();
    }

    static ArrayNode everyDay() {
        ArrayNode days = JSON.createArrayNode();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(day.name());
        }
        return days;
    }

    private static Verdict session(Observations seen, Case c, Predicate<JsonNode> expected) {
        Answer a = seen.get(SESSION, "/users/" + c.userId + "/sessions?size=100");
        if (!a.ok()) {
            return pending(a.brief());
        }
        JsonNode session = find(a.body().path("sessions"), "sessionId", c.event.path("data").path("sessionId").asText());
        return session == null ? pending(a.brief()) : when(expected.test(session), session.toString());
    }

    private static Verdict adherence(Observations seen, Case c, Predicate<JsonNode> expected) {
        Answer a = seen.get(SESSION, "/users/" + c.userId + "/adherence");
        return when(a.ok() && expected.test(a.body()), a.brief());
    }

    private static Verdict routineAdherence(Observations seen, Case c, String routine, Predicate<JsonNode> expected) {
        return adherence(seen, c, a -> {
            JsonNode r = find(a.path("routines"), "routineId", routine);
            return r != null && expected.test(r);
        });
    }

    private static Verdict nudge(Observations seen, String userId, String id, String kind) {
        Answer a = seen.get(REMINDER, "/users/" + userId + "/nudges");
        JsonNode nudge = a.ok() ? find(a.body(), "id", id) : null;
        return when(nudge != null && nudge.path("kind").asText().equals(kind), a.brief());
    }

    private static boolean hasNudge(Observations seen, String userId, String id) {
        Answer a = seen.get(REMINDER, "/users/" + userId + "/nudges");
        return a.ok() && find(a.body(), "id", id) != null;
    }

    private static Verdict careReview(Observations seen, Case c, String reason, boolean urgent) {
        Answer a = seen.get(ROUTINE, "/users/" + c.userId + "/care-reviews");
        JsonNode review = a.ok() ? find(a.body(), "reason", reason) : null;
        return when(review != null && review.path("urgent").asBoolean() == urgent, a.brief());
    }

    private static TreeSet<String> kinds(JsonNode nudges) {
        TreeSet<String> kinds = new TreeSet<>();
        nudges.forEach(n -> kinds.add(n.path("kind").asText()));
        return kinds;
    }

    private static JsonNode sorted(JsonNode strings) {
        ArrayNode sorted = JSON.createArrayNode();
        List<String> values = new ArrayList<>();
        strings.forEach(s -> values.add(s.asText()));
        values.stream().sorted().forEach(sorted::add);
        return sorted;
    }

    static JsonNode find(JsonNode array, String field, String value) {
        if (array == null) {
            return null;
        }
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        return null;
    }
}
