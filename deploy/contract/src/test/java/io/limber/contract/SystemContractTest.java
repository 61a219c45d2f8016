package io.limber.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.contract.Observations.Answer;
import io.limber.local.stack.LocalStack;
import io.limber.local.testing.CloudEventForms;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The system contract: every producer's every example, in every form the contract allows, has each consumer's
 * documented effect. One start of the whole system (the three packaged services as processes, a real Kafka broker
 * and PostgreSQL, real bearer tokens); every case has a person of its own; all cases are sent together and then
 * awaited together. Prints the table and writes it to {@code target/contract-table.md}; fails listing the rows that
 * failed.
 *
 * <p>{@code -Dlimber.contract.root=DIR} runs the services packaged in another checkout (e.g. an older commit); the
 * examples and AsyncAPI documents always come from this checkout: they are the contract.
 */
class SystemContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Duration SETUP_PATIENCE = Duration.ofSeconds(120);
    private static final Duration EFFECT_PATIENCE = Duration.ofSeconds(120);

    @Test
    void everyExampleInEveryFormHasEachConsumersDocumentedEffect() throws Exception {
        Instant began = Instant.now();
        Path suiteCheckout = Path.of("../..").toAbsolutePath().normalize();
        Path root = Path.of(property("limber.contract.root", suiteCheckout.toString())).toAbsolutePath().normalize();
        Path tableFile = Path.of(property("limber.contract.table", "target/contract-table.md"));
        ContractCases contract = new ContractCases(Examples.load(suiteCheckout),
                UUID.randomUUID().toString().substring(0, 6));
        List<Row> rows = contract.rows;
        List<Case> all = new ArrayList<>(contract.cases);
        all.add(contract.control);
        Duration startUp;

        try (LocalStack stack = LocalStack.start(LocalStack.Options.forTests(), root);
             Observations seen = new Observations(stack);
             KafkaProducer<String, String> producer = producer(stack.kafkaBootstrapServers())) {
            startUp = Duration.between(began, Instant.now());
            // the people's local time is around noon, so that nothing here crosses a local midnight or quiet hours
            ZoneId zone = middayZone(Instant.now());
            Setup setup = new Setup(stack, seen, producer, zone, rows);

            List<Case> later = all.stream().filter(c -> c.plan != Case.Plan.DUE_SOON).toList();
            later.forEach(setup::prepare);
            setup.awaitKnown(later);

            // plans due in a minute or two, so that the reminders a started session holds back fall due in the run
            Instant dueAt = Instant.now().plusSeconds(75).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            contract.dueAt = dueAt;
            contract.today = LocalDate.ofInstant(dueAt, zone);
            List<Case> dueSoon = all.stream().filter(c -> c.plan == Case.Plan.DUE_SOON).toList();
            dueSoon.forEach(c -> setup.plan(c, List.of(c == contract.control ? ContractCases.STRETCHES
                    : c.example.data().path("routineId").asText()), LocalTime.ofInstant(dueAt, zone)));
            setup.awaitKnown(dueSoon);

            Instant sent = setup.send(contract.cases);
            System.out.printf("[contract] %d cases sent %s; reminders due at %s%n", contract.cases.size(), sent, dueAt);
            if (!sent.isBefore(dueAt.minusSeconds(20))) {
                System.out.println("[contract] WARNING: the events went out less than 20 s before the reminders were due");
            }

            Instant deadline = (dueAt.isAfter(sent) ? dueAt : sent).plus(EFFECT_PATIENCE);
            try {
                Duration left = Duration.between(Instant.now(), deadline);
                await("every row decided").atMost(left.isNegative() ? Duration.ofSeconds(1) : left)
                        .pollInterval(Duration.ofSeconds(2)).until(() -> {
                            seen.nextRound();
                            rows.forEach(row -> row.look(seen));
                            return rows.stream().noneMatch(Row::pending);
                        });
            } catch (ConditionTimeoutException e) {
                // the rows still pending fail below, each with what was seen last
            }
            rows.forEach(Row::giveUp);
        }

        Duration took = Duration.between(began, Instant.now());
        long failed = rows.stream().filter(r -> !r.ok()).count();
        String table = "# Limber system contract\n\nServices from " + root + "; run " + began + ", took "
                + took.toSeconds() + " s (system start " + startUp.toSeconds() + " s); " + rows.size() + " rows, "
                + failed + " failed.\n\n" + ContractTable.render(rows);
        System.out.println(table);
        Files.createDirectories(tableFile.toAbsolutePath().getParent());
        Files.writeString(tableFile, table);
        assertThat(failed).as("rows that failed (table: " + tableFile.toAbsolutePath() + ")\n"
                + ContractTable.failures(rows)).isZero();
    }

    /** What happens before the cases are sent, and the sending itself. */
    private static final class Setup {

        private final LocalStack stack;
        private final Observations seen;
        private final KafkaProducer<String, String> producer;
        private final ZoneId zone;
        private final List<Row> rows;
        private final String clinician;

        Setup(LocalStack stack, Observations seen, KafkaProducer<String, String> producer, ZoneId zone, List<Row> rows) {
            this.stack = stack;
            this.seen = seen;
            this.producer = producer;
            this.zone = zone;
            this.rows = rows;
            this.clinician = stack.tokens().clinician("clinician-contract");
        }

        /** The person's plan through routine-service's API, their preferences, and the records that come first. */
        void prepare(Case c) {
            LocalTime inTwelveHours = LocalTime.now(zone).plusHours(12).truncatedTo(ChronoUnit.MINUTES);
            switch (c.plan) {
                case BOTH_ROUTINES_LATER -> plan(c, List.of(ContractCases.STRETCHES, ContractCases.CORE), inTwelveHours);
                case STRETCHES_LATER -> plan(c, List.of(ContractCases.STRETCHES), inTwelveHours);
                default -> {
                }
            }
            if (c.quietHoursAway) {
                // the person has no plan, so their zone is UTC: quiet hours from three to four hours from now
                LocalTime start = LocalTime.now(ZoneOffset.UTC).plusHours(3).truncatedTo(ChronoUnit.HOURS);
                ObjectNode body = JSON.createObjectNode();
                body.putObject("quietHours").put("start", start.format(HH_MM)).put("end", start.plusHours(1).format(HH_MM));
                body.putArray("mutedKinds");
                expect(c, "PUT /users/{id}/preferences", 200, seen.send(HttpRequest.newBuilder(
                                stack.url(ContractCases.REMINDER).resolve("/users/" + c.userId + "/preferences"))
                        .header("Authorization", "Bearer " + stack.tokens().patient(c.userId))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))));
            }
            for (ObjectNode record : c.before) {
                producer.send(CloudEventForms.record(c.topic(), c.userId, record.toString(),
                        CloudEventForms.Form.STRUCTURED));
            }
        }

        void plan(Case c, List<String> routines, LocalTime at) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode chosen = body.putArray("routines");
            routines.forEach(r -> chosen.addObject().put("routineId", r));
            body.putObject("schedule").set("daysOfWeek", ContractCases.everyDay());
            body.put("localTime", at.format(HH_MM)).put("timeZone", zone.getId())
                    .put("startDate", LocalDate.now(zone).toString());
            expect(c, "PUT /users/{id}/plan", 201, seen.send(HttpRequest.newBuilder(
                            stack.url(ContractCases.ROUTINE).resolve("/users/" + c.userId + "/plan"))
                    .header("Authorization", "Bearer " + clinician).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))));
        }

        /** Until session-service and reminder-service both know each person's plan (or the patience runs out). */
        void awaitKnown(List<Case> cases) {
            producer.flush();
            List<Case> planned = cases.stream().filter(c -> c.plan != Case.Plan.NONE || !c.before.isEmpty()).toList();
            List<Case> unknown = new ArrayList<>(planned);
            try {
                await("plans known to session-service and reminder-service").atMost(SETUP_PATIENCE)
                        .pollInterval(Duration.ofSeconds(1)).until(() -> {
                            seen.nextRound();
                            unknown.removeIf(c -> seen.get(ContractCases.SESSION, "/users/" + c.userId + "/adherence").ok()
                                    && seen.get(ContractCases.REMINDER, "/users/" + c.userId + "/next").ok());
                            return unknown.isEmpty();
                        });
            } catch (ConditionTimeoutException e) {
                for (Case c : unknown) {
                    rows.add(setupRow(c, "plan known to session-service (GET /users/{id}/adherence 200) and reminder-service"
                            + " (GET /users/{id}/next 200) before the case is sent", "session-service: "
                            + seen.get(ContractCases.SESSION, "/users/" + c.userId + "/adherence").brief()
                            + "; reminder-service: " + seen.get(ContractCases.REMINDER, "/users/" + c.userId + "/next").brief()));
                }
            }
        }

        /** Sends every case in its form, all together; returns when the broker and the ingress have them all. */
        Instant send(List<Case> cases) {
            Instant at = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
            for (Case c : cases) {
                c.event = c.make.apply(at);
                if (c.form.isHttp()) {
                    continue;
                }
                producer.send(CloudEventForms.record(c.topic(), c.userId, c.event.toString(), c.form.kafka));
                c.after.forEach(next -> producer.send(CloudEventForms.record(c.topic(), c.userId,
                        next.apply(c.event).toString(), CloudEventForms.Form.STRUCTURED)));
            }
            producer.flush();
            for (Case c : cases) {
                if (c.form.isHttp()) {
                    c.ingress = seen.send(ingress(c));
                }
            }
            return Instant.now();
        }

        private HttpRequest.Builder ingress(Case c) {
            HttpRequest.Builder request = HttpRequest.newBuilder(stack.url(ContractCases.SESSION).resolve("/events"))
                    .header("Authorization", "Bearer " + stack.tokens().patient(c.userId));
            String json = c.event.toString();
            return switch (c.form) {
                case HTTP_STRUCTURED -> request.header("Content-Type", "application/cloudevents+json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
                case HTTP_BATCH -> request.header("Content-Type", "application/cloudevents-batch+json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + json + "]"));
                case HTTP_BINARY -> {
                    CloudEventForms.HttpBinary binary = CloudEventForms.httpBinary(json);
                    binary.headers().forEach(request::header);
                    yield request.POST(HttpRequest.BodyPublishers.ofString(binary.body()));
                }
                default -> throw new IllegalArgumentException(c.form + " is not an HTTP form");
            };
        }

        private void expect(Case c, String what, int status, Answer answer) {
            if (answer.status() != status && !(status == 201 && answer.status() == 200)) {
                rows.add(setupRow(c, "setup: " + what + " answers " + status, answer.brief()));
            }
        }

        private static Row setupRow(Case c, String effect, String seen) {
            Row row = new Row(c.name, c.form.label, "setup", effect, s -> Row.Verdict.failed(seen));
            row.decide(Row.Verdict.failed(seen));
            return row;
        }
    }

    /** A fixed-offset zone whose local time is now between 12:00 and 13:00. */
    static ZoneId middayZone(Instant now) {
        int offset = 12 - now.atZone(ZoneOffset.UTC).getHour();
        // the Etc/GMT zones count the other way round: Etc/GMT-3 is three hours ahead of UTC
        return ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
