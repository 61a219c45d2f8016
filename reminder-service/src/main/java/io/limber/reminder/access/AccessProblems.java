package io.limber.reminder.access;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused caller gets a problem body (RFC 9457) that says why, without naming anyone. */
public class AccessProblems {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** The body of a 403. */
    public record Problem(String title, int status, String detail) {
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "this token's roles do not allow this request" : e.getMessage();
        return Response.status(Response.Status.FORBIDDEN).type(PROBLEM_JSON)
                .entity(new Problem("Forbidden", 403, detail)).build();
    }
}
