package io.limber.reminder;

import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.ServiceHealthAndMetricsTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** Health and metrics answer on the management port without a token, and not on the API port. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reminder"))
class ServiceHealthAndMetricsTest extends ServiceHealthAndMetricsTestBase {

    @Override
    protected List<String> kafkaChannels() {
        return List.of("session-events", "plans", "adherence");
    }

    @Override
    protected List<String> ownMeters() {
        return List.of("limber_nudges_published_total{kind=\"safety\"}",
                "limber_nudges_published_total{kind=\"reminder\"}",
                "limber_nudges_suppressed_total{kind=\"follow-up\",reason=\"quiet-hours\"}",
                "limber_nudges_suppressed_total{kind=\"reminder\",reason=\"safety-pause\"}",
                "limber_events_consumed_total{outcome=\"dead-lettered\",topic=\"session-events\"}",
                "limber_outbox_pending", "limber_care_reviews_raised_total{reason=\"red-flag\"}",
                "limber_scheduler_lag_seconds_bucket", "limber_safety_nudge_latency_seconds_bucket{le=\"1.0\"}",
                "limber_safety_nudge_latency_seconds_bucket{le=\"120.0\"}", "limber_outbox_oldest_age_seconds");
    }

    @Override
    protected String aProtectedPath() {
        return "/users/someone/nudges";
    }

    @Override
    protected List<String> apiPaths() {
        return List.of("/users/{userId}/nudges", "/users/{userId}/next", "/users/{userId}/preferences");
    }
}
