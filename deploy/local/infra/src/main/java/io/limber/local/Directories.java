package io.limber.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories of the broker and the embedded PostgreSQL: removed, contents first, when they stop. */
public final class Directories {

    private Directories() {
    }

    /** Deletes the directory and everything in it; a leftover temporary file is harmless, so failures are ignored. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // as above
        }
    }
}
