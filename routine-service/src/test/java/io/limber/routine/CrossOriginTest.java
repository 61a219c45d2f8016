package io.limber.routine;

import io.limber.local.testing.CrossOriginTestBase;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** CORS only from the configured app origins ({@link CrossOriginTestBase}), on /routines. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "routine"))
class CrossOriginTest extends CrossOriginTestBase {

    @Override
    protected String path() {
        return "/routines";
    }

    @Override
    protected String method() {
        return "GET";
    }
}
