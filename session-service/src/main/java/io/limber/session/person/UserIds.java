package io.limber.session.person;

/**
 * What a user id can be, as the event contract says (1 to 100 characters), and without control characters: a NUL
 * cannot even be stored in PostgreSQL text, so such an id names nobody.
 */
public final class UserIds {

    public static final int MAX_LENGTH = 100;

    private UserIds() {
    }

    /** Thrown for a user id no person can have. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String reason) {
            super(reason);
        }
    }

    public static boolean isValid(String userId) {
        return userId != null && !userId.isEmpty() && userId.length() <= MAX_LENGTH
                && userId.chars().noneMatch(Character::isISOControl);
    }

    /** The id itself, or {@link Invalid} (whose message does not repeat it). */
    public static String require(String userId) {
        if (!isValid(userId)) {
            throw new Invalid("a user id has 1 to " + MAX_LENGTH + " characters and no control characters");
        }
        return userId;
    }
}
