package io.limber.reminder.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

    @Test
    void aTransientFailureIsRetriedUntilTheWorkSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> flaky = Uni.createFrom().item(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("connection reset");
            }
            return "stored";
        });
        assertThat(Retry.transientFailures(flaky).await().indefinitely()).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anEventWeCannotReadFailsAtOnceForTheDeadLetterTopic() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> unreadable = Uni.createFrom().item(() -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("missing userId");
        });
        assertThatThrownBy(() -> Retry.transientFailures(unreadable).await().indefinitely())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
        assertThat(Retry.isTransient(new DateTimeParseException("bad", "x", 0))).isFalse();
    }
}
