package io.limber.routine.validation;

/** A request that is well formed but does not fit the current state (e.g. resuming a plan that is not paused): 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
