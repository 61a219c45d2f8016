package io.limber.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A service's JDK 25 AOT cache for the local stack, as the images have one (deploy/images): on JDK 25 or newer, a start
 * uses {@code <service>/target/app-jdk<version>.aot} when it is newer than every file of the packaged application;
 * otherwise that run is the training run, and the JVM writes the cache as it exits (when the stack stops), for the
 * next start. A cache is only kept from a run that became ready, so a start that failed never leaves a thin one.
 */
final class AotCache {

    /** The JVM's own warnings about classes it leaves out of a cache (hundreds of lines) stay out of the log. */
    private static final String QUIET = "-Xlog:aot=error";

    private final Path cache;
    private final Path application;
    private final int feature;
    private volatile Path training;

    private AotCache(Path cache, Path application, int feature) {
        this.cache = cache;
        this.application = application;
        this.feature = feature;
    }

    /** The cache of the service packaged at {@code jar} (its quarkus-run.jar), or empty before JDK 25. */
    static Optional<AotCache> of(Path jar) {
        return of(jar, Runtime.version());
    }

    /** As {@link #of(Path)}, for the JVM of that version (the services run on the stack's own). */
    static Optional<AotCache> of(Path jar, Runtime.Version jdk) {
        if (jdk.feature() < 25) {
            return Optional.empty();
        }
        Path application = jar.toAbsolutePath().getParent();
        String version = jdk.toString().replaceAll("[^\\w.+-]", "_");
        return Optional.of(new AotCache(application.getParent().resolve("app-jdk" + version + ".aot"), application,
                jdk.feature()));
    }

    /** Where the cache is kept: {@code <service>/target/app-jdk<version>.aot}. */
    Path file() {
        return cache;
    }

    /** The JVM options of the next start: use the cache, or train one. */
    List<String> options() {
        if (usable()) {
            training = null;
            return List.of("-XX:AOTCache=" + cache);
        }
        dropTraining(); // of an earlier run of this process that exited by itself
        training = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".training");
        return List.of("-XX:AOTCacheOutput=" + training, QUIET);
    }

    /** Whether the last {@link #options()} trains a cache (its process must be given the time to write it). */
    boolean training() {
        return training != null;
    }

    /** What the last {@link #options()} means, for the stack's output. */
    String describe() {
        return training()
                ? "training a JDK " + feature + " AOT cache in this run: written to " + display(cache)
                        + " when the stack stops, used from the next start on"
                : "using the AOT cache " + display(cache) + " (JDK " + feature + ")";
    }

    /**
     * After the process of a training run exited: keeps what it wrote as the cache when that run became ready, drops it
     * otherwise. Replaced atomically, so a second stack starting meanwhile sees the old cache or the new one.
     */
    void exited(boolean becameReady) {
        Path written = training;
        if (written == null) {
            return;
        }
        try {
            if (becameReady && Files.isRegularFile(written) && Files.size(written) > 0) {
                Files.move(written, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                training = null;
                System.out.println("[limber] AOT cache written: " + display(cache));
            } else {
                dropTraining();
            }
        } catch (IOException e) {
            System.err.println("[limber] could not keep the AOT cache " + written + ": " + e.getMessage());
        }
    }

    private void dropTraining() {
        Path written = training;
        training = null;
        if (written != null) {
            try {
                Files.deleteIfExists(written);
            } catch (IOException e) {
                System.err.println("[limber] could not delete " + written + ": " + e.getMessage());
            }
        }
    }

    /** The cache exists and is newer than every file of the application (a rebuild makes it stale). */
    private boolean usable() {
        try {
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                return false;
            }
            FileTime made = Files.getLastModifiedTime(cache);
            try (Stream<Path> files = Files.walk(application)) {
                return files.filter(Files::isRegularFile).noneMatch(f -> modified(f).compareTo(made) >= 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + application, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String display(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
    }
}
