package io.limber.reminder.rules;

/**
 * The words of every nudge. Short and kind, and no further than the programme's own advice: stop if pain is
 * sharp, do not push through it, contact a doctor, and seek emergency care for the red flags.
 */
public final class NudgeTexts {

    private NudgeTexts() {
    }

    public record Text(String title, String body) {
    }

    public static Text reminder(String routineId) {
        if ("core-strength".equals(routineId)) {
            return new Text("Time for your core routine",
                    "Plank three times for a minute with 15 seconds' rest (on your knees if that's easier), "
                            + "then your bridges and leg lifts.");
        }
        return new Text("Time for your stretches",
                "Five stretches, a minute each: knees to chest, forward fold, child's pose, crossovers and the "
                        + "doorway hamstring.");
    }

    public static Text followUp(String routineId) {
        String what = "core-strength".equals(routineId) ? "your core routine" : "your stretches";
        return new Text("Still time today",
                "There is still time for " + what + " today. Stop if pain is sharp and unlike normal stretching.");
    }

    public static Text safety() {
        return new Text("Stop for today",
                "You stopped because of pain. Do not push through sharp pain. "
                        + "Rest, and if it does not settle, contact your doctor.");
    }

    public static Text emergency() {
        return new Text("Seek emergency care now",
                "Numbness around the saddle area, new bladder or bowel trouble, or worsening leg weakness needs "
                        + "urgent medical attention. Seek emergency care now and do not continue the exercises.");
    }

    public static Text checkIn() {
        return new Text("Has it settled?",
                "You stopped a session because of pain. How does your back feel now? Let us know whether it has "
                        + "settled.");
    }

    public static Text lapse() {
        return new Text("Pick up where you left off",
                "A few missed days happen. One short session today gets you going again.");
    }

    public static Text milestone(String routineId, int streak) {
        String what = "core-strength".equals(routineId) ? "core routine" : "stretches";
        return new Text(streak + " in a row",
                "You have done your " + what + " " + streak + " times in a row. Well done, keep it going.");
    }

    public static Text progression() {
        return new Text("Ready for the core routine?",
                "Two weeks of steady stretching without pain-stops. The core routine (planks, bridges and leg "
                        + "lifts) helps prevent back pain; ask to add it to your plan.");
    }
}
