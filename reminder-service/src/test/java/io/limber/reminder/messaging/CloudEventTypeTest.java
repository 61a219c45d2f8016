package io.limber.reminder.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventTypeTest {

    @Test
    void readsTheTypeOfAStructuredEventWhereverItStands() {
        assertThat(CloudEventType.of(new RecordHeaders(), """
                {"specversion":"1.0","id":"e-1","type":"limber.session.pain-stopped","data":{"type":"x"}}"""))
                .isEqualTo("limber.session.pain-stopped");
        assertThat(CloudEventType.of(new RecordHeaders(), """
                {"data":{"type":"nested","list":[{"type":"deeper"}]},"id":"e-2","type":"limber.session.started"}"""))
                .isEqualTo("limber.session.started");
    }

    @Test
    void theBinaryModeHeaderWins() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventType.HEADER, "limber.pain.reported".getBytes(StandardCharsets.UTF_8));
        assertThat(CloudEventType.of(headers, "{\"type\":\"limber.session.started\"}"))
                .isEqualTo("limber.pain.reported");
    }

    @Test
    void nothingReadableGivesNoType() {
        RecordHeaders none = new RecordHeaders();
        assertThat(CloudEventType.of(none, "not json")).isEmpty();
        assertThat(CloudEventType.of(none, "[\"type\"]")).isEmpty();
        assertThat(CloudEventType.of(none, "{\"id\":\"e-3\",\"data\":{\"type\":\"limber.session.pain-stopped\"}}"))
                .isEmpty();
        assertThat(CloudEventType.of(none, "{\"type\":7}")).isEmpty();
        assertThat(CloudEventType.of(none, "{\"type\":")).isEmpty();
        assertThat(CloudEventType.of(none, null)).isEmpty();
    }
}
