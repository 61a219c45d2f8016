package io.limber.routine.validation;

import java.util.List;

/** Input that breaks a rule; nothing was stored or published. Shown as 400 with every violation. */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).reason());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
