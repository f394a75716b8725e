package org.openeps.adapters.http.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.http.FhirJson;
import org.openeps.application.nomination.ChangeNominationsUseCase.NominationRequest;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PatientMapperTest {

    private static final NhsNumber PATIENT = new NhsNumber("9449304130");
    private static final String PHARMACY = NominationExtension.NOMINATED_PHARMACY.url();

    private final PatientMapper mapper = new PatientMapper();
    private final FhirJson json = new FhirJson();

    @Test
    void each_site_type_has_its_own_extension() {
        assertThat(NominationExtension.values()).extracting(NominationExtension::siteType).containsExactly(
                DispensingSiteType.PHARMACY, DispensingSiteType.APPLIANCE_CONTRACTOR,
                DispensingSiteType.DISPENSING_DOCTOR);
    }

    @Test
    void the_patient_shows_each_nomination_as_its_extension_with_the_ods_code() {
        Nominations nominations = Nominations.rehydrate(PATIENT, Map.of(
                DispensingSiteType.PHARMACY, new OdsCode("FA565"),
                DispensingSiteType.DISPENSING_DOCTOR, new OdsCode("Z99901")), 4);

        ObjectNode patient = mapper.patient(nominations);

        assertThat(patient.path("meta").path("versionId").asString()).isEqualTo("4");
        assertThat(patient.path("extension").size()).isEqualTo(2);
        assertThat(patient.path("extension").get(0).path("url").asString()).isEqualTo(PHARMACY);
        assertThat(patient.path("extension").get(0).path("valueReference").path("identifier").path("value").asString())
                .isEqualTo("FA565");
        assertThat(patient.path("extension").get(1).path("url").asString())
                .isEqualTo(NominationExtension.PREFERRED_DISPENSER_ORGANIZATION.url());
    }

    @Test
    void a_patched_patient_gives_the_changes_to_make() {
        Nominations current = Nominations.rehydrate(PATIENT, Map.of(DispensingSiteType.PHARMACY, new OdsCode("FA565"),
                DispensingSiteType.APPLIANCE_CONTRACTOR, new OdsCode("FZ002")), 1);
        ObjectNode original = mapper.patient(current);
        String patched = JsonPatches.apply(text(original), """
                [{"op": "replace", "path": "/extension/0/valueReference/identifier/value", "value": "FCG71"},
                 {"op": "remove", "path": "/extension/1"}]""");

        assertThat(mapper.changes(original, parse(patched), current)).containsExactly(
                NominationRequest.nominate(DispensingSiteType.PHARMACY, new OdsCode("FCG71")),
                NominationRequest.remove(DispensingSiteType.APPLIANCE_CONTRACTOR));
    }

    @Test
    void changing_anything_else_or_a_malformed_extension_is_refused() {
        Nominations current = Nominations.none(PATIENT);
        ObjectNode original = mapper.patient(current);

        assertInvalid(original, current, "[{\"op\": \"add\", \"path\": \"/active\", \"value\": true}]");
        assertInvalid(original, current, """
                [{"op": "add", "path": "/extension", "value": [{"url": "%s", "valueReference": {"identifier": \
                {"system": "https://example.org/other", "value": "FA565"}}}]}]""".formatted(PHARMACY));
        assertThatThrownBy(() -> JsonPatches.apply(text(original), "[]"))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
        assertThatThrownBy(() -> JsonPatches.apply(text(original), "[{\"op\": \"remove\", \"path\": \"/nothing\"}]"))
                .isInstanceOf(EpsException.class);
    }

    @Test
    void a_patch_holding_an_escaped_nul_anywhere_is_refused() {
        String original = text(mapper.patient(Nominations.none(PATIENT)));

        for (String patch : new String[] {
                "[{\"op\": \"add\", \"path\": \"/id\", \"value\": \"a\\u0000b\"}]",
                "[{\"op\": \"test\", \"path\": \"/x\\u0000\", \"value\": 1}]",
                "[{\"op\": \"add\", \"path\": \"/meta\", \"value\": {\"\\u0000\": 1}}]"}) {
            assertThatThrownBy(() -> JsonPatches.apply(original, patch)).as(patch)
                    .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                    .hasMessage("Text must not contain the NUL character; found in the JSON Patch");
        }
    }

    @Test
    void a_patch_that_removes_every_nomination_removes_each_one() {
        Nominations current = Nominations.rehydrate(PATIENT, Map.of(DispensingSiteType.PHARMACY, new OdsCode("FA565")), 2);
        ObjectNode original = mapper.patient(current);

        assertThat(mapper.changes(original, parse(JsonPatches.apply(text(original),
                "[{\"op\": \"remove\", \"path\": \"/extension\"}]")), current))
                .containsExactly(new NominationRequest(DispensingSiteType.PHARMACY, Optional.empty()));
    }

    private void assertInvalid(ObjectNode original, Nominations current, String patch) {
        assertThatThrownBy(() -> mapper.changes(original, parse(JsonPatches.apply(text(original), patch)), current))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    private String text(JsonNode node) {
        return new String(json.write(node), java.nio.charset.StandardCharsets.UTF_8);
    }

    private JsonNode parse(String text) {
        return json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
