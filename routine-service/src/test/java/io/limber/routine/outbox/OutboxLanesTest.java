package io.limber.routine.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxLanesTest {

    @Test
    void aKeyAlwaysFallsInTheSameLaneOnEveryReplicaAndRelease() {
        // String.hashCode is fixed by the language specification; these values must never change
        assertThat(OutboxLanes.laneOf("3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10"))
                .isEqualTo(Math.floorMod("3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10".hashCode(), 16));
        assertThat(OutboxLanes.laneOf("user-1")).isEqualTo(OutboxLanes.laneOf(new String("user-1")));
    }

    @Test
    void lanesStayWithinTheRowsOfTheLaneTableAndAreAllUsed() {
        assertThat(IntStream.range(0, 1000).map(i -> OutboxLanes.laneOf("user-" + i)).distinct().sorted().toArray())
                .containsExactly(IntStream.range(0, OutboxLanes.COUNT).toArray());
    }
}
