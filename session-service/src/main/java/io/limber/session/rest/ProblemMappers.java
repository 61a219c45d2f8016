package io.limber.session.rest;

import io.limber.session.person.UserIds;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused request gets a problem body (RFC 9457) that says why, without naming anyone. */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** The body of a refusal. */
    public record Problem(String title, int status, String detail) {
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "this token's roles do not allow this request" : e.getMessage();
        return problem(Response.Status.FORBIDDEN, "Forbidden", detail);
    }

    @ServerExceptionMapper
    public Response invalidUserId(UserIds.Invalid e) {
        return problem(Response.Status.BAD_REQUEST, "Invalid user id", e.getMessage());
    }

    private static Response problem(Response.Status status, String title, String detail) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem(title, status.getStatusCode(), detail)).build();
    }
}
