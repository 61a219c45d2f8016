package io.limber.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3+9-LTS");

    @TempDir
    Path target;

    private Path jar;

    @BeforeEach
    void packagedApplication() throws IOException {
        Path app = Files.createDirectories(target.resolve("quarkus-app/lib/main"));
        jar = Files.writeString(target.resolve("quarkus-app/quarkus-run.jar"), "jar");
        Files.writeString(app.resolve("lib.jar"), "lib");
        age(jar, 60);
        age(app.resolve("lib.jar"), 60);
    }

    @Test
    void beforeJdk25ThereIsNoCacheAndTheCommandStaysAsItWas() {
        assertThat(AotCache.of(jar, Runtime.Version.parse("17.0.15+6"))).isEmpty();
    }

    @Test
    void theFirstRunTrainsAndTheNextUsesWhatItWrote() throws IOException {
        AotCache aot = AotCache.of(jar, JDK_25).orElseThrow();
        assertThat(aot.file()).isEqualTo(target.resolve("app-jdk25.0.3+9-LTS.aot"));

        var first = aot.options();
        assertThat(aot.training()).isTrue();
        assertThat(first.get(0)).startsWith("-XX:AOTCacheOutput=" + target.resolve("app-jdk25.0.3+9-LTS.aot."));
        assertThat(aot.describe()).startsWith("training a JDK 25 AOT cache");
        Files.writeString(Path.of(first.get(0).substring("-XX:AOTCacheOutput=".length())), "cache");
        aot.exited(true);

        assertThat(aot.file()).hasContent("cache");
        assertThat(aot.options()).containsExactly("-XX:AOTCache=" + aot.file());
        assertThat(aot.training()).isFalse();
        assertThat(aot.describe()).startsWith("using the AOT cache ");
    }

    @Test
    void aRunThatNeverBecameReadyLeavesNoCache() throws IOException {
        AotCache aot = AotCache.of(jar, JDK_25).orElseThrow();
        Path written = Path.of(aot.options().get(0).substring("-XX:AOTCacheOutput=".length()));
        Files.writeString(written, "thin");
        aot.exited(false);

        assertThat(written).doesNotExist();
        assertThat(aot.file()).doesNotExist();
        assertThat(aot.options().get(0)).startsWith("-XX:AOTCacheOutput=");
    }

    @Test
    void aRebuiltApplicationIsTrainedAgain() throws IOException {
        AotCache aot = AotCache.of(jar, JDK_25).orElseThrow();
        Files.writeString(aot.file(), "cache");
        age(aot.file(), 30);
        assertThat(aot.options()).containsExactly("-XX:AOTCache=" + aot.file());

        Files.writeString(jar, "rebuilt"); // newer than the cache
        assertThat(aot.options().get(0)).startsWith("-XX:AOTCacheOutput=");
    }

    private static void age(Path file, int seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
    }
}
