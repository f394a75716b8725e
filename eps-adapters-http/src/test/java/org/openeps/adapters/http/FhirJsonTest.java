package org.openeps.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class FhirJsonTest {

    private final FhirJson json = new FhirJson();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"resourceType\": \"Patient\", \"id\": \"a\\u0000\"}                        | at /id",
            "{\"name\": [{\"family\": \"Smith\"}, {\"family\": \"\\u0000Jones\"}]}        | at /name/1/family",
            "{\"entry\": [{\"resource\": {\"a/b~c\": [\"ok\", \"\\u0000\"]}}]}            | at /entry/0/resource/a~1b~0c/1",
            "{\"\\u0000\": 1}                                                              | in a property name of the body",
            "{\"entry\": [{\"x\\u0000y\": true}]}                                          | in a property name at /entry/0"})
    void a_body_holding_an_escaped_nul_in_any_string_or_name_is_refused_saying_where(String body, String where) {
        assertThatThrownBy(() -> json.parse(utf8(body)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessage("Text must not contain the NUL character; found " + where);
    }

    @Test
    void a_raw_nul_byte_is_not_json_at_all() {
        assertThatThrownBy(() -> json.parse(utf8("{\"id\": \"a\u0000\"}")))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessageStartingWith("The request body is not valid JSON");
    }

    @Test
    void other_control_characters_and_a_backslash_before_u0000_are_ordinary_text() {
        assertThat(json.parse(utf8("{\"text\": \"tab\\there\\u0001 and \\\\u0000\"}")).path("text").stringValue())
                .isEqualTo("tab\there\u0001 and \\u0000");
    }

    @Test
    void a_body_that_is_not_one_json_object_is_refused() {
        assertThatThrownBy(() -> json.parse(new byte[0]))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
        assertThatThrownBy(() -> json.parse(utf8("[\"\\u0000\"]")))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessage("The request body must be a JSON object (a FHIR resource)");
    }
}
