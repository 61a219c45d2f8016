package io.limber.reminder.time;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** In tests the service runs on {@link #CLOCK}: the system time until a test pins it. */
@ApplicationScoped
@Alternative
@Priority(1)
public class TestClockProducer {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
