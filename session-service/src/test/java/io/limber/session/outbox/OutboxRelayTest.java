package io.limber.session.outbox;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.OutboxRelayContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The adherence outbox driven by hand: a crash between commit and publish loses nothing, and two replicas' relays
 * keep each person's snapshots in order on the compacted topic ({@link OutboxRelayContract}).
 */
@QuarkusTest
@TestProfile(OutboxRelayContract.RelayDrivenByTheTest.class)
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class OutboxRelayTest extends OutboxRelayContract {

    @Override
    protected String topic() {
        return KafkaRecordSender.TOPIC;
    }
}
