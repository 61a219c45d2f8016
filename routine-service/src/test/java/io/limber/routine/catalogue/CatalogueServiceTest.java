package io.limber.routine.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class CatalogueServiceTest {

    @Inject
    CatalogueService service;

    @Inject
    ObjectMapper mapper;

    @Test
    void seedingAnUnchangedBuiltInAgainStoresNothingAndAChangedOneBecomesTheNextVersion() throws Throwable {
        RoutineDefinition stretches = BuiltInRoutines.load(mapper).get(0);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> service.seed(List.of(stretches)))).isEmpty();

        RoutineDefinition longer = new RoutineDefinition("seed-test", stretches.title(), stretches.core(),
                stretches.purpose(), stretches.timeOfDay(), stretches.timeOfDayHint(), stretches.caution(),
                stretches.exercises());
        VertxContextSupport.subscribeAndAwait(() -> service.seed(List.of(longer)));
        RoutineDefinition changed = new RoutineDefinition("seed-test", stretches.title(), stretches.core(),
                stretches.purpose(), stretches.timeOfDay(), "Any time.", stretches.caution(), stretches.exercises());
        List<Routine> stored = VertxContextSupport.subscribeAndAwait(() -> service.seed(List.of(changed)));

        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.builtIn()).isTrue();
        });
        Catalogue catalogue = VertxContextSupport.subscribeAndAwait(() -> service.catalogue());
        assertThat(catalogue.find("seed-test", 1).orElseThrow().timeOfDayHint()).isEqualTo(stretches.timeOfDayHint());
        assertThat(catalogue.latest("seed-test").orElseThrow().timeOfDayHint()).isEqualTo("Any time.");
        assertThat(catalogue.versionsOf("lower-back-stretches")).hasSize(1);
    }
}
