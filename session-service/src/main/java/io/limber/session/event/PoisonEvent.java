package io.limber.session.event;

/** An event that can never be processed (bad JSON, unknown type, schema violation, unknown user): dead-lettered. */
public class PoisonEvent extends IllegalArgumentException {

    public PoisonEvent(String reason) {
        super(reason);
    }
}
