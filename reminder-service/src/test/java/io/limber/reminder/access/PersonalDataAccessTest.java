package io.limber.reminder.access;

import static io.limber.reminder.access.PersonalDataAccess.ADMIN;
import static io.limber.reminder.access.PersonalDataAccess.CLINICIAN;
import static io.limber.reminder.access.PersonalDataAccess.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataAccessTest {

    @Test
    void aPatientReadsOnlyTheirOwnNudges() {
        assertThat(PersonalDataAccess.mayRead("u-1", Set.of(PATIENT), "u-1")).isTrue();
        assertThat(PersonalDataAccess.mayRead("u-1", Set.of(PATIENT), "u-2")).isFalse();
    }

    @Test
    void aClinicianReadsAnyonesNudgesButAnAdminDoesNot() {
        assertThat(PersonalDataAccess.mayRead("clinician-7", Set.of(CLINICIAN), "u-2")).isTrue();
        assertThat(PersonalDataAccess.mayRead("admin-1", Set.of(ADMIN), "u-2")).isFalse();
    }

    @Test
    void onlyThePersonThemselfChangesTheirPreferences() {
        assertThat(PersonalDataAccess.mayChangePreferences("u-1", Set.of(PATIENT), "u-1")).isTrue();
        assertThat(PersonalDataAccess.mayChangePreferences("u-1", Set.of(PATIENT), "u-2")).isFalse();
        assertThat(PersonalDataAccess.mayChangePreferences("clinician-7", Set.of(CLINICIAN), "u-2")).isFalse();
        assertThat(PersonalDataAccess.mayChangePreferences("admin-1", Set.of(ADMIN), "u-2")).isFalse();
    }

    @Test
    void aMatchingSubjectWithoutThePatientRoleOrAnEmptySubjectIsNobody() {
        assertThat(PersonalDataAccess.mayRead("u-1", Set.of(), "u-1")).isFalse();
        assertThat(PersonalDataAccess.mayChangePreferences("u-1", Set.of("nurse"), "u-1")).isFalse();
        assertThat(PersonalDataAccess.mayRead(null, Set.of(PATIENT), null)).isFalse();
        assertThat(PersonalDataAccess.mayChangePreferences("", Set.of(PATIENT), "")).isFalse();
    }
}
