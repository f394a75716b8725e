package org.openeps.adapters.http.dispensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openeps.adapters.http.ExampleFiles;
import org.openeps.application.dispensing.ClaimPrescriptionUseCase.ClaimCommand;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ClaimMapperTest {

    private final ClaimMapper mapper = new ClaimMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
                        // The homecare claims' Provenance agent names an SDS role profile, not a user: the person is the provider's.
            "claim/homecare-acute-claim-req.json,      A0548B-A99968-451485, a2c05ec6-4292-4568-8200-bfac8439da04, -, 0, 3415870201",
            "claim/homecare-claim-amend-req.json,      40E709-A99968-280C0X, 6f660dae-860b-45ee-bc36-9b3d75e7c237, 2eefcd5d-a734-4366-add1-56a82fa2bd5a, 0, 3415870201",
            "claim/homecare-claim-req.json,            40E709-A99968-280C0X, 2eefcd5d-a734-4366-add1-56a82fa2bd5a, -, 0, 3415870201",
            "claim/primary-acute-claim-req.json,       24F5DA-A83008-7EFE6Z, 737dcf8d-fc7a-436d-b692-7d3c4f258083, -, 0, 7654321",
            // numberOfRepeatsIssued 2 (issues before this one): issue 3.
            "claim/primary-erd-claim-req.json,         24F5DA-A83008-7EFE6Z, 737dcf8d-fc7a-436d-b692-7d3c4f258083, -, 3, 7654321",
            "claim/primary-repeat-claim-req.json,      24F5DA-A83008-7EFE6Z, 737dcf8d-fc7a-436d-b692-7d3c4f258083, -, 3, 7654321",
            "claim/secondary-erd-1item-claim-req.json, B407F7-A99968-4DB2AU, 737dcf8d-fc7a-436d-b692-7d3c4f258083, -, 1, 7654321"})
    void every_published_claim_is_read(String file, String prescriptionId, String claimId, String replaces, int issue,
                                       String person) {
        ClaimCommand command = mapper.toCommand(ExampleFiles.json(file));

        assertThat(command.dispenser()).isEqualTo(new OdsCode("VNE51"));
        assertThat(command.prescriptionId()).isEqualTo(PrescriptionId.parse(prescriptionId));
        assertThat(command.claimId()).isEqualTo(claimId);
        assertThat(command.replaces()).isEqualTo(Optional.ofNullable(replaces));
        assertThat(command.issueNumber()).isEqualTo(issue == 0 ? OptionalInt.empty() : OptionalInt.of(issue));
        assertThat(command.person()).contains(person);
    }

    @Test
    void the_provenance_agent_names_the_person_before_the_provider_does() {
        ObjectNode claim = claim();
        ((ObjectNode) provenanceAgent(claim).get("valueReference").get("identifier")).put("value", "555086689106");
        assertThat(mapper.toCommand(claim).person()).contains("555086689106");

        ObjectNode withoutAgent = claim();
        ((ArrayNode) withoutAgent.get("extension")).removeAll();
        assertThat(mapper.toCommand(withoutAgent).person()).contains("7654321");

        ObjectNode nobody = claim();
        ((ArrayNode) nobody.get("extension")).removeAll();
        ((ObjectNode) nobody.get("contained").get(0)).remove("practitioner");
        assertThat(mapper.toCommand(nobody).person()).isEmpty();
    }

    @Test
    void the_table_covers_every_claim_of_the_corpus() {
        List<String> claims = ExampleFiles.requests("claim").stream()
                .filter(name -> name.endsWith("claim-req.json") || name.endsWith("claim-amend-req.json"))
                .toList();

        assertThat(claims).containsExactlyInAnyOrder("claim/homecare-acute-claim-req.json",
                "claim/homecare-claim-amend-req.json", "claim/homecare-claim-req.json", "claim/primary-acute-claim-req.json",
                "claim/primary-erd-claim-req.json", "claim/primary-repeat-claim-req.json",
                "claim/secondary-erd-1item-claim-req.json");
    }

    @Test
    void a_detail_without_an_endorsement_is_refused() {
        assertThatThrownBy(() -> mapper.toCommand(ExampleFiles.json("errors/claim-missing-endorsement-req.json")))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessage("The claim is missing the required endorsement code.");
    }

    @Test
    void exactly_one_insurance_is_required() {
        ObjectNode twice = claim();
        ArrayNode insurance = (ArrayNode) twice.get("insurance");
        insurance.add(insurance.get(0).deepCopy());
        assertThatThrownBy(() -> mapper.toCommand(twice))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));

        ObjectNode none = claim();
        none.remove("insurance");
        assertThatThrownBy(() -> mapper.toCommand(none))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void the_payer_is_the_nhsbsa_or_nwssp() {
        ObjectNode wales = claim();
        coverage(wales).put("value", "RQFZ1");
        assertThat(mapper.toCommand(wales).claimId()).isEqualTo("737dcf8d-fc7a-436d-b692-7d3c4f258083");

        ObjectNode other = claim();
        coverage(other).put("value", "A83008");
        assertThatThrownBy(() -> mapper.toCommand(other))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void the_prescription_is_required() {
        ObjectNode claim = claim();
        claim.remove("prescription");

        assertThatThrownBy(() -> mapper.toCommand(claim))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void the_prescription_may_be_named_on_the_item() {
        ObjectNode claim = claim();
        JsonNode groupIdentifier = claim.get("prescription").get("extension").get(0);
        claim.remove("prescription");
        ((ArrayNode) claim.get("item").get(0).get("extension")).add(groupIdentifier);

        assertThat(mapper.toCommand(claim).prescriptionId()).isEqualTo(PrescriptionId.parse("24F5DA-A83008-7EFE6Z"));
    }

    @Test
    void items_naming_different_issues_are_refused() {
        ObjectNode claim = (ObjectNode) ExampleFiles.json("claim/primary-erd-claim-req.json");
        ObjectNode detail = (ObjectNode) claim.get("item").get(0).get("detail").get(1);
        ((ObjectNode) detail.get("extension").get(2).get("extension").get(1)).put("valueInteger", 3);

        assertThatThrownBy(() -> mapper.toCommand(claim))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void a_body_that_is_not_a_claim_is_refused() {
        assertThatThrownBy(() -> mapper.toCommand(ExampleFiles.json("return/primary-acute-return-req.json")))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessage("Incorrect FHIR resource type. Expected Claim.");
    }

    private static ObjectNode claim() {
        return (ObjectNode) ExampleFiles.json("claim/primary-acute-claim-req.json");
    }

    private static ObjectNode provenanceAgent(ObjectNode claim) {
        for (JsonNode extension : claim.get("extension")) {
            if (extension.path("url").asString().endsWith("/Extension-Provenance-agent")) {
                return (ObjectNode) extension;
            }
        }
        throw new AssertionError("No Provenance agent");
    }

    private static ObjectNode coverage(ObjectNode claim) {
        return (ObjectNode) claim.get("insurance").get(0).get("coverage").get("identifier");
    }
}
