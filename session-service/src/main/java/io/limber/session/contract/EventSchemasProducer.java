package io.limber.session.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Loads the event schemas once per application. */
@ApplicationScoped
public class EventSchemasProducer {

    @Produces
    @Singleton
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }
}
