package io.limber.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One example sent in one form, for a person of its own: what must exist first (a plan made through routine-service's
 * API, earlier records), the event itself (made from the example when it is sent, so that it happened just now) and
 * what follows it on the same partition.
 */
final class Case {

    /** The plan a case's person gets through routine-service's REST API before anything is sent. */
    enum Plan {
        /** No plan: the example itself is the plan, or its consumer needs none. */
        NONE,
        /** Every day, the example's routine, due a minute or two after the events are sent. */
        DUE_SOON,
        /** Every day, both built-in routines, due in about 12 hours. */
        BOTH_ROUTINES_LATER,
        /** Every day, the stretches, due in about 12 hours. */
        STRETCHES_LATER
    }

    final Examples.Example example;
    final String name;
    final Form form;
    final String userId;
    final Plan plan;
    /** The example as sent (user, ids and times rewritten), from the time it happened. */
    final Function<java.time.Instant, ObjectNode> make;
    /** Sent in structured mode during the setup, before the case's event. */
    final List<ObjectNode> before = new ArrayList<>();
    /** Sent in structured mode right after the case's event, on the same partition. */
    final List<Function<ObjectNode, ObjectNode>> after = new ArrayList<>();
    /** Quiet hours of the person's own, away from now, so that nothing they get is held back by the clock. */
    boolean quietHoursAway;
    /** The event as sent; null until then. */
    ObjectNode event;
    /** The HTTP ingress's answer (HTTP forms only); null until sent. */
    Observations.Answer ingress;

    Case(Examples.Example example, String name, Form form, String userId, Plan plan,
         Function<java.time.Instant, ObjectNode> make) {
        this.example = example;
        this.name = name;
        this.form = form;
        this.userId = userId;
        this.plan = plan;
        this.make = make;
    }

    String id() {
        return event.path("id").asText();
    }

    String topic() {
        return example.topic();
    }
}
