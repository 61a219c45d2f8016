package io.limber.platform.access;

import static io.limber.platform.access.PersonalDataAccess.ADMIN;
import static io.limber.platform.access.PersonalDataAccess.CLINICIAN;
import static io.limber.platform.access.PersonalDataAccess.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataAccessTest {

    @Test
    void aPatientReadsOnlyTheirOwnData() {
        assertThat(PersonalDataAccess.mayRead("u-1", Set.of(PATIENT), "u-1")).isTrue();
        assertThat(PersonalDataAccess.mayRead("u-1", Set.of(PATIENT), "u-2")).isFalse();
    }

    @Test
    void aClinicianReadsAnyonesData() {
        assertThat(PersonalDataAccess.mayRead("clinician-7", Set.of(CLINICIAN), "u-1")).isTrue();
        assertThat(PersonalDataAccess.mayRead("clinician-7", Set.of(CLINICIAN), "u-2")).isTrue();
    }

    @Test
    void anAdminOrACallerWithoutRolesReadsNobodysData() {
        assertThat(PersonalDataAccess.mayRead("admin-1", Set.of(ADMIN), "u-2")).isFalse();
        assertThat(PersonalDataAccess.mayRead("u-2", Set.of(ADMIN), "u-2")).as("admin whose subject matches").isFalse();
        assertThat(PersonalDataAccess.mayRead("u-1", Set.of(), "u-1")).isFalse();
    }

    @Test
    void theSubjectMustMatchExactly() {
        assertThat(PersonalDataAccess.mayRead("ann", Set.of(PATIENT), "Ann")).isFalse();
        assertThat(PersonalDataAccess.mayRead("ann", Set.of(PATIENT), "ann ")).isFalse();
    }

    @Test
    void aMissingOrEmptySubjectIsNobody() {
        assertThat(PersonalDataAccess.mayRead(null, Set.of(PATIENT), null)).isFalse();
        assertThat(PersonalDataAccess.mayRead("", Set.of(PATIENT), "")).isFalse();
        assertThat(PersonalDataAccess.mayErase(null, Set.of(PATIENT), null)).isFalse();
        assertThat(PersonalDataAccess.isThemself("", Set.of(PATIENT), "")).isFalse();
    }

    @Test
    void erasureIsForThePersonThemselfOrAnAdmin() {
        assertThat(PersonalDataAccess.mayErase("u-1", Set.of(PATIENT), "u-1")).isTrue();
        assertThat(PersonalDataAccess.mayErase("u-1", Set.of(PATIENT), "u-2")).isFalse();
        assertThat(PersonalDataAccess.mayErase("admin-1", Set.of(ADMIN), "u-2")).isTrue();
        assertThat(PersonalDataAccess.mayErase("clinician-7", Set.of(CLINICIAN), "u-2")).isFalse();
        assertThat(PersonalDataAccess.mayErase("u-1", Set.of("nurse"), "u-1")).isFalse();
    }

    @Test
    void onlyThePatientThemselfIsThemself() {
        assertThat(PersonalDataAccess.isThemself("u-1", Set.of(PATIENT), "u-1")).isTrue();
        assertThat(PersonalDataAccess.isThemself("u-1", Set.of(PATIENT), "u-2")).isFalse();
        assertThat(PersonalDataAccess.isThemself("u-1", Set.of(CLINICIAN), "u-1")).isFalse();
        assertThat(PersonalDataAccess.isThemself("admin-1", Set.of(ADMIN), "admin-1")).isFalse();
        assertThat(PersonalDataAccess.isThemself("u-1", Set.of("nurse"), "u-1")).isFalse();
    }
}
