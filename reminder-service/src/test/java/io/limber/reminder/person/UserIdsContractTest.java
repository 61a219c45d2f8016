package io.limber.reminder.person;

import static org.assertj.core.api.Assertions.assertThat;

import io.limber.local.testing.SharedRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The user-id syntax here and in this service's schemas is design.md's, the one the other services are held to. */
class UserIdsContractTest {

    @Test
    void everySharedCaseIsJudgedAsTheContractSays() {
        SharedRules.UserIdCases cases = SharedRules.userIds();
        assertThat(cases.accepted()).allMatch(UserIds::isValid);
        assertThat(cases.refused()).noneMatch(UserIds::isValid);
    }

    @Test
    void theEventSchemasSayTheSame() {
        assertThat(SharedRules.schemaDisagreements(Path.of("src/main/resources/events"))).isEmpty();
    }
}
