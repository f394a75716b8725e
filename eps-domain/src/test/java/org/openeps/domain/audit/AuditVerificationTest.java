package org.openeps.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.openeps.domain.audit.AuditVerification.Break;
import org.openeps.domain.audit.AuditVerification.Problem;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class AuditVerificationTest {

    @Test
    void an_intact_trail_has_no_break() {
        AuditVerification intact = AuditVerification.intact(12);

        assertThat(intact.intact()).isTrue();
        assertThat(intact.recordsChecked()).isEqualTo(12);
        assertThat(intact.breaks()).isEmpty();
        assertThat(intact.firstBreak()).isEmpty();
    }

    @Test
    void a_broken_chain_says_which_where_and_how() {
        assertThat(AuditVerification.altered(4, 3, 5)).isEqualTo(
                new AuditVerification(4, List.of(new Break(3, 5, Problem.ALTERED))));
        assertThat(AuditVerification.missing(6, 16, 7)).isEqualTo(
                new AuditVerification(6, List.of(new Break(16, 7, Problem.MISSING))));
        assertThat(AuditVerification.missing(6, 16, 7).intact()).isFalse();
    }

    @Test
    void the_chains_verifications_add_up_and_keep_each_chains_first_break_in_chain_order() {
        AuditVerification all = AuditVerification.of(List.of(AuditVerification.intact(10),
                AuditVerification.missing(4, 9, 5), AuditVerification.altered(2, 3, 3), AuditVerification.intact(0)));

        assertThat(all.recordsChecked()).isEqualTo(16);
        assertThat(all.intact()).isFalse();
        assertThat(all.breaks()).containsExactly(new Break(3, 3, Problem.ALTERED), new Break(9, 5, Problem.MISSING));
        assertThat(all.firstBreak()).contains(new Break(3, 3, Problem.ALTERED));
        assertThat(AuditVerification.of(List.of(AuditVerification.intact(1), AuditVerification.intact(2))))
                .isEqualTo(AuditVerification.intact(3));
    }

    @Test
    void an_inconsistent_verification_is_refused() {
        assertInvalid(() -> AuditVerification.intact(-1));
        assertInvalid(() -> AuditVerification.missing(0, 1, 0));
        assertInvalid(() -> AuditVerification.missing(0, 0, 1));
        assertInvalid(() -> AuditVerification.altered(0, AuditChain.CHAINS + 1, 1));
        assertInvalid(() -> new AuditVerification(0, List.of(new Break(2, 1, Problem.ALTERED),
                new Break(2, 3, Problem.MISSING))));
        assertThatThrownBy(() -> new Break(1, 1, null)).isInstanceOfSatisfying(EpsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    private static void assertInvalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EpsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }
}
