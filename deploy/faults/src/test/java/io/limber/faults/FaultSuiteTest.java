package io.limber.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.limber.local.stack.LocalStack;
import io.limber.simulator.ClientEvent;
import io.limber.simulator.Person;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite: the three packaged services, a real Kafka broker and an embedded PostgreSQL (restartable: the
 * machine's own server is never touched), each scenario with a cohort of its own as load. After each fault the
 * {@link Invariants} must hold; the table of faults survived is printed at the end (and written to
 * {@code target/fault-table.txt}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(90);
    private static final Duration LOAD_DONE = Duration.ofMinutes(4);
    private static final FaultTable TABLE = new FaultTable();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static Invariants invariants;

    @BeforeAll
    static void startTheSystem() {
        // the repository root (the packaged services are under it); -Dlimber.root=DIR runs copies of them instead
        Path root = Path.of(System.getProperty("limber.root", "../..")).toAbsolutePath().normalize();
        stack = LocalStack.start(LocalStack.Options.forFaultTests(), root);
        invariants = new Invariants(stack);
    }

    @AfterAll
    static void printTheTableAndStop() throws Exception {
        String table = TABLE.render();
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fault-table.txt"), table);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void sessionServiceKilledInTheMiddleOfABatch() throws Exception {
        underLoad("kill -9 session-service mid-batch, restart", 9101, duringTheFault -> {
            stack.killService("session-service");
            assertThat(invariants.ready("session-service")).as("session-service after kill -9").isFalse();
            assertThat(invariants.ready("routine-service") && invariants.ready("reminder-service"))
                    .as("the other services stay ready").isTrue();
            duringTheFault.run();
            Instant restarted = Instant.now();
            stack.startService("session-service");
            return new Outcome("", invariants.awaitAllReady(restarted));
        });
    }

    @Test
    @Order(2)
    void kafkaBrokerStoppedAndRestarted() throws Exception {
        underLoad("Kafka broker stopped, restarted (same port, same log dir)", 9102,
                duringTheFault -> outage(stack::stopKafka, stack::startKafka, duringTheFault));
    }

    @Test
    @Order(3)
    void postgresRestarted() throws Exception {
        underLoad("PostgreSQL restarted (embedded, same data dir)", 9103,
                duringTheFault -> outage(stack::stopPostgres, stack::startPostgres, duringTheFault));
    }

    @Test
    @Order(4)
    void tenPercentDuplicatedFivePercentReordered() throws Exception {
        String fault = "10 % of events duplicated, 5 % reordered (sender side)";
        Instant begin = Instant.now();
        Group group = Group.withPlans(stack, 9104, 7, 14);
        List<ClientEvent> sent = group.history();
        UnreliableDelivery.Delivery delivery = UnreliableDelivery.apply(sent, 0.10, 0.05, 9104);
        Load load = Load.start(group.sender(), delivery.events(), 40);
        scenario(fault, begin, () -> {
            load.awaitAllSent(LOAD_DONE);
            return new Outcome(delivery.duplicated() + " sent twice, " + delivery.reordered() + " swapped, "
                    + afterwards(group, sent), null);
        });
    }

    @Test
    @Order(5)
    void aSecondSessionServiceReplicaJoinsAndLeavesDuringLoad() throws Exception {
        String fault = "2nd session-service replica joins, then leaves the group";
        Instant begin = Instant.now();
        Group group = Group.withPlans(stack, 9105, 7, 28);
        List<ClientEvent> sent = group.history();
        Load load = Load.start(group.sender(), sent, 8);
        scenario(fault, begin, () -> {
            await("some of the load sent").atMost(LOAD_DONE).until(() -> load.sent() >= load.size() / 20);
            Instant joining = Instant.now();
            java.net.URI replica = stack.startReplica("session-service");
            await("the replica ready").atMost(Invariants.PATIENCE).pollInterval(Duration.ofMillis(250))
                    .until(() -> invariants.ready(replica));
            Duration joined = Duration.between(joining, Instant.now());
            int sentAtJoin = load.sent();
            assertThat(load.isRunning()).as("load still flowing when the replica joined").isTrue();
            await("a third of the rest through both replicas").atMost(LOAD_DONE)
                    .until(() -> load.sent() >= sentAtJoin + (load.size() - sentAtJoin) / 3);
            int sentAtLeave = load.sent();
            assertThat(load.isRunning()).as("load still flowing when the replica leaves").isTrue();
            stack.stopReplica("session-service");
            load.awaitAllSent(LOAD_DONE);
            return new Outcome("joined at event " + sentAtJoin + ", left at " + sentAtLeave + " of " + load.size()
                    + ", " + afterwards(group, sent), joined);
        });
    }

    @Test
    @Order(6)
    void reminderServiceKilledWhileABurstOfRemindersIsDue() throws Exception {
        String fault = "kill -9 reminder-service as a burst of reminders is due, restart";
        Instant begin = Instant.now();
        PainStops pain = painStopsOfPeopleWithPlans(9126);
        // Reminders fall due on the plan's local time (minutes): the next minute at least 50 s away.
        Instant due = Instant.now().plusSeconds(50).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        List<Person> burst = new io.limber.simulator.Cohort(9116, 20).people();
        for (Person person : burst) {
            planDueAt(person, due);
        }
        Group group = Group.withPlans(stack, 9106, 7, 7);
        List<ClientEvent> sent = group.history();
        Map<String, String> reminderIds = burst.stream().collect(Collectors.toMap(Person::userId,
                p -> p.userId() + ":reminder:lower-back-stretches:" + LocalDate.ofInstant(due, p.zone())));
        scenario(fault, begin, () -> {
            await("every burst reminder planned").atMost(Invariants.PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        for (Person person : burst) {
                            assertThat(Instant.parse(invariants.get("reminder-service",
                                    "/users/" + person.userId() + "/next").path("dueAt").asText()))
                                    .as("next reminder").isEqualTo(due);
                        }
                    });
            await("the burst comes due").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Instant.now().isAfter(due.minusSeconds(8)));
            Load load = Load.start(group.sender(), sent, 25);
            await("the burst is due").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Instant.now().isAfter(due.plusMillis(300)));
            int publishedBeforeKill = invariants.nudgesOnTopic(reminderIds.values()).size();
            stack.killService("reminder-service");
            assertThat(invariants.ready("routine-service") && invariants.ready("session-service"))
                    .as("the other services stay ready").isTrue();
            pain.sendInBackground(stack.kafkaBootstrapServers());
            Instant restarted = Instant.now();
            stack.startService("reminder-service");
            Duration recovery = invariants.awaitAllReady(restarted);
            load.awaitAllSent(LOAD_DONE);
            await("every burst reminder published").atMost(Invariants.PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(invariants.nudgesOnTopic(reminderIds.values()))
                            .containsOnlyKeys(reminderIds.values()));
            assertThat(invariants.nudgesOnTopic(reminderIds.values()).values()).as("each burst reminder published")
                    .containsOnly(1L);
            pain.awaitSent(LOAD_DONE);
            String checked = burst.size() + " reminders due (" + publishedBeforeKill + " out before the kill), each"
                    + " once, " + afterwards(group, sent);
            return new Outcome(checked + ", " + invariants.binaryPainStopsAnsweredOnce(pain), recovery);
        });
    }

    /** What a scenario reports: what was checked, and how long the system took to be ready again. */
    private record Outcome(String checked, Duration recovery) {
    }

    private interface Scenario {
        Outcome run() throws Exception;
    }

    /** A fault striking: it runs {@code duringTheFault} once the fault is in effect, before anything is restarted. */
    private interface Strike {
        Outcome run(Runnable duringTheFault) throws Exception;
    }

    private static void scenario(String fault, Instant begin, Scenario scenario) throws Exception {
        try {
            Outcome outcome = scenario.run();
            TABLE.survived(fault, outcome.checked(), outcome.recovery(), Duration.between(begin, Instant.now()));
        } catch (Exception | AssertionError e) {
            TABLE.failed(fault, e, Duration.between(begin, Instant.now()));
            throw e;
        }
    }

    /**
     * A cohort of 7 with 14 days of history as load at 25 events/s; once a third of it is sent, the fault strikes
     * (and returns what it saw and how long recovery took). While the fault is in effect two more people with plans
     * send a sharp and a red-flag pain-stop in CloudEvents binary mode. Then the rest of the load, then the
     * invariants, the binary pain-stops' answers among them.
     */
    private static void underLoad(String fault, long seed, Strike strike) throws Exception {
        Instant begin = Instant.now();
        Group group = Group.withPlans(stack, seed, 7, 14);
        PainStops pain = painStopsOfPeopleWithPlans(seed + 20);
        List<ClientEvent> sent = group.history();
        Load load = Load.start(group.sender(), sent, 25);
        scenario(fault, begin, () -> {
            await("a third of the load sent").atMost(LOAD_DONE).until(() -> load.sent() >= load.size() / 3);
            Outcome during = strike.run(() -> pain.sendInBackground(stack.kafkaBootstrapServers()));
            load.awaitAllSent(LOAD_DONE);
            pain.awaitSent(LOAD_DONE);
            String checked = during.checked() + afterwards(group, sent) + ", "
                    + invariants.binaryPainStopsAnsweredOnce(pain);
            return new Outcome(checked + ", " + (load.retried() + pain.retried()) + " sends retried",
                    during.recovery());
        });
    }

    /**
     * Two people of a cohort of their own ({@code seed}), each with a daily plan that reminder-service knows, and the
     * binary-mode pain-stops they will send.
     */
    private static PainStops painStopsOfPeopleWithPlans(long seed) throws Exception {
        PainStops pain = PainStops.forNewPeople(seed);
        for (Person person : pain.people()) {
            plan(person, person.eveningTime(), LocalDate.now(person.zone()));
        }
        invariants.awaitPlansKnownToReminderService(pain.people());
        return pain;
    }

    /**
     * A dependency down until every service says it is not ready, then back; {@code duringTheFault} runs while it is
     * down. Returns the time to all ready.
     */
    private static Outcome outage(Runnable stop, Runnable start, Runnable duringTheFault) {
        stop.run();
        invariants.awaitNotReady(Invariants.SERVICES, OUTAGE_NOTICED);
        duringTheFault.run();
        Instant back = Instant.now();
        start.run();
        return new Outcome("readiness DOWN in all 3 during the outage, ", invariants.awaitAllReady(back));
    }

    /** The invariants every fault must leave intact; returns what was checked, for the table. */
    private static String afterwards(Group group, List<ClientEvent> sent) throws Exception {
        invariants.awaitAllReady(Instant.now());
        invariants.adherenceIsExactlyWhatWasSent(group, sent);
        int events = invariants.everyEventProcessedOnce(group, sent);
        int nudges = invariants.everyNudgeIdOnce();
        Person erased = group.people().get(0);
        Duration erasure = invariants.erasureReachesEveryService(erased);
        invariants.stillThere(group.people().get(1));
        return group.people().size() + " adherences exact, " + events + " events processed once, none in DLQ, "
                + nudges + " nudge ids once, all ready, erasure in " + FaultTable.seconds(erasure);
    }

    /** A daily plan whose reminder falls due at {@code due} (a whole minute), from that local date. */
    private static void planDueAt(Person person, Instant due) throws Exception {
        plan(person, java.time.LocalTime.ofInstant(due, person.zone()), LocalDate.ofInstant(due, person.zone()));
    }

    /** A daily plan of the stretches at {@code localTime} in the person's zone, from {@code startDate}. */
    private static void plan(Person person, java.time.LocalTime localTime, LocalDate startDate) throws Exception {
        String body = """
                {"routines":[{"routineId":"lower-back-stretches"}],
                 "schedule":{"daysOfWeek":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"]},
                 "localTime":"%s","timeZone":"%s","startDate":"%s","quietHours":{"start":"22:00","end":"07:00"}}
                """.formatted(localTime, person.zone().getId(), startDate);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                stack.url("routine-service").resolve("/users/" + person.userId() + "/plan"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + stack.tokens().clinician("fault-suite-clinician"))
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("plan of " + person.persona() + ": " + response.body())
                .isBetween(200, 299);
    }
}
