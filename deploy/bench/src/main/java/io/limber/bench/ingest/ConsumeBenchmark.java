package io.limber.bench.ingest;

import io.limber.bench.BenchContext;
import io.limber.bench.Benchmark;
import io.limber.bench.Figure;
import io.limber.local.kafka.runtime.KafkaRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Kafka's own ConsumerPerformance on the ingest benchmark's topic, for reference: what the broker can hand out. */
public final class ConsumeBenchmark implements Benchmark {

    private static final String TOOL = "org.apache.kafka.tools.ConsumerPerformance";

    @Override
    public String name() {
        return "consume";
    }

    @Override
    public String description() {
        return "raw Kafka consume rate on the ingest topic (Kafka's ConsumerPerformance), for reference";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        IngestFixture fixture = IngestFixture.shared(context, false);
        int records = fixture.workload.events();
        String classpath = KafkaRuntime.brokerClasspath().stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        Path log = fixture.log("consumer-performance");
        Process tool = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dlog4j2.level=warn", "-cp", classpath, TOOL,
                "--bootstrap-server", fixture.broker.bootstrapServers(),
                "--topic", IngestFixture.EVENTS_TOPIC,
                "--messages", Integer.toString(records),
                "--group", "bench-consumer-performance",
                "--timeout", "60000"))
                .redirectOutput(log.toFile()).redirectErrorStream(true).start();
        if (!tool.waitFor(3, TimeUnit.MINUTES) || tool.exitValue() != 0) {
            tool.destroyForcibly();
            throw new IllegalStateException("ConsumerPerformance failed; see " + log);
        }
        double perSecond = fetchRecordsPerSecond(Files.readAllLines(log, StandardCharsets.UTF_8), log);
        return List.of(Figure.of(name(), String.format(Locale.ROOT,
                "Kafka ConsumerPerformance, %,d records (fetch rate)", records), perSecond, "events/s"));
    }

    /** The {@code fetch.nMsg.sec} column: records per second once the group is joined. */
    static double fetchRecordsPerSecond(List<String> output, Path log) {
        for (int i = 0; i + 1 < output.size(); i++) {
            String header = output.get(i);
            if (header.startsWith("start.time")) {
                List<String> names = List.of(header.split(",\\s*"));
                String[] values = output.get(i + 1).split(",\\s*");
                return Double.parseDouble(values[names.indexOf("fetch.nMsg.sec")].trim());
            }
        }
        throw new IllegalStateException("no figures in ConsumerPerformance's output; see " + log);
    }
}
