package org.openeps.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.openeps.domain.audit.AuditVerification.Problem;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class AuditVerificationTest {

    @Test
    void an_intact_chain_has_no_break() {
        AuditVerification intact = AuditVerification.intact(12);

        assertThat(intact.intact()).isTrue();
        assertThat(intact.recordsChecked()).isEqualTo(12);
        assertThat(intact.firstBrokenSequence()).isEmpty();
        assertThat(intact.problem()).isEmpty();
    }

    @Test
    void a_broken_chain_says_where_and_how() {
        assertThat(AuditVerification.altered(4, 5)).isEqualTo(
                new AuditVerification(false, 4, Optional.of(5L), Optional.of(Problem.ALTERED)));
        assertThat(AuditVerification.missing(6, 7)).isEqualTo(
                new AuditVerification(false, 6, Optional.of(7L), Optional.of(Problem.MISSING)));
    }

    @Test
    void an_inconsistent_verification_is_refused() {
        assertInvalid(() -> new AuditVerification(true, 1, Optional.of(1L), Optional.empty()));
        assertInvalid(() -> new AuditVerification(true, 1, Optional.empty(), Optional.of(Problem.MISSING)));
        assertInvalid(() -> new AuditVerification(false, 1, Optional.empty(), Optional.empty()));
        assertInvalid(() -> new AuditVerification(false, 1, Optional.of(2L), Optional.empty()));
        assertInvalid(() -> AuditVerification.intact(-1));
        assertInvalid(() -> AuditVerification.missing(0, 0));
    }

    private static void assertInvalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EpsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }
}
