package io.limber.faults;

import io.limber.local.stack.LocalStack;
import io.limber.simulator.ClientEvent;
import io.limber.simulator.Cohort;
import io.limber.simulator.EventSender;
import io.limber.simulator.ExpectedAdherence;
import io.limber.simulator.Person;
import io.limber.simulator.Simulator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The simulated people one fault scenario drives: a seeded cohort of its own (so scenarios sharing one system never
 * share a person), their plans created through routine-service, and the history their apps send.
 */
final class Group {

    private static final Clock CLOCK = Clock.systemUTC();

    private final Simulator simulator;
    private final int days;

    private Group(Simulator simulator, int days) {
        this.simulator = simulator;
        this.days = days;
    }

    /** A cohort of {@code people} (one per persona, round robin) with plans; returns once session-service has them. */
    static Group withPlans(LocalStack stack, long seed, int people, int days) {
        Simulator simulator = new Simulator(Simulator.Options.parse(new String[] {
            "--people", Integer.toString(people), "--days", Integer.toString(days), "--seed", Long.toString(seed),
            "--no-live", "--kafka", stack.kafkaBootstrapServers(),
            "--routine-service", stack.url("routine-service").toString(),
            "--session-service", stack.url("session-service").toString(),
            "--jwt-keys", stack.keyDirectory().toString()}), CLOCK);
        simulator.createPlans();
        return new Group(simulator, days);
    }

    List<Person> people() {
        return simulator.cohort().people();
    }

    /** Every event of the history that is due to be sent now (late reports not due yet are left out). */
    List<ClientEvent> history() {
        return simulator.cohort().history(CLOCK, days).stream()
                .filter(event -> !event.sendAt().isAfter(CLOCK.instant()))
                .toList();
    }

    /** A new sender with the apps' tokens; {@link Load} closes it. */
    EventSender sender() {
        return simulator.sender();
    }

    /** What the person's adherence must be, given the events that were sent. */
    ExpectedAdherence expected(Person person, List<ClientEvent> sent) {
        return new ExpectedAdherence(sent.stream().filter(e -> e.userId().equals(person.userId())).toList(),
                person.zone(), Cohort.startDate(person, CLOCK, days), LocalDate.now(CLOCK.withZone(person.zone())));
    }
}
