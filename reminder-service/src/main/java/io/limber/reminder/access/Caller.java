package io.limber.reminder.access;

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
        if (!PersonalDataAccess.mayRead(token.getSubject(), roles(), userId)) {
            throw new ForbiddenException("this token may not read this person's data");
        }
    }

    /** 403 unless the caller is the person themself. */
    public void requireChangePreferences(String userId) {
        if (!PersonalDataAccess.mayChangePreferences(token.getSubject(), roles(), userId)) {
            throw new ForbiddenException("only the person themself changes their reminder preferences");
        }
    }

    private Set<String> roles() {
        Set<String> groups = token.getGroups();
        return groups == null ? Set.of() : groups;
    }
}
