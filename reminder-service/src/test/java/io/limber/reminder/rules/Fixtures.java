package io.limber.reminder.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** People and plans the rule tests share. */
final class Fixtures {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private Fixtures() {
    }

    static Plan dailyPlan(String userId, LocalTime at, ZoneId zone, LocalDate start) {
        return new Plan(userId, 1, "active", zone, at, EnumSet.allOf(DayOfWeek.class), start, null,
                QuietHours.DEFAULT, List.of(new Plan.Routine("lower-back-stretches", false)));
    }

    static PersonState person(String userId) {
        return new PersonState(userId, AMSTERDAM, QuietHours.DEFAULT, Set.of(), null, null, null, List.of());
    }
}
