package io.limber.reminder.person;

import java.util.regex.Pattern;

/** What a user id may look like in a path: what routine-service accepts for a plan (it is the Kafka key too). */
public final class UserIds {

    /** The syntax, also written into the OpenAPI document for every {@code userId} path parameter. */
    public static final String SYNTAX = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    private static final Pattern USER_ID = Pattern.compile(SYNTAX);

    public static final String RULE = "userId must be 1-128 letters, digits, '.', '_', ':' or '-'";

    private UserIds() {
    }

    public static boolean isValid(String userId) {
        return userId != null && USER_ID.matcher(userId).matches();
    }
}
