package org.openeps.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

class AuditWhoTest {

    @Test
    void a_user_is_recorded_with_user_role_profile_organisation_and_client() {
        Caller user = new Caller.User("555086689106", "555086718101", "R8000", Set.of("B0570"), new OdsCode("fa565"),
                "pharmacy-system");

        assertThat(AuditWho.of(user)).isEqualTo(new AuditWho("user", Optional.of("555086689106"),
                Optional.of("555086718101"), Optional.of("FA565"), Optional.of("pharmacy-system"), Optional.empty()));
    }

    @Test
    void an_application_is_recorded_with_its_client_only() {
        assertThat(AuditWho.of(new Caller.Application("robot"))).isEqualTo(new AuditWho("application",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("robot"), Optional.empty()));
    }

    @Test
    void a_patient_is_recorded_with_their_own_nhs_number_even_when_acting_for_someone_else() {
        Caller patient = new Caller.Patient(new NhsNumber("9449304130"), Optional.of(new NhsNumber("9434765919")),
                "nhs-app");

        assertThat(AuditWho.of(patient)).isEqualTo(new AuditWho("patient", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("nhs-app"), Optional.of("9449304130")));
    }

    @Test
    void an_administrator_is_recorded_with_their_user_id_and_no_client() {
        assertThat(AuditWho.of(new Caller.Administrator("admin-1"))).isEqualTo(new AuditWho("administrator",
                Optional.of("admin-1"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void an_anonymous_caller_has_no_identifiers() {
        AuditWho anonymous = AuditWho.anonymous();

        assertThat(anonymous.kind()).isEqualTo("anonymous");
        assertThat(anonymous.userId()).isEmpty();
        assertThat(anonymous.clientId()).isEmpty();
        assertThat(anonymous.patient()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"robot", "USER", "system"})
    void an_unknown_kind_is_refused(String kind) {
        assertThatThrownBy(() -> new AuditWho(kind, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void a_missing_kind_or_optional_or_a_blank_identifier_is_refused() {
        assertThatThrownBy(() -> new AuditWho(" ", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
        assertThatThrownBy(() -> new AuditWho("user", null, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
        assertThatThrownBy(() -> new AuditWho("user", Optional.of(""), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void an_identifier_that_cannot_be_stored_is_refused() {
        assertThatThrownBy(() -> new AuditWho("application", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("client\0"), Optional.empty()))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }
}
