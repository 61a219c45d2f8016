package io.limber.session.access;

import static io.limber.session.access.PersonalDataAccess.ADMIN;
import static io.limber.session.access.PersonalDataAccess.CLINICIAN;
import static io.limber.session.access.PersonalDataAccess.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataAccessTest {

    @Test
    void aPatientReadsOnlyTheirOwnData() {
        assertThat(PersonalDataAccess.mayRead("ann", Set.of(PATIENT), "ann")).isTrue();
        assertThat(PersonalDataAccess.mayRead("ann", Set.of(PATIENT), "bob")).isFalse();
    }

    @Test
    void aClinicianReadsAnyonesData() {
        assertThat(PersonalDataAccess.mayRead("dr-lee", Set.of(CLINICIAN), "ann")).isTrue();
        assertThat(PersonalDataAccess.mayRead("dr-lee", Set.of(CLINICIAN), "bob")).isTrue();
    }

    @Test
    void anAdminOrACallerWithoutRolesReadsNobodysData() {
        assertThat(PersonalDataAccess.mayRead("root", Set.of(ADMIN), "ann")).isFalse();
        assertThat(PersonalDataAccess.mayRead("ann", Set.of(), "ann")).isFalse();
    }

    @Test
    void theSubjectMustMatchExactly() {
        assertThat(PersonalDataAccess.mayRead("ann", Set.of(PATIENT), "Ann")).isFalse();
        assertThat(PersonalDataAccess.mayRead("ann", Set.of(PATIENT), "ann ")).isFalse();
        assertThat(PersonalDataAccess.mayRead(null, Set.of(PATIENT), null)).isFalse();
        assertThat(PersonalDataAccess.mayRead("", Set.of(PATIENT), "")).isFalse();
    }

    @Test
    void onlyThePatientThemselfReportsTheirSessions() {
        assertThat(PersonalDataAccess.mayReport("ann", Set.of(PATIENT), "ann")).isTrue();
        assertThat(PersonalDataAccess.mayReport("ann", Set.of(PATIENT), "bob")).isFalse();
        assertThat(PersonalDataAccess.mayReport("ann", Set.of(CLINICIAN), "ann")).isFalse();
        assertThat(PersonalDataAccess.mayReport("root", Set.of(ADMIN), "root")).isFalse();
    }
}
