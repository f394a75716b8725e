package org.openeps.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class AuditQueryTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 1000})
    void a_limit_from_1_to_1000_is_accepted(int limit) {
        assertThat(AuditQuery.latest(limit).limit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1001, Integer.MAX_VALUE})
    void a_limit_outside_1_to_1000_is_refused(int limit) {
        assertThatThrownBy(() -> AuditQuery.byNhsNumber("9449304130", limit))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void criteria_are_stripped_and_blank_ones_are_not_searched_by() {
        AuditQuery query = new AuditQuery(Optional.of(" 9449304130 "), Optional.of("  "), 10);

        assertThat(query.nhsNumber()).contains("9449304130");
        assertThat(query.prescriptionId()).isEmpty();
    }

    @Test
    void missing_criteria_are_refused() {
        assertThatThrownBy(() -> new AuditQuery(null, Optional.empty(), 10))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
        assertThatThrownBy(() -> new AuditQuery(Optional.empty(), null, 10))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }
}
