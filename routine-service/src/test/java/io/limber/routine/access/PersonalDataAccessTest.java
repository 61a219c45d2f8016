package io.limber.routine.access;

import static io.limber.routine.access.PersonalDataAccess.ADMIN;
import static io.limber.routine.access.PersonalDataAccess.CLINICIAN;
import static io.limber.routine.access.PersonalDataAccess.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataAccessTest {

    @Test
    void aPatientReadsOnlyTheirOwnPlan() {
        assertThat(PersonalDataAccess.mayRead("u-1", Set.of(PATIENT), "u-1")).isTrue();
        assertThat(PersonalDataAccess.mayRead("u-1", Set.of(PATIENT), "u-2")).isFalse();
    }

    @Test
    void aClinicianReadsAnyonesPlan() {
        assertThat(PersonalDataAccess.mayRead("clinician-7", Set.of(CLINICIAN), "u-2")).isTrue();
    }

    @Test
    void anAdminDoesNotReadPlans() {
        assertThat(PersonalDataAccess.mayRead("admin-1", Set.of(ADMIN), "u-2")).isFalse();
        assertThat(PersonalDataAccess.mayRead("u-2", Set.of(ADMIN), "u-2")).as("admin whose subject matches").isFalse();
    }

    @Test
    void aSubjectThatMatchesIsNotEnoughWithoutThePatientRole() {
        assertThat(PersonalDataAccess.mayRead("u-1", Set.of(), "u-1")).isFalse();
        assertThat(PersonalDataAccess.mayErase("u-1", Set.of("nurse"), "u-1")).isFalse();
    }

    @Test
    void aMissingOrEmptySubjectIsNobody() {
        assertThat(PersonalDataAccess.mayRead(null, Set.of(PATIENT), null)).isFalse();
        assertThat(PersonalDataAccess.mayRead("", Set.of(PATIENT), "")).isFalse();
        assertThat(PersonalDataAccess.mayErase(null, Set.of(PATIENT), null)).isFalse();
    }

    @Test
    void erasureIsForThePersonThemselfOrAnAdmin() {
        assertThat(PersonalDataAccess.mayErase("u-1", Set.of(PATIENT), "u-1")).isTrue();
        assertThat(PersonalDataAccess.mayErase("u-1", Set.of(PATIENT), "u-2")).isFalse();
        assertThat(PersonalDataAccess.mayErase("admin-1", Set.of(ADMIN), "u-2")).isTrue();
        assertThat(PersonalDataAccess.mayErase("clinician-7", Set.of(CLINICIAN), "u-2")).isFalse();
    }
}
