package io.limber.simulator;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/** One simulated person: a stable id from the seed, a persona, a time zone and an evening time. */
public record Person(int index, String userId, Persona persona, ZoneId zone, LocalTime eveningTime) {

    private static final ZoneId[] ZONES = {
        ZoneId.of("Europe/Amsterdam"), ZoneId.of("America/New_York"), ZoneId.of("Europe/London"),
        ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata")};

    /** The person at {@code index} of a cohort made from {@code seed}: the same seed gives the same people. */
    public static Person of(long seed, int index) {
        Persona persona = Persona.values()[index % Persona.values().length];
        String userId = UUID.nameUUIDFromBytes(("limber-sim-" + seed + "-" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
        ZoneId zone = ZONES[(index / Persona.values().length) % ZONES.length];
        LocalTime evening = LocalTime.of(19, 0).plusMinutes(15L * (index % 12));
        return new Person(index, userId, persona, zone, evening);
    }
}
