package io.limber.reminder;

import io.limber.local.testing.CrossOriginTestBase;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** CORS only from the configured app origins ({@link CrossOriginTestBase}), on /users/11111111-2222-3333-4444-555555555555/nudges. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class CrossOriginTest extends CrossOriginTestBase {

    @Override
    protected String path() {
        return "/users/11111111-2222-3333-4444-555555555555/nudges";
    }

    @Override
    protected String method() {
        return "GET";
    }
}
