package io.limber.session.contract;

/** Why an event was refused: the field (a JSON path such as {@code $.data.pain}) and the reason. */
public record Violation(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
