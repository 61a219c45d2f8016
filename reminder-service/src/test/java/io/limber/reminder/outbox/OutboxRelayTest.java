package io.limber.reminder.outbox;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.OutboxRelayContract;
import io.limber.reminder.nudge.NudgeStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The nudge outbox driven by hand: a crash between commit and publish loses nothing, and two replicas' relays keep
 * each person's nudges in order ({@link OutboxRelayContract}).
 */
@QuarkusTest
@TestProfile(OutboxRelayContract.RelayDrivenByTheTest.class)
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class OutboxRelayTest extends OutboxRelayContract {

    @Override
    protected String topic() {
        return NudgeStore.NUDGES;
    }
}
