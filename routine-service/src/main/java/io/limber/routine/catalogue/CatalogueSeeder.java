package io.limber.routine.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.routine.validation.ConcurrentChange;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** At start-up, puts the built-in programme into the catalogue (a new version only when its content changed). */
@ApplicationScoped
public class CatalogueSeeder {

    private final CatalogueService catalogue;
    private final ObjectMapper mapper;

    public CatalogueSeeder(CatalogueService catalogue, ObjectMapper mapper) {
        this.catalogue = catalogue;
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        try {
            VertxContextSupport.subscribeAndAwait(() -> catalogue.seed(BuiltInRoutines.load(mapper)));
        } catch (RuntimeException e) {
            if (!ConcurrentChange.causedBy(e)) {
                throw e;
            }
            // Another replica seeding at the same moment won the unique key; its versions have the same content.
            Log.warn("built-in routines seeded by another replica at the same time");
        }
    }
}
