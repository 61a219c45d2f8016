package io.limber.session.event;

/** An event that can never be processed (bad JSON, unknown type, schema violation, unknown user): dead-lettered. */
public class PoisonEvent extends IllegalArgumentException {

    public PoisonEvent(String reason) {
        super(reason);
    }

    /** No plan has been received for the person (yet: plans and session-events are separate topics). */
    public static class UnknownUser extends PoisonEvent {
        public UnknownUser() {
            super("unknown user: no plan has been received for data.userId");
        }
    }
}
