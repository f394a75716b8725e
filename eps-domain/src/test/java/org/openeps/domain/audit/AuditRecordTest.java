package org.openeps.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.access.Action;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class AuditRecordTest {

    private static final Instant AT = Instant.parse("2026-03-04T10:11:12.123456789Z");

    @Test
    void the_time_is_kept_to_the_microsecond() {
        AuditRecord record = record(AT, "request-1", "OK");

        assertThat(record.at()).isEqualTo(Instant.parse("2026-03-04T10:11:12.123456Z"));
        assertThat(record).isEqualTo(record(Instant.parse("2026-03-04T10:11:12.123456001Z"), "request-1", "OK"));
    }

    @Test
    void a_time_before_1970_is_truncated_towards_the_past() {
        assertThat(record(Instant.parse("1969-12-31T23:59:59.999999999Z"), "request-1", "OK").at())
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    }

    @Test
    void the_outcome_of_a_refusal_is_the_error_code_name() {
        assertThat(AuditRecord.outcomeOf(ErrorCode.ACCESS_DENIED)).isEqualTo("ACCESS_DENIED");
        assertThat(AuditRecord.OK).isEqualTo("OK");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void a_missing_or_blank_request_id_or_outcome_is_refused(String blank) {
        assertMissing(() -> record(AT, blank, "OK"));
        assertMissing(() -> record(AT, "request-1", blank));
    }

    @Test
    void missing_time_action_caller_or_optionals_are_refused() {
        AuditWho who = AuditWho.anonymous();
        assertMissing(() -> new AuditRecord(null, "r", Action.DISPENSE, who, Optional.empty(), Optional.empty(), "OK"));
        assertMissing(() -> new AuditRecord(AT, "r", null, who, Optional.empty(), Optional.empty(), "OK"));
        assertMissing(() -> new AuditRecord(AT, "r", Action.DISPENSE, null, Optional.empty(), Optional.empty(), "OK"));
        assertMissing(() -> new AuditRecord(AT, "r", Action.DISPENSE, who, null, Optional.empty(), "OK"));
        assertMissing(() -> new AuditRecord(AT, "r", Action.DISPENSE, who, Optional.empty(), null, "OK"));
        assertMissing(() -> new AuditRecord(AT, "r", Action.DISPENSE, who, Optional.of(""), Optional.empty(), "OK"));
        assertMissing(() -> new AuditRecord(AT, "r", Action.DISPENSE, who, Optional.empty(), Optional.of(" "), "OK"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"request\0id", "request\uD800id"})
    void text_that_cannot_be_stored_is_refused(String text) {
        assertThatThrownBy(() -> record(AT, text, "OK"))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    private static AuditRecord record(Instant at, String requestId, String outcome) {
        return new AuditRecord(at, requestId, Action.READ_PRESCRIPTIONS, AuditWho.anonymous(), Optional.empty(),
                Optional.of("9449304130"), outcome);
    }

    private static void assertMissing(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EpsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }
}
