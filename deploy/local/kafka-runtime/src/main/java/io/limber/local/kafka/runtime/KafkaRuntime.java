package io.limber.local.kafka.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the broker's class path is: this module's own jar (for {@link BrokerMain}) plus the Kafka jars
 * that the build listed in {@code broker.classpath}. Loading this class loads no Kafka class.
 */
public final class KafkaRuntime {

    /** Main class of the broker JVM. */
    public static final String BROKER_MAIN = "io.limber.local.kafka.runtime.BrokerMain";
    /** Formats a KRaft log directory. */
    public static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    private static final String CLASSPATH_RESOURCE = "broker.classpath";

    private KafkaRuntime() {
    }

    /** The class path entries of a broker JVM, in order. */
    public static List<Path> brokerClasspath() {
        List<Path> entries = new ArrayList<>();
        entries.add(ownLocation());
        try (InputStream in = KafkaRuntime.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("broker.classpath is missing from limber-kafka-runtime: build it with ./mvnw");
            }
            String listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : listed.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry.trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static Path ownLocation() {
        try {
            return Path.of(KafkaRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
