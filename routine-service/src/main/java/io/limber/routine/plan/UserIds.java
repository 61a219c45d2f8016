package io.limber.routine.plan;

import io.limber.routine.validation.InvalidInputException;
import java.util.regex.Pattern;

/** What a user id may look like (it becomes a Kafka key and a path segment). */
public final class UserIds {

    /** The syntax, also written into the OpenAPI document for every {@code userId} path parameter. */
    public static final String SYNTAX = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    private static final Pattern USER_ID = Pattern.compile(SYNTAX);

    private UserIds() {
    }

    public static String require(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new InvalidInputException("userId", "must be 1-128 letters, digits, '.', '_', ':' or '-'");
        }
        return userId;
    }
}
