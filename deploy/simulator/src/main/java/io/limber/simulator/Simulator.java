package io.limber.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The client simulator: creates every person's plan, backfills their history, then goes live, sending each
 * person's evening session when its time comes. Seeded: the same options give the same people and events.
 */
public final class Simulator {

    private final Options options;
    private final Clock clock;
    private final Cohort cohort;
    private final Credentials credentials;

    public Simulator(Options options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.cohort = new Cohort(options.seed(), options.people());
        this.credentials = Credentials.fromKeys(options.jwtKeys());
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        new Simulator(options, Clock.systemUTC()).run();
    }

    public Cohort cohort() {
        return cohort;
    }

    /** The tokens the simulated apps and clinician use. */
    public Credentials credentials() {
        return credentials;
    }

    /** A sender to the options' Kafka and HTTP ingress, with the simulated apps' tokens. */
    public EventSender sender() {
        return new EventSender(options.kafka(), options.sessionService(), credentials);
    }

    public void run() throws InterruptedException {
        createPlans();
        try (EventSender sender = sender()) {
            backfill(sender);
            if (options.live()) {
                live(sender);
            }
        }
    }

    public void createPlans() {
        PlanClient plans = new PlanClient(options.routineService(), credentials);
        for (Person person : cohort.people()) {
            plans.createDailyStretches(person, Cohort.startDate(person, clock, options.days()));
        }
        say(cohort.people().size() + " plans created (seed " + options.seed() + ")");
        awaitPlansKnownToSessionService();
    }

    /**
     * Like an app that starts reporting only once onboarding is done: session-service dead-letters the events of a
     * person whose plan it has not received yet, so wait until it has every plan.
     */
    private void awaitPlansKnownToSessionService() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        for (Person person : cohort.people()) {
            URI adherence = options.sessionService().resolve("/users/" + person.userId() + "/adherence");
            while (true) {
                try {
                    int status = http.send(java.net.http.HttpRequest.newBuilder(adherence)
                                    .header("Authorization", credentials.clinician()).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        break;
                    }
                } catch (java.io.IOException e) {
                    // not up yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("session-service did not receive the plan of person " + person.index());
                }
                pause(200);
            }
        }
        say("session-service has every plan");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the whole history now, in the order the apps would have sent it; returns what was sent. */
    public List<ClientEvent> backfill(EventSender sender) throws InterruptedException {
        List<ClientEvent> history = cohort.history(clock, options.days());
        Instant begin = Instant.now();
        List<ClientEvent> sent = new ArrayList<>();
        for (ClientEvent event : history) {
            if (event.sendAt().isAfter(clock.instant())) {
                continue; // a late report not due yet: the live loop has it
            }
            sender.send(event);
            sent.add(event);
            throttle(sent.size(), begin);
        }
        sender.flush();
        say(sent.size() + " events of " + options.days() + " days of history sent ("
                + sender.sentToKafka() + " to Kafka, " + sender.sentOverHttp() + " through the HTTP ingress)");
        return sent;
    }

    private void live(EventSender sender) throws InterruptedException {
        say("live: each person's evening session is sent when it happens; Ctrl-C stops");
        PriorityQueue<ClientEvent> due = new PriorityQueue<>();
        cohort.history(clock, options.days()).stream().filter(e -> e.sendAt().isAfter(clock.instant())).forEach(due::add);
        Map<String, LocalDate> scheduledUpTo = new HashMap<>();
        while (true) {
            for (Person person : cohort.people()) {
                LocalDate today = LocalDate.now(clock.withZone(person.zone()));
                LocalDate last = scheduledUpTo.getOrDefault(person.userId(), today.minusDays(1));
                if (last.isBefore(today)) {
                    int dayIndex = options.days() + (int) (today.toEpochDay() - Cohort.startDate(person, clock, options.days())
                            .plusDays(options.days()).toEpochDay());
                    due.addAll(cohort.liveDay(person, today, dayIndex));
                    scheduledUpTo.put(person.userId(), today);
                }
            }
            List<ClientEvent> now = new ArrayList<>();
            while (!due.isEmpty() && !due.peek().sendAt().isAfter(clock.instant())) {
                now.add(due.poll());
            }
            now.forEach(sender::send);
            if (!now.isEmpty()) {
                sender.flush();
                say(now.size() + " live event(s) sent");
            }
            Thread.sleep(1_000);
        }
    }

    private void throttle(int sent, Instant begin) throws InterruptedException {
        if (options.rate() <= 0) {
            return;
        }
        long aheadMillis = sent * 1000L / options.rate() - Duration.between(begin, Instant.now()).toMillis();
        if (aheadMillis > 0) {
            Thread.sleep(aheadMillis);
        }
    }

    private static void say(String message) {
        System.out.println("[simulator] " + message);
    }

    /** Command-line options. */
    public record Options(int people, int days, long seed, int rate, boolean live, String kafka,
                          URI routineService, URI sessionService, java.nio.file.Path jwtKeys) {

        public static Options parse(String[] args) {
            int people = 14;
            int days = 28;
            long seed = 42;
            int rate = 0;
            boolean live = true;
            String kafka = "127.0.0.1:9092";
            URI routine = URI.create("http://127.0.0.1:8081");
            URI session = URI.create("http://127.0.0.1:8082");
            java.nio.file.Path jwtKeys = java.nio.file.Path.of(".local-stack/keys");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--people" -> people = Integer.parseInt(args[++i]);
                    case "--days" -> days = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--rate" -> rate = Integer.parseInt(args[++i]);
                    case "--no-live" -> live = false;
                    case "--kafka" -> kafka = args[++i];
                    case "--routine-service" -> routine = URI.create(args[++i]);
                    case "--session-service" -> session = URI.create(args[++i]);
                    case "--jwt-keys" -> jwtKeys = java.nio.file.Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --people N, "
                            + "--days N, --seed N, --rate EVENTS_PER_S, --no-live, --kafka HOST:PORT, "
                            + "--routine-service URL, --session-service URL, --jwt-keys DIR)");
                }
            }
            return new Options(people, days, seed, rate, live, kafka, routine, session, jwtKeys);
        }
    }
}
