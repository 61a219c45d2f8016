package io.limber.local.kafka.runtime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker JVM: runs {@code kafka.Kafka} and exits when the parent process goes away.
 *
 * <p>The parent keeps this process's standard input open; when it dies (even by {@code kill -9}) the
 * pipe closes, we read end-of-file and exit, which runs Kafka's own shutdown hook. So a crashed test
 * run or local stack never leaves an orphan broker behind.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(BrokerMain::exitWhenParentCloses, "limber-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void exitWhenParentCloses() {
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // ignore anything the parent writes; only end-of-file matters
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end-of-file
        }
        System.exit(0);
    }
}
