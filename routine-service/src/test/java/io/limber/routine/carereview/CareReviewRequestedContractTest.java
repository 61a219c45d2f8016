package io.limber.routine.carereview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** reminder-service's example care review satisfies what routine-service relies on, and reads into our record. */
class CareReviewRequestedContractTest {

    private static final Path EXAMPLE = Path.of("../reminder-service/src/main/resources/events/examples/care-review-requested.json");
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    @Test
    void theProducersExampleConformsToOurConsumerSchema() throws Exception {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("src/main/resources/events/consumed/care-review-requested.consumer.schema.json")));
        assertThat(schema.validate(mapper.readTree(Files.readString(EXAMPLE)))).isEmpty();
    }

    @Test
    void theProducersExampleReadsAsAnUrgentRequestWithItsUser() throws Exception {
        CareReviewRequested event = mapper.readValue(Files.readString(EXAMPLE), CareReviewRequested.class);
        assertThat(event.type()).isEqualTo(CareReviewRequested.TYPE);
        assertThat(event.data().urgent()).isTrue();
        assertThat(event.data().userId()).isNotBlank();
        assertThat(event.data().requestedAt()).isNotNull();
    }
}
