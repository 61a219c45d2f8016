package io.limber.bench.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One way of starting a service's JVM: which JDK, which options, and whether it needs a training run first (the
 * run that writes an AppCDS archive or an AOT cache, started and stopped like a real one).
 *
 * @param name     as printed, e.g. {@code JDK 25 + AOT cache}
 * @param jdk      the JDK's home
 * @param options  JVM options of the measured run; {@code {cache}} stands for the file the training run wrote
 * @param training JVM options of the training run (same placeholder), or empty when there is none
 */
record JvmVariant(String name, Path jdk, List<String> options, List<String> training) {

    /** Smaller heap and stacks, the serial collector, C1 only. */
    static final List<String> HEAP_AND_GC = List.of("-Xmx128m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    /**
     * With a metaspace cap too. Not with the AOT cache: the cache is mapped into the class space the cap limits, and
     * writing it fails ("Unable to allocate from 'ro' region").
     */
    static final List<String> HEAP = concat(HEAP_AND_GC, List.of("-XX:MaxMetaspaceSize=128m"));

    static List<JvmVariant> all(Path defaultJdk, Path jdk25) {
        List<JvmVariant> variants = new ArrayList<>();
        variants.add(new JvmVariant("plain java -jar, JDK " + feature(defaultJdk), defaultJdk, List.of(), List.of()));
        variants.add(new JvmVariant("heap settings, JDK " + feature(defaultJdk), defaultJdk, HEAP, List.of()));
        if (jdk25 != null) {
            // Also tried, not kept in the suite (slower and larger here): JDK 25 without a cache, and a dynamic AppCDS
            // archive (-XX:ArchiveClassesAtExit / -XX:SharedArchiveFile): on 2 busy cores AppCDS started 43 % slower
            // with 21 % more RSS, JDK 25 alone was within 4 % of JDK 17.
            variants.add(new JvmVariant("AOT cache, JDK 25", jdk25, List.of("-XX:AOTCache={cache}"),
                    List.of("-XX:AOTCacheOutput={cache}")));
            variants.add(new JvmVariant("AOT cache + heap settings, JDK 25", jdk25,
                    concat(List.of("-XX:AOTCache={cache}"), HEAP_AND_GC),
                    concat(List.of("-XX:AOTCacheOutput={cache}"), HEAP_AND_GC)));
        }
        return variants;
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
