package io.limber.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines at WARN or ERROR in the services' logs of one start and stop ({@code deploy/local/run --smoke}): a clean
 * start and stop has none, so a newcomer's first run shows nothing alarming and a new warning is seen the day it appears.
 */
final class CleanLogs {

    /** Quarkus' console format: {@code 2026-11-30 12:22:02,006 WARN  [category] (thread) message}. */
    private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+ \\S+ (WARN|ERROR|FATAL) .*");

    private CleanLogs() {
    }

    /** Each WARN/ERROR line of the given logs, prefixed with its file's name; empty when all are clean. */
    static List<String> warningsAndErrors(List<Path> logs) {
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            if (!Files.exists(log)) {
                continue;
            }
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                lines.filter(line -> WARN_OR_ERROR.matcher(line).matches())
                        .forEach(line -> found.add(log.getFileName() + ": " + line));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + log, e);
            }
        }
        return found;
    }
}
