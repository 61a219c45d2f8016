package io.limber.platform.access;

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

    /** 403 unless the caller may erase this person. */
    public void requireErase(String userId) {
        if (!PersonalDataAccess.mayErase(token.getSubject(), roles(), userId)) {
            throw new ForbiddenException("this token may not erase this person");
        }
    }

    /** 403 with this reason (it names nobody) unless the caller is this person, as a patient. */
    public void requireThemself(String userId, String reason) {
        if (!isThemself(userId)) {
            throw new ForbiddenException(reason);
        }
    }

    /** Is the caller this person, as a patient? */
    public boolean isThemself(String userId) {
        return PersonalDataAccess.isThemself(token.getSubject(), roles(), userId);
    }

    private Set<String> roles() {
        Set<String> groups = token.getGroups();
        return groups == null ? Set.of() : groups;
    }
}
