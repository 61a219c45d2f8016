package io.limber.reminder.support;

import static io.restassured.RestAssured.given;

import io.limber.local.testing.TestTokens;
import io.restassured.specification.RequestSpecification;

/** A REST request with a bearer token of one role (signed with the test run's key, which the service trusts). */
public final class Callers {

    private Callers() {
    }

    public static RequestSpecification asClinician() {
        return given().auth().oauth2(TestTokens.clinician());
    }

    public static RequestSpecification asPatient(String userId) {
        return given().auth().oauth2(TestTokens.patient(userId));
    }
}
