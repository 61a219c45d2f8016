package io.limber.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanLogsTest {

    @TempDir
    Path dir;

    @Test
    void findsEveryWarnAndErrorLineWithItsFileAndNothingElse() throws Exception {
        Path session = Files.writeString(dir.resolve("session-service.log"), String.join("\n",
                "2026-11-30 12:22:02,006 INFO  [io.quarkus] (main) session-service started in 2.1s",
                "2026-11-30 12:22:03,596 WARN  [io.smallrye.reactive.messaging.kafka] (main) SRMSG18250: deprecated",
                "  at a stack trace line mentioning WARN and ERROR",
                "2026-11-30 12:22:28,000 ERROR [io.quarkus.scheduler] (vert.x-eventloop-thread-0) failed",
                "2026-11-30 12:22:28,070 INFO  [io.quarkus] (Shutdown thread) session-service stopped in 1.2s"));
        Path routine = Files.writeString(dir.resolve("routine-service.log"),
                "2026-11-30 12:22:02,006 INFO  [io.quarkus] (main) routine-service started in 2.0s\n");

        List<String> found = CleanLogs.warningsAndErrors(List.of(session, routine, dir.resolve("missing.log")));

        assertThat(found).containsExactly(
                "session-service.log: 2026-11-30 12:22:03,596 WARN  [io.smallrye.reactive.messaging.kafka] (main) SRMSG18250: deprecated",
                "session-service.log: 2026-11-30 12:22:28,000 ERROR [io.quarkus.scheduler] (vert.x-eventloop-thread-0) failed");
    }

    @Test
    void cleanLogsGiveNothing() throws Exception {
        Path log = Files.writeString(dir.resolve("reminder-service.log"),
                "2026-11-30 12:22:02,006 INFO  [io.quarkus] (main) reminder-service started in 2.3s\n");

        assertThat(CleanLogs.warningsAndErrors(List.of(log))).isEmpty();
    }
}
