package io.limber.bench;

import java.nio.file.Path;

/**
 * What every benchmark gets: the repository root (for the packaged jars), a working directory for logs and
 * data, and whether this is a quick run (smaller sizes, for trying the command out).
 */
public record BenchContext(Path root, Path workDir, boolean quick) {

    public void say(String message) {
        System.out.println("[bench] " + message);
    }
}
