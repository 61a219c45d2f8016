package io.limber.session.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserIdsTest {

    @Test
    void anIdOfOneToAHundredPrintableCharactersIsPossible() {
        assertThat(UserIds.isValid("3f9c2a1e-0c4b-4a8e-9d61-2b7f1c0e5a10")).isTrue();
        assertThat(UserIds.isValid("é")).isTrue();
        assertThat(UserIds.isValid("x".repeat(100))).isTrue();
    }

    @Test
    void anEmptyTooLongOrControlCharacterIdIsRefusedWithoutRepeatingIt() {
        assertThat(UserIds.isValid("")).isFalse();
        assertThat(UserIds.isValid(null)).isFalse();
        assertThat(UserIds.isValid("x".repeat(101))).isFalse();
        assertThat(UserIds.isValid("a" + (char) 0 + "b")).isFalse();
        assertThat(UserIds.isValid("a\nb")).isFalse();
        assertThatThrownBy(() -> UserIds.require("secret" + (char) 0)).isInstanceOf(UserIds.Invalid.class)
                .hasMessageNotContaining("secret");
    }
}
