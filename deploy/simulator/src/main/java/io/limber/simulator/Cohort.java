package io.limber.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** A seeded cohort of people and the event history their apps send. */
public final class Cohort {

    /** Days at the end of the history an offline phone holds back and then sends at once. */
    static final int OFFLINE_DAYS = 3;

    private final long seed;
    private final List<Person> people;

    public Cohort(long seed, int size) {
        this.seed = seed;
        this.people = IntStream.range(0, size).mapToObj(i -> Person.of(seed, i)).toList();
    }

    public List<Person> people() {
        return people;
    }

    /** The first day of a person's plan when the history has {@code days} days up to yesterday. */
    public static LocalDate startDate(Person person, Clock clock, int days) {
        return LocalDate.now(clock.withZone(person.zone())).minusDays(days);
    }

    /** Every event of the {@code days} days before today, sorted by when the app sends it. */
    public List<ClientEvent> history(Clock clock, int days) {
        Instant now = clock.instant();
        List<ClientEvent> all = new ArrayList<>();
        for (Person person : people) {
            Random random = random(person);
            LocalDate first = startDate(person, clock, days);
            for (int dayIndex = 0; dayIndex < days; dayIndex++) {
                LocalDate date = first.plusDays(dayIndex);
                Persona.Outcome outcome = person.persona().outcome(date, dayIndex, days, random);
                for (ClientEvent event : SessionScript.day(person, date, outcome, random)) {
                    boolean heldBack = person.persona().reporting() == Persona.Reporting.OFFLINE
                            && dayIndex >= days - OFFLINE_DAYS;
                    all.add(heldBack ? event.sentAt(now) : event);
                }
            }
        }
        all.sort(null);
        return all;
    }

    /** The events of one live day for a person (today, or a later day while the simulator runs). */
    public List<ClientEvent> liveDay(Person person, LocalDate date, int dayIndex) {
        Random random = new Random(seed * 31 + person.index() * 1_000_003L + date.toEpochDay());
        Persona.Outcome outcome = person.persona() == Persona.LAPSING
                ? Persona.Outcome.SKIPPED
                : person.persona().outcome(date, dayIndex, Integer.MAX_VALUE, random);
        List<ClientEvent> events = new ArrayList<>(SessionScript.day(person, date, outcome, random));
        events.sort(null);
        return events;
    }

    private Random random(Person person) {
        return new Random(seed * 1_000_003L + person.index());
    }
}
