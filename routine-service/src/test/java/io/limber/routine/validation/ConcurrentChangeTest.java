package io.limber.routine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ConcurrentChangeTest {

    @Test
    void aUniqueViolationAnywhereInTheChainIsAConcurrentChange() {
        PgException unique = new PgException("duplicate key", "ERROR", "23505", "detail");
        assertThat(ConcurrentChange.causedBy(new CompletionException(new IllegalStateException(unique)))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(ConcurrentChange.causedBy(new PgException("no table", "ERROR", "42P01", "detail"))).isFalse();
        assertThat(ConcurrentChange.causedBy(new IllegalStateException("boom"))).isFalse();
    }
}
