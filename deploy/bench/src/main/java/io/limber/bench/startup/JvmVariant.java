package io.limber.bench.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One way of starting a service's JVM: which JDK, which options, and whether it needs a training run first (the
 * run that writes an AppCDS archive or an AOT cache, started and stopped like a real one).
 *
 * @param name         as printed, e.g. {@code JDK 25 + AOT cache}
 * @param jdk          the JDK's home
 * @param options      JVM options of the measured run; {@code {cache}} stands for the file the training run wrote
 * @param training     JVM options of the training run (same placeholder), or empty when there is none
 * @param trainingLoad whether the training run also serves {@link StartupBenchmark#LOAD_REQUESTS} readiness
 *                     checks before it stops; without, it stops at its first ready answer, as the images' does
 */
record JvmVariant(String name, Path jdk, List<String> options, List<String> training, boolean trainingLoad) {

    /** The images' JVM options, one per line, shared with the Dockerfiles (deploy/kubernetes/check compares them). */
    static final String IMAGE_OPTIONS = "deploy/images/jvm-options";

    /** Smaller heap and stacks, the serial collector, C1 only. */
    static final List<String> HEAP_AND_GC = List.of("-Xmx128m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    /**
     * With a metaspace cap too. Not with the AOT cache: the cache is mapped into the class space the cap limits, and
     * writing it fails ("Unable to allocate from 'ro' region").
     */
    static final List<String> HEAP = concat(HEAP_AND_GC, List.of("-XX:MaxMetaspaceSize=128m"));

    static List<JvmVariant> all(Path root, Path defaultJdk, Path jdk25) {
        List<JvmVariant> variants = new ArrayList<>();
        variants.add(new JvmVariant("plain java -jar, JDK " + feature(defaultJdk), defaultJdk, List.of(), List.of(),
                false));
        variants.add(new JvmVariant("heap settings, JDK " + feature(defaultJdk), defaultJdk, HEAP, List.of(), false));
        if (jdk25 != null) {
            // Also tried, not kept in the suite (slower and larger here): JDK 25 without a cache, and a dynamic AppCDS
            // archive (-XX:ArchiveClassesAtExit / -XX:SharedArchiveFile): on 2 busy cores AppCDS started 43 % slower
            // with 21 % more RSS, JDK 25 alone was within 4 % of JDK 17.
            variants.add(new JvmVariant("AOT cache, JDK 25", jdk25, List.of("-XX:AOTCache={cache}"),
                    List.of("-XX:AOTCacheOutput={cache}"), true));
            variants.add(image(root, jdk25));
        }
        return variants;
    }

    /**
     * The service images' command line: {@code java -XX:AOTCache=... $JVM_OPTIONS -jar quarkus-run.jar} with the
     * options of {@value #IMAGE_OPTIONS}, the cache trained as the Dockerfiles train it (start, first ready answer,
     * stop) with the same options. It replaced "AOT cache + heap settings" (2026-11-24: the same heap, stack, GC and
     * JIT options, a training run under load).
     */
    static JvmVariant image(Path root, Path jdk25) {
        List<String> options = imageOptions(root.resolve(IMAGE_OPTIONS));
        return new JvmVariant("image command line (" + IMAGE_OPTIONS + "), JDK 25", jdk25,
                concat(List.of("-XX:AOTCache={cache}"), options), concat(List.of("-XX:AOTCacheOutput={cache}"), options),
                false);
    }

    /** The options of the file: every line that is neither blank nor a {@code #} comment. */
    static List<String> imageOptions(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the images' JVM options " + file, e);
        }
    }

    Path java() {
        return jdk.resolve("bin/java");
    }

    /** The options of the measured run; {@code cache} is null for a variant without a training run. */
    List<String> measured(Path cache) {
        return options.stream().map(o -> cache == null ? o : o.replace("{cache}", cache.toString())).toList();
    }

    List<String> trainingRun(Path cache) {
        return training.stream().map(o -> o.replace("{cache}", cache.toString())).toList();
    }

    static String feature(Path jdk) {
        String home = jdk.toString();
        return home.contains("25") ? "25" : home.contains("21") ? "21" : "17";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
