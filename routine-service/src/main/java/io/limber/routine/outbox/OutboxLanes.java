package io.limber.routine.outbox;

/**
 * Outbox rows are spread over a fixed number of lanes by key. A relay publishes a lane only while it holds the
 * lane's row lock, so one key's records leave in order even with several replicas relaying.
 */
public final class OutboxLanes {

    /** Must match the rows of {@code outbox_lane} (V2 migration). */
    public static final int COUNT = 16;

    private OutboxLanes() {
    }

    public static int laneOf(String key) {
        // String.hashCode is specified by the JLS, so every replica and every release agrees on the lane.
        return Math.floorMod(key.hashCode(), COUNT);
    }
}
