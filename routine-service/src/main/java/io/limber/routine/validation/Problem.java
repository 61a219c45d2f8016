package io.limber.routine.validation;

import java.util.List;

/** The body of every 4xx answer (RFC 9457 problem details), naming each refused field and the reason. */
public record Problem(String title, int status, String detail, List<Violation> violations) {
}
