package io.limber.session.person;

import java.util.regex.Pattern;

/**
 * What a user id can be, as design.md's "Identifiers" says and every Limber service and schema applies: 1 to 128
 * characters of {@code A-Z a-z 0-9 . _ : -}, starting with a letter or digit. Pinned against the other services'
 * copies by {@code UserIdsContractTest} (the shared cases in {@code deploy/contract/rules/user-ids.json}).
 */
public final class UserIds {

    public static final int MAX_LENGTH = 128;
    public static final String RULE = "must be 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    /** The syntax, also written into the OpenAPI document for every {@code userId} path parameter. */
    public static final String SYNTAX = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    private static final Pattern USER_ID = Pattern.compile(SYNTAX);

    private UserIds() {
    }

    /** Thrown for a user id no person can have. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String reason) {
            super(reason);
        }
    }

    public static boolean isValid(String userId) {
        return userId != null && USER_ID.matcher(userId).matches();
    }

    /** The id itself, or {@link Invalid} (whose message does not repeat it). */
    public static String require(String userId) {
        if (!isValid(userId)) {
            throw new Invalid("userId " + RULE);
        }
        return userId;
    }
}
