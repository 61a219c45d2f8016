package io.limber.routine.catalogue;

import io.limber.routine.validation.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a routine must meet before it enters the catalogue: at least one exercise, exercise ids unique within
 * the routine, every hold 5–600 s, sets and reps within sensible bounds, words attributed to the source or Limber.
 */
public final class RoutineValidator {

    public static final int MIN_HOLD_SECONDS = 5;
    public static final int MAX_HOLD_SECONDS = 600;
    public static final int MAX_REST_SECONDS = 600;
    public static final int MAX_SETS = 10;
    public static final int MAX_REPS = 100;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_ID_LENGTH = 64;
    /** Bounds on text and lists: every read of the catalogue loads every version, so one huge routine slows all. */
    public static final int MAX_SHORT_TEXT = 200;
    public static final int MAX_TEXT = 2_000;
    public static final int MAX_EXERCISES = 30;
    public static final int MAX_LIST_ITEMS = 20;

    public List<Violation> check(RoutineDefinition routine) {
        List<Violation> violations = new ArrayList<>();
        if (routine == null) {
            violations.add(new Violation("body", "a routine is required"));
            return violations;
        }
        checkId("routineId", routine.routineId(), violations);
        if (isBlank(routine.title())) {
            violations.add(new Violation("title", "is required"));
        }
        if (isBlank(routine.caution())) {
            violations.add(new Violation("caution", "is required: say when to stop"));
        }
        checkLength("title", routine.title(), MAX_SHORT_TEXT, violations);
        checkLength("caution", routine.caution(), MAX_TEXT, violations);
        checkLength("purpose", routine.purpose(), MAX_TEXT, violations);
        checkLength("timeOfDayHint", routine.timeOfDayHint(), MAX_TEXT, violations);
        checkTexts("timeOfDay", routine.timeOfDay(), MAX_SHORT_TEXT, violations);
        if (routine.exercises() != null && routine.exercises().size() > MAX_EXERCISES) {
            violations.add(new Violation("exercises", "at most " + MAX_EXERCISES + " exercises"));
            return violations;
        }
        if (routine.exercises() == null || routine.exercises().isEmpty()) {
            violations.add(new Violation("exercises", "at least one exercise is required"));
            return violations;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < routine.exercises().size(); i++) {
            String field = "exercises[" + i + "]";
            Exercise exercise = routine.exercises().get(i);
            if (exercise == null) {
                violations.add(new Violation(field, "must not be null"));
                continue;
            }
            if (checkId(field + ".exerciseId", exercise.exerciseId(), violations) && !ids.add(exercise.exerciseId())) {
                violations.add(new Violation(field + ".exerciseId",
                        "duplicate exercise id '" + exercise.exerciseId() + "' in this routine"));
            }
            if (isBlank(exercise.name())) {
                violations.add(new Violation(field + ".name", "is required"));
            }
            checkLength(field + ".name", exercise.name(), MAX_SHORT_TEXT, violations);
            checkLength(field + ".easierOption", exercise.easierOption(), MAX_TEXT, violations);
            checkTexts(field + ".cues", exercise.cues(), MAX_TEXT, violations);
            checkWordsSource(field + ".cuesSource", exercise.cuesSource(), violations);
            checkWordsSource(field + ".easierOptionSource", exercise.easierOptionSource(), violations);
            if (exercise.holds() != null && exercise.holds().size() > MAX_LIST_ITEMS) {
                violations.add(new Violation(field + ".holds", "at most " + MAX_LIST_ITEMS + " holds"));
                continue;
            }
            checkWork(field, exercise, violations);
        }
        return violations;
    }

    private static void checkWork(String field, Exercise exercise, List<Violation> violations) {
        boolean hasHolds = exercise.holds() != null && !exercise.holds().isEmpty();
        boolean hasReps = exercise.repetitions() != null;
        if (hasHolds == hasReps) {
            violations.add(new Violation(field, "needs either holds or repetitions (exactly one of them)"));
            return;
        }
        if (hasReps) {
            checkRange(field + ".repetitions.sets", exercise.repetitions().sets(), 1, MAX_SETS, violations);
            checkRange(field + ".repetitions.reps", exercise.repetitions().reps(), 1, MAX_REPS, violations);
            return;
        }
        Set<String> positions = new HashSet<>();
        for (int h = 0; h < exercise.holds().size(); h++) {
            String holdField = field + ".holds[" + h + "]";
            Hold hold = exercise.holds().get(h);
            if (hold == null) {
                violations.add(new Violation(holdField, "must not be null"));
                continue;
            }
            if (isBlank(hold.position())) {
                violations.add(new Violation(holdField + ".position", "is required (side or position, e.g. left, centre, set-1)"));
            } else if (!positions.add(hold.position())) {
                violations.add(new Violation(holdField + ".position", "duplicate position '" + hold.position() + "'"));
            }
            checkRange(holdField + ".seconds", hold.seconds(), MIN_HOLD_SECONDS, MAX_HOLD_SECONDS, violations);
            if (hold.restSecondsAfter() != null) {
                checkRange(holdField + ".restSecondsAfter", hold.restSecondsAfter(), 0, MAX_REST_SECONDS, violations);
            }
        }
    }

    private static void checkWordsSource(String field, String source, List<Violation> violations) {
        if (source != null && !Exercise.FROM_SOURCE.equals(source) && !Exercise.FROM_LIMBER.equals(source)) {
            violations.add(new Violation(field, "must be '" + Exercise.FROM_SOURCE + "' or '" + Exercise.FROM_LIMBER
                    + "', was '" + (source.length() > MAX_ID_LENGTH ? source.substring(0, MAX_ID_LENGTH) + "…" : source) + "'"));
        }
    }

    private static boolean checkId(String field, String id, List<Violation> violations) {
        if (isBlank(id)) {
            violations.add(new Violation(field, "is required"));
            return false;
        }
        if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            violations.add(new Violation(field, "'" + id + "' must be lower-case words joined by '-', at most "
                    + MAX_ID_LENGTH + " characters"));
            return false;
        }
        return true;
    }

    private static void checkRange(String field, Integer value, int min, int max, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
        } else if (value < min || value > max) {
            violations.add(new Violation(field, "must be between " + min + " and " + max + ", was " + value));
        }
    }

    private static void checkLength(String field, String value, int max, List<Violation> violations) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "at most " + max + " characters, was " + value.length()));
        }
    }

    private static void checkTexts(String field, List<String> values, int max, List<Violation> violations) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_LIST_ITEMS) {
            violations.add(new Violation(field, "at most " + MAX_LIST_ITEMS + " items"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                violations.add(new Violation(field + "[" + i + "]", "must not be null"));
            } else {
                checkLength(field + "[" + i + "]", values.get(i), max, violations);
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
