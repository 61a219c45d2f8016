package io.limber.routine.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The words are the programme's: every instruction the source article gives for an exercise is in the built-in
 * catalogue (the key phrases are a fixture written from the article), and whatever the article does not give is
 * marked as Limber's own.
 */
class SourceInstructionsTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Exercise> exercises = BuiltInRoutines.load(mapper).stream()
            .flatMap(routine -> routine.exercises().stream()).toList();

    private Map<String, List<String>> keyPhrases() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("catalogue/source-key-phrases.json")) {
            JsonNode fixture = mapper.readTree(in);
            return mapper.convertValue(fixture.get("exercises"), new TypeReference<>() { });
        }
    }

    /** What the catalogue says in the source's name: the cues, and the easier option when the source gives it. */
    private static String sourceWords(Exercise exercise) {
        Stream<String> easier = Exercise.FROM_SOURCE.equals(exercise.easierOptionSource())
                ? Stream.of(exercise.easierOption()) : Stream.empty();
        return normalised(String.join(" ", Stream.concat(exercise.cues().stream(), easier).toList()));
    }

    // Curly and straight apostrophes, case: the phrase matters, not the typography.
    private static String normalised(String text) {
        return text.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }

    @Test
    void everyBuiltInExerciseHasAnEntryInTheFixtureAndEveryEntryIsABuiltInExercise() throws IOException {
        assertThat(keyPhrases().keySet()).containsExactlyInAnyOrderElementsOf(
                exercises.stream().map(Exercise::exerciseId).toList());
    }

    @Test
    void everyExercisesInstructionsCarryEveryKeyPhraseOfTheSource() throws IOException {
        Map<String, List<String>> phrases = keyPhrases();
        List<String> missing = new ArrayList<>();
        for (Exercise exercise : exercises) {
            String words = sourceWords(exercise);
            for (String phrase : phrases.get(exercise.exerciseId())) {
                if (!words.contains(normalised(phrase))) {
                    missing.add(exercise.exerciseId() + ": '" + phrase + "'");
                }
            }
        }
        assertThat(missing).as("source instructions missing from the catalogue").isEmpty();
    }

    @Test
    void thePlankAndTheCrossoverSayWhatTheSourceSays() {
        Exercise plank = exercise("plank");
        assertThat(String.join(" ", plank.cues())).contains("all fours").contains("under your shoulders")
                .contains("fists and forearms make a triangle").contains("hips in line with your shoulders");
        assertThat(plank.easierOption()).isEqualTo(
                "If it's too hard, drop to your knees but keep the support in your upper body.");
        assertThat(plank.easierOptionSource()).isEqualTo(Exercise.FROM_SOURCE);
        assertThat(String.join(" ", exercise("crossover").cues())).contains("Turn your head to the right")
                .contains("keep your arms straight").contains("back of your right leg and in your glutes");
    }

    @Test
    void everyExerciseSaysWhoseWordsItsEasierOptionIsAndOnlyTheSourcesOwnAreAttributedToIt() {
        assertThat(exercises).allSatisfy(e -> assertThat(e.easierOptionSource()).isIn(Exercise.FROM_SOURCE, Exercise.FROM_LIMBER));
        assertThat(exercises.stream().filter(e -> Exercise.FROM_SOURCE.equals(e.easierOptionSource()))
                .map(Exercise::exerciseId)).containsExactly("knees-to-chest", "childs-pose", "plank");
        assertThat(exercises.stream().filter(e -> Exercise.FROM_LIMBER.equals(e.easierOptionSource()))
                .map(Exercise::exerciseId)).containsExactly("forward-fold", "crossover", "doorway-hamstring", "bridge", "leg-lift");
    }

    @Test
    void theExercisesTheSourceOnlyNamesHaveTheirCuesMarkedAsLimbersOwn() {
        assertThat(exercises.stream().filter(e -> Exercise.FROM_LIMBER.equals(e.cuesSource())).map(Exercise::exerciseId))
                .containsExactly("bridge", "leg-lift");
        assertThat(exercises.stream().filter(e -> Exercise.FROM_SOURCE.equals(e.cuesSource())).map(Exercise::exerciseId))
                .containsExactly("knees-to-chest", "forward-fold", "childs-pose", "crossover", "doorway-hamstring", "plank");
    }

    private Exercise exercise(String id) {
        return exercises.stream().filter(e -> e.exerciseId().equals(id)).findFirst().orElseThrow();
    }
}
