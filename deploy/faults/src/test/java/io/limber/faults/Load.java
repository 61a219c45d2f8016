package io.limber.faults;

import io.limber.simulator.ClientEvent;
import io.limber.simulator.EventSender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The apps' traffic while a fault happens: sends a list of client events at a steady rate on its own thread. Apps
 * keep what they could not send and try again, so a send that fails (the ingress is down, the broker is away) is
 * retried until it is accepted: the sender never drops an event, and whatever goes missing went missing in Limber.
 */
final class Load {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
    private static final long RETRY_MILLIS = 500;

    private final EventSender sender;
    private final List<ClientEvent> events;
    private final int perSecond;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final Thread thread;
    private volatile RuntimeException failure;

    private Load(EventSender sender, List<ClientEvent> events, int perSecond) {
        this.sender = sender;
        this.events = List.copyOf(events);
        this.perSecond = perSecond;
        this.thread = new Thread(this::run, "fault-suite-load");
        this.thread.setDaemon(true);
    }

    /** Starts sending {@code events} in order, {@code perSecond} a second; the sender is closed when all are sent. */
    static Load start(EventSender sender, List<ClientEvent> events, int perSecond) {
        Load load = new Load(sender, events, perSecond);
        load.thread.start();
        return load;
    }

    int sent() {
        return sent.get();
    }

    int size() {
        return events.size();
    }

    /** Sends that failed and were tried again. */
    int retried() {
        return retried.get();
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits until every event was sent and the broker has all of them; fails if the sender gave up. */
    void awaitAllSent(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the load had sent " + sent() + " of " + size() + " events after " + timeout);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void run() {
        Instant begin = Instant.now();
        try (sender) {
            for (ClientEvent event : events) {
                sendUntilAccepted(event);
                int count = sent.incrementAndGet();
                long aheadMillis = count * 1000L / perSecond - Duration.between(begin, Instant.now()).toMillis();
                if (aheadMillis > 0) {
                    TimeUnit.MILLISECONDS.sleep(aheadMillis);
                }
            }
            sender.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("the load was interrupted after " + sent() + " events", e);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void sendUntilAccepted(ClientEvent event) throws InterruptedException {
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        while (true) {
            try {
                sender.send(event);
                return;
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("event " + event.eventId() + " could not be sent for "
                            + GIVE_UP_AFTER, e);
                }
                retried.incrementAndGet();
                TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            }
        }
    }
}
