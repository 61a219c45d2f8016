package io.limber.local.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link KafkaTestClient} field of a test: {@link KafkaAndPostgresTestResource} fills it with a client of the
 * test run's broker, open for the whole run, so a test class needs no set-up or tear-down of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectKafka {
}
