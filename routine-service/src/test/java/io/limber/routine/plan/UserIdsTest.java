package io.limber.routine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.limber.routine.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

class UserIdsTest {

    @Test
    void uuidsAndSimpleIdsAreAccepted() {
        assertThat(UserIds.require("3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10")).isEqualTo("3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10");
        assertThat(UserIds.require("tenant:user_1.a")).isEqualTo("tenant:user_1.a");
    }

    @Test
    void blanksSpacesSlashesAndOverlongIdsAreRefusedNamingTheField() {
        for (String bad : new String[] {"", " ", "a b", "a/b", "-leading", "x".repeat(129)}) {
            assertThatThrownBy(() -> UserIds.require(bad)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).field()).isEqualTo("userId"));
        }
    }
}
