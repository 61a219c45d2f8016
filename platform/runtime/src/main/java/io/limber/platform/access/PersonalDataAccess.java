package io.limber.platform.access;

import java.util.Set;

/**
 * Who may touch a person's data, the same in every service: a patient only their own (their token's subject is their
 * user id), a clinician anyone's for reading, erasure only by the person themself or an admin. What a service lets
 * only the person themself do (report sessions, change reminder preferences) is {@link #isThemself}.
 */
public final class PersonalDataAccess {

    public static final String PATIENT = "patient";
    public static final String CLINICIAN = "clinician";
    public static final String ADMIN = "admin";

    private PersonalDataAccess() {
    }

    /** May the caller (subject and roles of their token) read this person's data? */
    public static boolean mayRead(String callerSubject, Set<String> callerRoles, String userId) {
        return callerRoles.contains(CLINICIAN) || isThemself(callerSubject, callerRoles, userId);
    }

    /** May the caller erase this person? The person themself, or an admin. */
    public static boolean mayErase(String callerSubject, Set<String> callerRoles, String userId) {
        return callerRoles.contains(ADMIN) || isThemself(callerSubject, callerRoles, userId);
    }

    /** Is the caller this person, as a patient? A matching subject without the patient role is nobody. */
    public static boolean isThemself(String callerSubject, Set<String> callerRoles, String userId) {
        return callerRoles.contains(PATIENT) && callerSubject != null && !callerSubject.isEmpty()
                && callerSubject.equals(userId);
    }
}
