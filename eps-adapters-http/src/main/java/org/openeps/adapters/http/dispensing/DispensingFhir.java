package org.openeps.adapters.http.dispensing;

import static org.openeps.adapters.http.fhir.FhirNodes.array;
import static org.openeps.adapters.http.fhir.FhirNodes.identifier;
import static org.openeps.adapters.http.fhir.FhirNodes.string;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.openeps.adapters.http.fhir.FhirNodes;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import tools.jackson.databind.JsonNode;

/** Readers the dispensing messages share: contained resources, organisations, codings and repeat information. */
final class DispensingFhir {

    static final String MEDICATION_DISPENSE_TYPE = "https://fhir.nhs.uk/CodeSystem/medicationdispense-type";
    static final String RETURN_REASON = "https://fhir.nhs.uk/CodeSystem/EPS-task-dispense-return-status-reason";
    static final String WITHDRAW_REASON = "https://fhir.nhs.uk/CodeSystem/EPS-task-dispense-withdraw-reason";
    static final String ENDORSEMENT = "https://fhir.nhs.uk/CodeSystem/medicationdispense-endorsement";
    static final String REPEAT_INFORMATION = "Extension-EPS-RepeatInformation";
    static final String REPLACEMENT_OF = "Extension-replacementOf";

    private DispensingFhir() {
    }

    /** The resource type of {@code resource}, checked: a body of another type is refused. */
    static void requireResourceType(JsonNode resource, String resourceType) {
        EpsException.require(resource.isObject()
                        && resourceType.equals(string(resource, "resourceType", "resourceType").orElse("")),
                ErrorCode.INVALID_VALUE, "Incorrect FHIR resource type. Expected " + resourceType + ".");
    }

    /** The resource in {@code resource.contained} that a local reference ({@code #id}) at {@code referenceHolder} names. */
    static Optional<JsonNode> contained(JsonNode resource, JsonNode referenceHolder, String where) {
        Optional<String> reference = string(referenceHolder, where + ".reference", "reference");
        if (reference.isEmpty() || !reference.get().startsWith("#")) {
            return Optional.empty();
        }
        String id = reference.get().substring(1);
        for (JsonNode candidate : array(resource, "contained", "contained")) {
            if (string(candidate, "contained.id", "id").filter(id::equals).isPresent()) {
                return Optional.of(candidate);
            }
        }
        throw new EpsException(ErrorCode.INVALID_VALUE, where + " refers to " + reference.get()
                + ", which is not a contained resource");
    }

    /** The ODS code in an Organization's identifiers. */
    static Optional<String> odsCode(JsonNode organisation, String where) {
        return identifier(organisation, where, FhirSystems.ODS_ORGANISATION_CODE);
    }

    /** The ODS code a reference names directly ({@code reference.identifier}), when its system is the ODS one or absent. */
    static Optional<String> odsIdentifier(JsonNode referenceHolder, String where) {
        Optional<String> system = string(referenceHolder, where + ".identifier.system", "identifier", "system");
        if (system.isPresent() && !system.get().equals(FhirSystems.ODS_ORGANISATION_CODE)) {
            return Optional.empty();
        }
        return string(referenceHolder, where + ".identifier.value", "identifier", "value");
    }

    /**
     * The dispensing organisation of a Task or Claim: the organisation of the PractitionerRole contained and referred to
     * at {@code roleReference} (the person acting works for it), read from the contained Organization it refers to or
     * from that reference's own identifier.
     */
    static Optional<String> organisationOfContainedRole(JsonNode resource, JsonNode roleReference, String where) {
        Optional<JsonNode> role = contained(resource, roleReference, where);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        requireResourceType(role.get(), "PractitionerRole", where);
        JsonNode organisation = role.get().path("organization");
        return contained(resource, organisation, where + ".organization")
                .flatMap(org -> odsCode(org, "Organization"))
                .or(() -> odsIdentifier(organisation, where + ".organization"));
    }

    /**
     * The person acting in a Task or Claim: the SDS user ID of the practitioner of the PractitionerRole contained and
     * referred to at {@code roleReference}, when there is such a role and it names one.
     */
    static Optional<String> personOfContainedRole(JsonNode resource, JsonNode roleReference, String where) {
        return contained(resource, roleReference, where)
                .filter(role -> role.path("resourceType").asString("").equals("PractitionerRole"))
                .flatMap(role -> sdsUserId(role, where, practitioner ->
                        contained(resource, practitioner, where + ".practitioner")));
    }

    /**
     * The SDS user ID of the person a PractitionerRole stands for: the {@code sds-user-id} identifier of its
     * {@code practitioner} reference (where the published examples carry it), else that of the Practitioner the
     * reference points to, which {@code resolve} finds. Empty when neither names one.
     */
    static Optional<String> sdsUserId(JsonNode role, String where, Function<JsonNode, Optional<JsonNode>> resolve) {
        JsonNode practitioner = role.path("practitioner");
        return identifier(practitioner, where + ".practitioner", FhirSystems.SDS_USER_ID)
                .or(() -> resolve.apply(practitioner)
                        .filter(found -> found.path("resourceType").asString("").equals("Practitioner"))
                        .flatMap(found -> identifier(found, where + ".practitioner", FhirSystems.SDS_USER_ID)));
    }

    /** Like {@link #requireResourceType(JsonNode, String)} for a referenced resource. */
    static void requireResourceType(JsonNode resource, String resourceType, String where) {
        EpsException.require(resourceType.equals(resource.path("resourceType").asString("")), ErrorCode.INVALID_VALUE,
                where + " must refer to a " + resourceType);
    }

    /** A short-form prescription ID from an Identifier: its system, when given, must be the prescription order number. */
    static PrescriptionId prescriptionId(JsonNode identifier, String where) {
        string(identifier, where + ".system", "system").ifPresent(system -> EpsException.require(
                system.equals(FhirSystems.PRESCRIPTION_ORDER_NUMBER), ErrorCode.INVALID_VALUE,
                where + ".system must be " + FhirSystems.PRESCRIPTION_ORDER_NUMBER));
        return PrescriptionId.parse(FhirNodes.requiredString(identifier, where + ".value", "value"));
    }

    /**
     * The code of the coding with {@code system} in the CodeableConcept at {@code concept}, if the concept is there; a
     * concept that has codings but none of this system is refused.
     */
    static Optional<String> codeOfSystem(JsonNode concept, String where, String system) {
        if (concept.isMissingNode() || concept.isNull()) {
            return Optional.empty();
        }
        List<JsonNode> codings = array(concept, where + ".coding", "coding");
        for (JsonNode coding : codings) {
            if (string(coding, where + ".coding.system", "system").filter(system::equals).isPresent()) {
                return Optional.of(FhirNodes.requiredString(coding, where + ".coding.code", "code"));
            }
        }
        EpsException.require(codings.isEmpty(), ErrorCode.INVALID_VALUE, where + " must have a coding with system " + system);
        return Optional.empty();
    }

    /** A code that must be one of {@code allowed}. */
    static String oneOf(String code, Set<String> allowed, String where) {
        EpsException.require(allowed.contains(code), ErrorCode.INVALID_VALUE,
                where + " '" + code + "' is not one of " + allowed.stream().sorted().toList());
        return code;
    }

    /**
     * The eRD issue an {@code Extension-EPS-RepeatInformation} extension names: {@code numberOfRepeatsIssued} counts the
     * issues before this one (0 for the first issue), so the issue is that plus one. Empty when the extension does not
     * say how many were issued.
     */
    static OptionalInt issueNumber(JsonNode repeatInformation, String where) {
        for (JsonNode part : array(repeatInformation, where + ".extension", "extension")) {
            if (string(part, where + ".extension.url", "url").filter("numberOfRepeatsIssued"::equals).isEmpty()) {
                continue;
            }
            JsonNode value = part.has("valueUnsignedInt") ? part.path("valueUnsignedInt")
                    : part.has("valueInteger") ? part.path("valueInteger") : part.path("valuePositiveInt");
            EpsException.require(value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0,
                    ErrorCode.INVALID_VALUE, where + ".numberOfRepeatsIssued must be a whole number, 0 or more");
            return OptionalInt.of(value.intValue() + 1);
        }
        return OptionalInt.empty();
    }

    /** The value of an {@code Extension-replacementOf} extension on {@code resource}: the identifier of what it replaces. */
    static Optional<String> replacementOf(JsonNode resource, String where) {
        return FhirNodes.extension(resource, where, REPLACEMENT_OF).map(extension -> FhirNodes.requiredString(extension,
                where + ".extension:replacementOf.valueIdentifier.value", "valueIdentifier", "value"));
    }
}
