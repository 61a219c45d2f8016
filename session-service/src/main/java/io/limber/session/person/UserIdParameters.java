package io.limber.session.person;

import io.limber.platform.openapi.UserIdPathParameters;

/**
 * Writes this service's user-id syntax ({@link UserIds}) into the OpenAPI document for every {@code userId} path
 * parameter. Registered by {@code mp.openapi.filter}; {@code deploy/contract/check-documents} checks the written
 * schema against the shared cases in {@code deploy/contract/rules/user-ids.json}.
 */
public class UserIdParameters extends UserIdPathParameters {

    public UserIdParameters() {
        super(UserIds.SYNTAX, UserIds.MAX_LENGTH);
    }
}
