package io.limber.routine.validation;

/** The thing a request names does not exist: 404, naming what was looked for. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
