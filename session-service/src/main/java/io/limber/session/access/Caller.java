package io.limber.session.access;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person or professional behind the request's bearer token, and what {@link PersonalDataAccess} lets them do. */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** 403 unless the caller may read this person's data. */
    public void requireRead(String userId) {
        if (!PersonalDataAccess.mayRead(subject(), roles(), userId)) {
            throw new ForbiddenException("this token may not read this person's data");
        }
    }

    public boolean mayReport(String userId) {
        return PersonalDataAccess.mayReport(subject(), roles(), userId);
    }

    private String subject() {
        return token.getSubject();
    }

    private Set<String> roles() {
        Set<String> groups = token.getGroups();
        return groups == null ? Set.of() : groups;
    }
}
