package io.limber.session.event;

/** An event that can never be processed (bad JSON, unknown type, schema violation, unknown user): dead-lettered. */
public class PoisonEvent extends IllegalArgumentException {

    /**
     * The reason travels in the dead letter's headers, beside the record itself: a 40,000-item array of wrong types
     * gave 1.8 MB of violations, the dead letter went over Kafka's size limit and its failure stopped the consumer.
     */
    static final int MAX_REASON_CHARS = 1_000;

    public PoisonEvent(String reason) {
        super(bounded(reason));
    }

    static String bounded(String reason) {
        if (reason == null || reason.length() <= MAX_REASON_CHARS) {
            return reason;
        }
        return reason.substring(0, MAX_REASON_CHARS) + "… (" + (reason.length() - MAX_REASON_CHARS)
                + " more characters)";
    }

    /** No plan has been received for the person (yet: plans and session-events are separate topics). */
    public static class UnknownUser extends PoisonEvent {
        public UnknownUser() {
            super("unknown user: no plan has been received for data.userId");
        }
    }
}
