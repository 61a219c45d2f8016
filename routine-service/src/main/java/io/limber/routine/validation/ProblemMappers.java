package io.limber.routine.validation;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns refused input into a 4xx problem that names the field and the reason. */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return problem(400, "Invalid input", e.violations());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return problem(409, "Conflict", List.of(new Violation(e.field(), e.getMessage())));
    }

    /**
     * Two changes of one plan at the same moment both aim at the same next version; the unique key lets one win
     * and the other is told to retry, instead of a 500.
     */
    @ServerExceptionMapper
    public Response concurrentChange(PersistenceException e) {
        if (ConcurrentChange.causedBy(e)) {
            return problem(409, "Conflict", List.of(new Violation("version",
                    "the plan was changed at the same moment by another request; read it and retry")));
        }
        throw e;
    }

    /** A valid token whose roles or subject do not allow the request; says why without naming anyone. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String reason = e.getMessage() == null || e.getMessage().isBlank()
                ? "this token's roles do not allow this request" : e.getMessage();
        return problem(403, "Forbidden", List.of(new Violation("token", reason)));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(404, "Not found", List.of(new Violation(e.field(), e.getMessage())));
    }

    /** Quarkus wraps a body that is not JSON at all in a bare 400; this names the place it broke. */
    @ServerExceptionMapper
    public Response malformedJson(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException parse) {
                String where = parse.getLocation() == null ? ""
                        : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
                return problem(400, "Malformed JSON", List.of(new Violation("body",
                        "malformed JSON" + where + ": " + parse.getOriginalMessage())));
            }
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unmappable(mapping);
        }
        return e.getResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongType(MismatchedInputException e) {
        return problem(400, "Invalid input", List.of(new Violation(path(e), "wrong type: " + e.getOriginalMessage())));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unmappable(JsonMappingException e) {
        return problem(400, "Invalid input", List.of(new Violation(path(e), e.getOriginalMessage())));
    }

    static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "body";
        }
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    static Response problem(int status, String title, List<Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.reason()).collect(Collectors.joining("; "));
        return Response.status(status).type(PROBLEM_JSON).entity(new Problem(title, status, detail, violations)).build();
    }
}
