package io.limber.routine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.limber.local.testing.SharedRules;
import io.limber.routine.validation.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The user-id syntax here and in this service's schemas is design.md's, the one session-service and reminder-service
 * are held to ({@code deploy/contract/rules/user-ids.json}): a person this service makes a plan for is a person
 * every service accepts events of.
 */
class UserIdsContractTest {

    @Test
    void everySharedCaseIsJudgedAsTheContractSays() {
        SharedRules.UserIdCases cases = SharedRules.userIds();
        for (String id : cases.accepted()) {
            assertThat(UserIds.require(id)).isEqualTo(id);
        }
        for (String id : cases.refused()) {
            assertThatThrownBy(() -> UserIds.require(id)).as("'%s'", id).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void theEventSchemasSayTheSame() {
        assertThat(SharedRules.schemaDisagreements(Path.of("src/main/resources/events"))).isEmpty();
    }
}
