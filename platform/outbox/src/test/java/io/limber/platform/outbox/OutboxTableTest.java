package io.limber.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutboxTableTest {

    @Test
    void theRelayReadsTheServicesOwnColumnsUnderCommonNames() {
        OutboxTable withKind = new OutboxTable("outbox", "message_key", "kind");
        OutboxTable withoutKind = new OutboxTable("outbox", "record_key", null);

        assertThat(withKind.readLanes()).contains("message_key AS record_key", "kind AS kind", "ORDER BY id");
        assertThat(withoutKind.readLanes()).contains("record_key AS record_key", "NULL AS kind");
    }

    @Test
    void lanesAreLockedSkippingThoseAnotherRelayHolds() {
        assertThat(new OutboxTable("outbox", "message_key", null).lockLanes())
                .contains("FROM outbox_lane l", "FOR UPDATE OF l SKIP LOCKED");
    }

    @Test
    void theTableNamesItsCommitChannel() {
        assertThat(new OutboxTable("outbox", "message_key", null).channel()).isEqualTo("outbox_written");
    }

    @Test
    void onlyPlainIdentifiersGoIntoTheSql() {
        assertThatThrownBy(() -> new OutboxTable("outbox; drop table person", "message_key", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxTable("outbox", "Key", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
