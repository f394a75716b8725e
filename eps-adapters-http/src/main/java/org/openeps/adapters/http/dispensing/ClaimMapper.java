package org.openeps.adapters.http.dispensing;

import static org.openeps.adapters.http.fhir.FhirNodes.array;
import static org.openeps.adapters.http.fhir.FhirNodes.extension;
import static org.openeps.adapters.http.fhir.FhirNodes.identifier;
import static org.openeps.adapters.http.fhir.FhirNodes.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.openeps.adapters.http.fhir.FhirNodes;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.application.dispensing.ClaimPrescriptionUseCase.ClaimCommand;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads a FHIR Claim ({@code POST /FHIR/R4/Claim}) into a {@link ClaimCommand}.
 *
 * <ul>
 *   <li>The prescription is the {@code shortForm} of the {@code Extension-DM-GroupIdentifier} extension on
 *       {@code Claim.prescription} (where the published examples carry it), else on the claim's item.</li>
 *   <li>The dispenser is the organisation of the {@code provider}, a contained PractitionerRole whose
 *       {@code organization} refers to a contained Organization (else {@code payee.party}, else the provider's own
 *       identifier).</li>
 *   <li>The person claiming is the {@code sds-user-id} identifier of {@code Claim.extension:Extension-Provenance-agent}'s
 *       {@code valueReference}; when that names none (the homecare examples give an SDS role profile ID there), the
 *       {@code sds-user-id} identifier of the provider's {@code practitioner}.</li>
 *   <li>The claim's ID is {@code Claim.identifier} (system rfc4122, else the first identifier); a claim amend carries
 *       {@code Claim.extension:replacementOf}, whose {@code valueIdentifier.value} is the ID of the claim it replaces.</li>
 *   <li>Exactly one {@code insurance}, whose {@code coverage.identifier.value} is {@code T1450} (NHSBSA) or
 *       {@code RQFZ1} (NWSSP).</li>
 *   <li>Every {@code item.detail} must carry an endorsement: a {@code programCode} coding of system
 *       {@code medicationdispense-endorsement}; otherwise "The claim is missing the required endorsement code.".</li>
 *   <li>The eRD issue comes from {@code Extension-EPS-RepeatInformation} on the items or their details (issue =
 *       {@code numberOfRepeatsIssued} + 1); all of them must name the same issue.</li>
 * </ul>
 */
public final class ClaimMapper {

    private static final Set<String> PAYERS = Set.of("T1450", "RQFZ1");
    private static final String GROUP_IDENTIFIER = "Extension-DM-GroupIdentifier";
    private static final String PROVENANCE_AGENT = "Extension-Provenance-agent";

    /** Reads and checks the Claim. */
    public ClaimCommand toCommand(JsonNode claim) {
        DispensingFhir.requireResourceType(claim, "Claim");
        List<JsonNode> items = array(claim, "Claim.item", "item");
        EpsException.require(!items.isEmpty(), ErrorCode.MISSING_VALUE, "Claim.item is required");

        List<JsonNode> insurances = array(claim, "Claim.insurance", "insurance");
        EpsException.require(insurances.size() == 1, ErrorCode.INVALID_VALUE,
                "Claim.insurance must name exactly one payer: T1450 (NHSBSA) or RQFZ1 (NWSSP)");
        String payer = FhirNodes.requiredString(insurances.get(0), "Claim.insurance.coverage.identifier.value",
                "coverage", "identifier", "value");
        DispensingFhir.oneOf(payer.toUpperCase(Locale.ROOT), PAYERS, "Claim.insurance.coverage.identifier.value");

        List<Integer> issues = new ArrayList<>();
        for (JsonNode item : items) {
            repeatIssue(item, "Claim.item").ifPresent(issues::add);
            List<JsonNode> details = array(item, "Claim.item.detail", "detail");
            EpsException.require(!details.isEmpty(), ErrorCode.MISSING_VALUE, "Claim.item.detail is required");
            for (JsonNode detail : details) {
                boolean endorsed = array(detail, "Claim.item.detail.programCode", "programCode").stream()
                        .flatMap(concept -> array(concept, "Claim.item.detail.programCode.coding", "coding").stream())
                        .anyMatch(coding -> string(coding, "Claim.item.detail.programCode.coding.system", "system")
                                .filter(DispensingFhir.ENDORSEMENT::equals).isPresent()
                                && string(coding, "Claim.item.detail.programCode.coding.code", "code").isPresent());
                EpsException.require(endorsed, ErrorCode.INVALID_VALUE, "The claim is missing the required endorsement code.");
                repeatIssue(detail, "Claim.item.detail").ifPresent(issues::add);
            }
        }
        EpsException.require(issues.stream().distinct().count() <= 1, ErrorCode.INVALID_VALUE,
                "Expected all items of the claim to have the same value for extension:repeatInformation");
        OptionalInt issueNumber = issues.isEmpty() ? OptionalInt.empty() : OptionalInt.of(issues.get(0));

        String claimId = identifier(claim, "Claim", FhirSystems.MESSAGE_ID)
                .or(() -> array(claim, "Claim.identifier", "identifier").stream().findFirst()
                        .flatMap(first -> string(first, "Claim.identifier.value", "value")))
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "Claim.identifier is required"));
        return new ClaimCommand(dispenser(claim), person(claim), prescriptionId(claim, items), claimId,
                DispensingFhir.replacementOf(claim, "Claim"), issueNumber);
    }

    private static OdsCode dispenser(JsonNode claim) {
        return OdsCode.parse(DispensingFhir.organisationOfContainedRole(claim, claim.path("provider"), "Claim.provider")
                .or(() -> DispensingFhir.contained(claim, claim.path("payee").path("party"), "Claim.payee.party")
                        .flatMap(party -> DispensingFhir.odsCode(party, "Claim.payee.party")))
                .or(() -> DispensingFhir.odsIdentifier(claim.path("provider"), "Claim.provider"))
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "The dispensing organisation's ODS code is required: Claim.provider's organisation")));
    }

    private static Optional<String> person(JsonNode claim) {
        return extension(claim, "Claim", PROVENANCE_AGENT)
                .flatMap(agent -> identifier(agent.path("valueReference"),
                        "Claim.extension:Extension-Provenance-agent.valueReference", FhirSystems.SDS_USER_ID))
                .or(() -> DispensingFhir.personOfContainedRole(claim, claim.path("provider"), "Claim.provider"));
    }

    private static PrescriptionId prescriptionId(JsonNode claim, List<JsonNode> items) {
        Optional<JsonNode> groupIdentifier = extension(claim.path("prescription"), "Claim.prescription", GROUP_IDENTIFIER);
        for (JsonNode item : items) {
            groupIdentifier = groupIdentifier.or(() -> extension(item, "Claim.item", GROUP_IDENTIFIER));
        }
        JsonNode shortForm = groupIdentifier
                .flatMap(ext -> extension(ext, "Claim.prescription.extension:groupIdentifier", "shortForm"))
                .map(ext -> ext.path("valueIdentifier"))
                .orElse(MissingNode.getInstance());
        EpsException.require(shortForm.isObject(), ErrorCode.MISSING_VALUE,
                "Claim.prescription.extension:groupIdentifier.extension:shortForm.valueIdentifier is required");
        return DispensingFhir.prescriptionId(shortForm, "Claim.prescription.extension:groupIdentifier.shortForm");
    }

    private static OptionalInt repeatIssue(JsonNode element, String where) {
        return extension(element, where, DispensingFhir.REPEAT_INFORMATION)
                .map(repeat -> DispensingFhir.issueNumber(repeat, where + ".extension:repeatInformation"))
                .orElse(OptionalInt.empty());
    }
}
