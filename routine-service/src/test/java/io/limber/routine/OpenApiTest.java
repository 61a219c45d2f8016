package io.limber.routine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class OpenApiTest {

    @Test
    void everyEndpointShowsAnExampleOfWhatItTakesAndWhatItAnswers() throws Exception {
        JsonNode openApi = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path = openApi.get("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            for (var op = entry.getValue().fields(); op.hasNext(); ) {
                var operation = op.next();
                operations++;
                String name = operation.getKey().toUpperCase() + " " + entry.getKey();
                JsonNode body = operation.getValue().at("/requestBody/content");
                if (!body.isMissingNode() && body.findValues("examples").isEmpty()) {
                    missing.add(name + " request");
                }
                JsonNode responses = operation.getValue().get("responses");
                boolean answersWithExample = responses.findValues("examples").size() > 0;
                boolean noContent = responses.has("204");
                if (!answersWithExample && !noContent) {
                    missing.add(name + " response");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(14);
        assertThat(missing).isEmpty();
    }
}
