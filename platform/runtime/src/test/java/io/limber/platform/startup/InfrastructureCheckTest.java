package io.limber.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfrastructureCheckTest {

    @Test
    void productionWithoutAKeyToVerifyTokensDoesNotStart() {
        assertThat(new InfrastructureCheck("", "", "", true).checkTokenKey()).isFalse();
        assertThat(new InfrastructureCheck("", "", " ", true).checkTokenKey()).isFalse();
    }

    @Test
    void aKeyFileOrJwksUrlIsEnoughAndOtherProfilesNeedNone() {
        assertThat(new InfrastructureCheck("", "", "/keys/jwt-public.pem", true).checkTokenKey()).isTrue();
        assertThat(new InfrastructureCheck("", "", "https://idp.example/jwks", true).checkTokenKey()).isTrue();
        assertThat(new InfrastructureCheck("", "", "", false).checkTokenKey()).isTrue();
    }
}
