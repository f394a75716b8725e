package org.openeps.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
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

    @Test
    void the_fingerprint_is_the_same_however_the_body_is_spaced() {
        String pretty = "{\n  \"resourceType\" : \"Bundle\",\r\n\t\"entry\": [ {\"id\": \"a\"} , 1.5 ]\n}\n";
        String compact = "{\"resourceType\":\"Bundle\",\"entry\":[{\"id\":\"a\"},1.5]}";

        assertThat(FhirJson.fingerprint(utf8(pretty))).isEqualTo(FhirJson.fingerprint(utf8(compact))).hasSize(64);
        assertThat(FhirJson.fingerprint(utf8("{\"text\": \"a\\\\\" , \"b\": 1}")))
                .as("whitespace after a string ending in an escaped backslash is between tokens")
                .isEqualTo(FhirJson.fingerprint(utf8("{\"text\":\"a\\\\\",\"b\":1}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"text\": \"a b\"}            | {\"text\": \"ab\"}",
            "{\"text\": \"a\\\" b\"}      | {\"text\": \"a\\\"b\"}",
            "{\"id\": \"a\"}                | {\"id\": \"b\"}"})
    void the_fingerprint_tells_apart_bodies_differing_inside_strings_or_in_content(String one, String other) {
        assertThat(FhirJson.fingerprint(utf8(one))).isNotEqualTo(FhirJson.fingerprint(utf8(other)));
    }

    @Test
    void strings_are_read_by_path_from_a_stored_object_without_other_values() {
        String stored = """
                {"resourceType": "Bundle", "entry": [{"id": "not this"}], "meta": {"id": "nor this"},
                 "identifier": {"system": "s", "value": "message-1"}, "id": "bundle-1", "type": {"value": 3}}
                """;

        assertThat(json.strings(stored, Set.of("id", "identifier.value", "type.value", "absent.value")))
                .containsOnly(Map.entry("id", "bundle-1"), Map.entry("identifier.value", "message-1"));
    }
}
