package io.limber.bench.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@code jcmd} and {@code jstat} on another JVM of this machine (the replica): a full collection, the heap in
 * use, and the collectors' counters.
 */
final class JvmTools {

    /**
     * jstat's cumulative counters at one moment.
     *
     * @param youngCollections  young (and mixed) collections
     * @param fullCollections   full (stop-the-world, whole-heap) collections
     * @param pauseSeconds      time in young and full collections' pauses
     * @param concurrentSeconds time of the concurrent cycles' pauses (remark, cleanup), as jstat counts it
     */
    record GcCounters(long youngCollections, long fullCollections, double pauseSeconds, double concurrentSeconds) {
    }

    private final long pid;
    private final Path bin = Path.of(System.getProperty("java.home"), "bin");

    JvmTools(long pid) {
        this.pid = pid;
    }

    /** {@code jcmd PID GC.run}: a full collection (System.gc()). */
    void fullCollection() {
        run("jcmd", Long.toString(pid), "GC.run");
    }

    /** Heap in use, MiB: survivor, eden and old spaces' used bytes from {@code jstat -gc}. */
    double heapUsedMiB() {
        Map<String, String> gc = columns(run("jstat", "-gc", Long.toString(pid)));
        double kib = 0;
        for (String used : List.of("S0U", "S1U", "EU", "OU")) {
            kib += Double.parseDouble(gc.get(used));
        }
        return kib / 1024;
    }

    GcCounters counters() {
        Map<String, String> gc = columns(run("jstat", "-gc", Long.toString(pid)));
        double young = Double.parseDouble(gc.get("YGCT"));
        double full = Double.parseDouble(gc.get("FGCT"));
        double concurrent = gc.containsKey("CGCT") && !gc.get("CGCT").equals("-")
                ? Double.parseDouble(gc.get("CGCT")) : 0;
        return new GcCounters(Long.parseLong(gc.get("YGC")), Long.parseLong(gc.get("FGC")), young + full, concurrent);
    }

    /** The header line's names to the values line's numbers. */
    static Map<String, String> columns(String output) {
        String[] lines = output.strip().split("\n");
        if (lines.length < 2) {
            throw new IllegalStateException("unexpected jstat output: " + output);
        }
        String[] names = lines[lines.length - 2].trim().split("\\s+");
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        Map<String, String> columns = new HashMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            columns.put(names[i], values[i]);
        }
        return columns;
    }

    private String run(String tool, String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
