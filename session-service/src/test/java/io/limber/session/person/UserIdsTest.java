package io.limber.session.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.limber.local.testing.SharedRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The user-id syntax here and in this service's schemas is design.md's, the one routine-service and reminder-service
 * are held to (the shared cases in {@code deploy/contract/rules/user-ids.json}): an id routine-service accepts for a
 * plan is a person whose events are accepted here.
 */
class UserIdsTest {

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

    @Test
    void aRefusedIdIsNotRepeatedInTheReason() {
        assertThatThrownBy(() -> UserIds.require("secret" + (char) 0)).isInstanceOf(UserIds.Invalid.class)
                .hasMessageNotContaining("secret").hasMessageContaining("userId");
    }
}
