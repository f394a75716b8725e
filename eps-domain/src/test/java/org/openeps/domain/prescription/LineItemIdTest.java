package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class LineItemIdTest {

    @Test
    void uuid_is_accepted_and_stored_lower_cased() {
        assertThat(LineItemId.parse("a54219b8-f741-4c47-b662-e4f8dfa49ab6").value())
                .isEqualTo("a54219b8-f741-4c47-b662-e4f8dfa49ab6");
        assertThat(LineItemId.parse(" A54219B8-F741-4C47-B662-E4F8DFA49AB6 "))
                .isEqualTo(new LineItemId("a54219b8-f741-4c47-b662-e4f8dfa49ab6"))
                .hasToString("a54219b8-f741-4c47-b662-e4f8dfa49ab6");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a54219b8-f741-4c47-b662-e4f8dfa49ab",
        "a54219b8-f741-4c47-b662-e4f8dfa49ab6X",
        "a54219b8f7414c47b662e4f8dfa49ab6",
        "z54219b8-f741-4c47-b662-e4f8dfa49ab6",
        "1-1-1-1-1",
        "24F5DA-A83008-7EFE6Z"
    })
    void value_that_is_not_a_uuid_is_rejected(String raw) {
        assertThatThrownBy(() -> LineItemId.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missing_line_item_id_is_rejected(String raw) {
        assertThatThrownBy(() -> LineItemId.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }
}
