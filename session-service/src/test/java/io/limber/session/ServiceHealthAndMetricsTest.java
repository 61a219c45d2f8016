package io.limber.session;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.ServiceHealthAndMetricsTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** Health and metrics answer on the management port without a token, and not on the API port. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class ServiceHealthAndMetricsTest extends ServiceHealthAndMetricsTestBase {

    @Override
    protected List<String> kafkaChannels() {
        // session-events runs as SESSION_EVENTS_CONSUMERS copies (3 in tests), named session-events$1..N in readiness
        return List.of("session-events$1", "session-events$2", "session-events$3", "plans");
    }

    @Override
    protected List<String> ownMeters() {
        return List.of("limber_session_events_accepted_total", "limber_session_events_consumed_total",
                "limber_session_event_to_state_seconds_bucket", "limber_adherence_recomputations_total",
                "limber_cohort_people", "limber_session_sessions_total", "kafka_consumer_fetch_manager_records_lag");
    }

    @Override
    protected String aProtectedPath() {
        return "/users/someone/adherence";
    }

    @Override
    protected List<String> apiPaths() {
        return List.of("/users/{userId}/adherence", "/users/{userId}/sessions", "/cohort/adherence", "/events");
    }
}
