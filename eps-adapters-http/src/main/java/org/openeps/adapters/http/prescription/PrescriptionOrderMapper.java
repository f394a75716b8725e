package org.openeps.adapters.http.prescription;

import static org.openeps.adapters.http.fhir.FhirNodes.array;
import static org.openeps.adapters.http.fhir.FhirNodes.code;
import static org.openeps.adapters.http.fhir.FhirNodes.extension;
import static org.openeps.adapters.http.fhir.FhirNodes.identifier;
import static org.openeps.adapters.http.fhir.FhirNodes.object;
import static org.openeps.adapters.http.fhir.FhirNodes.requiredString;
import static org.openeps.adapters.http.fhir.FhirNodes.string;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openeps.adapters.http.fhir.FhirDates;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.domain.prescription.CourseOfTherapy;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.prescription.LineItem;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.LongFormPrescriptionId;
import org.openeps.domain.prescription.Medication;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescriber;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionType;
import org.openeps.domain.prescription.Quantity;
import org.openeps.domain.prescription.TreatmentType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads a {@code prescription-order} message into a {@link PrescriptionOrder}, checking what the EPS FHIR API
 * checks of its structure: the MedicationRequests agree on everything that describes the prescription as a whole,
 * each names its medication one way, several dosage lines are sequenced, and repeat dispensing carries its fields.
 */
public final class PrescriptionOrderMapper {

    private static final Set<String> INTENTS = Set.of("order", "original-order", "instance-order");

    /** Parts of a MedicationRequest that describe the whole prescription, so every item must carry the same. */
    private static final List<SharedField> SHARED_FIELDS = List.of(
            new SharedField("MedicationRequest.groupIdentifier", request -> request.path("groupIdentifier")),
            new SharedField("MedicationRequest.subject", request -> request.path("subject")),
            new SharedField("MedicationRequest.requester", request -> request.path("requester")),
            new SharedField("MedicationRequest.authoredOn", request -> request.path("authoredOn")),
            new SharedField("MedicationRequest.category", request -> request.path("category")),
            new SharedField("MedicationRequest.substitution", request -> request.path("substitution")),
            new SharedField("MedicationRequest.extension:prescriptionType",
                    request -> extension(request, "MedicationRequest", "Extension-DM-PrescriptionType")
                            .map(ext -> ext.path("valueCoding").path("code")).orElse(MissingNode.getInstance())),
            new SharedField("MedicationRequest.dispenseRequest.performer",
                    request -> request.path("dispenseRequest").path("performer")),
            new SharedField("MedicationRequest.dispenseRequest.validityPeriod",
                    request -> request.path("dispenseRequest").path("validityPeriod")),
            new SharedField("MedicationRequest.dispenseRequest.numberOfRepeatsAllowed",
                    request -> request.path("dispenseRequest").path("numberOfRepeatsAllowed")),
            new SharedField("MedicationRequest.dispenseRequest.extension:performerSiteType",
                    request -> extension(request.path("dispenseRequest"), "MedicationRequest.dispenseRequest",
                            "Extension-DM-PerformerSiteType")
                            .map(ext -> ext.path("valueCoding").path("code")).orElse(MissingNode.getInstance())));

    /** Reads and checks the prescription in a {@code prescription-order} message. */
    public PrescriptionOrder toOrder(MessageBundle message) {
        List<JsonNode> requests = message.resources("MedicationRequest");
        EpsException.require(!requests.isEmpty(), ErrorCode.MISSING_VALUE,
                "Bundle contains no resources of type MedicationRequest");
        EpsException.require(requests.size() <= PrescriptionOrder.MAX_ITEMS, ErrorCode.INVALID_VALUE,
                "Bundle contains too many resources of type MedicationRequest. Expected at most "
                        + PrescriptionOrder.MAX_ITEMS);
        for (SharedField field : SHARED_FIELDS) {
            JsonNode first = field.read().apply(requests.get(0));
            for (JsonNode request : requests) {
                EpsException.require(field.read().apply(request).equals(first), ErrorCode.INVALID_VALUE,
                        "Expected all MedicationRequests to have the same value for " + field.name() + ".");
            }
        }
        JsonNode first = requests.get(0);

        TreatmentType treatmentType = TreatmentType.of(requests.stream()
                .map(request -> CourseOfTherapy.fromCode(code(request, "MedicationRequest.courseOfTherapyType",
                        "courseOfTherapyType").orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "MedicationRequest.courseOfTherapyType is required"))))
                .toList());
        for (JsonNode request : requests) {
            String intent = requiredString(request, "MedicationRequest.intent", "intent");
            EpsException.require(INTENTS.contains(intent), ErrorCode.INVALID_VALUE,
                    "MedicationRequest.intent must be order, original-order or instance-order.");
            EpsException.require(treatmentType != TreatmentType.REPEAT_DISPENSING || intent.equals("original-order"),
                    ErrorCode.INVALID_VALUE, "MedicationRequest.intent must be original-order for repeat dispensing.");
        }

        JsonNode groupIdentifier = object(first, "MedicationRequest.groupIdentifier", "groupIdentifier")
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "MedicationRequest.groupIdentifier is required"));
        PrescriptionId id = PrescriptionId.parse(
                requiredString(groupIdentifier, "MedicationRequest.groupIdentifier.value", "value"));
        LongFormPrescriptionId longFormId = LongFormPrescriptionId.parse(
                extension(groupIdentifier, "MedicationRequest.groupIdentifier", "Extension-DM-PrescriptionId")
                        .flatMap(ext -> string(ext, "Extension-DM-PrescriptionId.valueIdentifier.value",
                                "valueIdentifier", "value"))
                        .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                                "MedicationRequest.groupIdentifier.extension:prescriptionId is required")));
        PrescriptionType type = new PrescriptionType(
                extension(first, "MedicationRequest", "Extension-DM-PrescriptionType")
                        .flatMap(ext -> string(ext, "Extension-DM-PrescriptionType.valueCoding.code", "valueCoding", "code"))
                        .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                                "MedicationRequest.extension:prescriptionType is required")));

        JsonNode dispenseRequest = object(first, "MedicationRequest.dispenseRequest", "dispenseRequest")
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "MedicationRequest.dispenseRequest is required"));
        int numberOfIssues = numberOfIssues(dispenseRequest, treatmentType);
        Optional<Integer> daysSupply = treatmentType == TreatmentType.REPEAT_DISPENSING
                ? Optional.of(daysSupply(requests))
                : Optional.empty();

        Instant authoredOn = string(first, "MedicationRequest.authoredOn", "authoredOn")
                .or(() -> message.resources("Provenance").stream()
                        .flatMap(provenance -> string(provenance, "Provenance.recorded", "recorded").stream())
                        .findFirst())
                .map(value -> FhirDates.instant(value, "MedicationRequest.authoredOn"))
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "The prescription date is required: MedicationRequest.authoredOn or Provenance.recorded"));
        LocalDate startDate = string(dispenseRequest, "MedicationRequest.dispenseRequest.validityPeriod.start",
                "validityPeriod", "start")
                .map(value -> FhirDates.date(value, "MedicationRequest.dispenseRequest.validityPeriod.start"))
                .orElseGet(() -> LocalDate.ofInstant(authoredOn, Prescription.EPS_ZONE));

        List<LineItem> items = new ArrayList<>();
        for (JsonNode request : requests) {
            items.add(lineItem(message, request));
        }
        return new PrescriptionOrder(id, longFormId, type, treatmentType, prescriber(message, first),
                patient(message, first), items, nomination(dispenseRequest), authoredOn, startDate, daysSupply,
                numberOfIssues);
    }

    private static int numberOfIssues(JsonNode dispenseRequest, TreatmentType treatmentType) {
        JsonNode repeats = dispenseRequest.path("numberOfRepeatsAllowed");
        boolean present = !repeats.isMissingNode() && !repeats.isNull();
        EpsException.require(!present || (repeats.isIntegralNumber() && repeats.canConvertToInt() && repeats.intValue() >= 0),
                ErrorCode.INVALID_VALUE, "MedicationRequest.dispenseRequest.numberOfRepeatsAllowed must be a whole number, 0 or more");
        if (treatmentType == TreatmentType.REPEAT_DISPENSING) {
            EpsException.require(present, ErrorCode.MISSING_VALUE,
                    "MedicationRequest.dispenseRequest.numberOfRepeatsAllowed is required for repeat dispensing");
            return repeats.intValue() + 1;
        }
        EpsException.require(!present || repeats.intValue() == 0, ErrorCode.INVALID_VALUE,
                "MedicationRequest.dispenseRequest.numberOfRepeatsAllowed must be 0 unless the prescription is repeat dispensing");
        return 1;
    }

    private static int daysSupply(List<JsonNode> requests) {
        Set<Integer> durations = requests.stream().map(request -> {
            JsonNode duration = object(request, "MedicationRequest.dispenseRequest.expectedSupplyDuration",
                    "dispenseRequest", "expectedSupplyDuration")
                    .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                            "MedicationRequest.dispenseRequest.expectedSupplyDuration is required for repeat dispensing"));
            EpsException.require("d".equals(string(duration, "expectedSupplyDuration.code", "code").orElse("")),
                    ErrorCode.INVALID_VALUE, "MedicationRequest.dispenseRequest.expectedSupplyDuration must be in days (code d)");
            JsonNode value = duration.path("value");
            EpsException.require(value.isIntegralNumber() && value.canConvertToInt(), ErrorCode.INVALID_VALUE,
                    "MedicationRequest.dispenseRequest.expectedSupplyDuration.value must be a whole number of days");
            return value.intValue();
        }).collect(Collectors.toSet());
        EpsException.require(durations.size() == 1, ErrorCode.INVALID_VALUE,
                "Expected all MedicationRequests to have the same value for MedicationRequest.dispenseRequest.expectedSupplyDuration.");
        return durations.iterator().next();
    }

    private static LineItem lineItem(MessageBundle message, JsonNode request) {
        LineItemId id = LineItemId.parse(identifier(request, "MedicationRequest", FhirSystems.PRESCRIPTION_ORDER_ITEM_NUMBER)
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "MedicationRequest.identifier with system " + FhirSystems.PRESCRIPTION_ORDER_ITEM_NUMBER + " is required")));
        JsonNode quantity = request.path("dispenseRequest").path("quantity");
        EpsException.require(quantity.isObject(), ErrorCode.MISSING_VALUE, "MedicationRequest.dispenseRequest.quantity is required");
        JsonNode amount = quantity.path("value");
        EpsException.require(amount.isNumber(), ErrorCode.INVALID_VALUE,
                "MedicationRequest.dispenseRequest.quantity.value must be a number");
        BigDecimal value = amount.decimalValue();
        String unit = string(quantity, "MedicationRequest.dispenseRequest.quantity.unit", "unit")
                .or(() -> string(quantity, "MedicationRequest.dispenseRequest.quantity.code", "code"))
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "MedicationRequest.dispenseRequest.quantity.unit is required"));
        return new LineItem(id, medication(message, request), new Quantity(value, unit), dosageText(request));
    }

    private static Medication medication(MessageBundle message, JsonNode request) {
        boolean byConcept = request.has("medicationCodeableConcept");
        boolean byReference = request.has("medicationReference");
        EpsException.require(byConcept != byReference, ErrorCode.INVALID_VALUE,
                "MedicationRequest must have exactly one of medicationCodeableConcept and medicationReference");
        JsonNode concept = byConcept ? request.path("medicationCodeableConcept")
                : message.resolveRequired(request.path("medicationReference"), "MedicationRequest.medicationReference",
                        "Medication").path("code");
        List<JsonNode> codings = array(concept, "medication.coding", "coding");
        EpsException.require(!codings.isEmpty(), ErrorCode.MISSING_VALUE, "The medication needs a coding");
        JsonNode coding = codings.get(0);
        String code = requiredString(coding, "medication.coding.code", "code");
        return new Medication(code, string(coding, "medication.coding.display", "display").orElse(code));
    }

    private static String dosageText(JsonNode request) {
        List<JsonNode> dosages = array(request, "MedicationRequest.dosageInstruction", "dosageInstruction");
        EpsException.require(!dosages.isEmpty(), ErrorCode.MISSING_VALUE, "MedicationRequest.dosageInstruction is required");
        if (dosages.size() > 1) {
            for (JsonNode dosage : dosages) {
                EpsException.require(dosage.path("sequence").isIntegralNumber(), ErrorCode.MISSING_VALUE,
                        "MedicationRequest.dosageInstruction.sequence is required when there is more than one dosage instruction");
            }
        }
        return dosages.stream()
                .sorted(Comparator.comparingInt(dosage -> dosage.path("sequence").asInt(0)))
                .map(dosage -> requiredString(dosage, "MedicationRequest.dosageInstruction.text", "text"))
                .collect(Collectors.joining("\n"));
    }

    private static Optional<NominatedDispenser> nomination(JsonNode dispenseRequest) {
        DispensingSiteType siteType = extension(dispenseRequest, "MedicationRequest.dispenseRequest", "Extension-DM-PerformerSiteType")
                .flatMap(ext -> string(ext, "Extension-DM-PerformerSiteType.valueCoding.code", "valueCoding", "code"))
                .map(DispensingSiteType::fromCode)
                .orElse(DispensingSiteType.NONE);
        Optional<String> performer = string(dispenseRequest, "MedicationRequest.dispenseRequest.performer.identifier.value",
                "performer", "identifier", "value");
        if (siteType == DispensingSiteType.NONE) {
            return Optional.empty();
        }
        return Optional.of(new NominatedDispenser(OdsCode.parse(performer.orElseThrow(() -> new EpsException(
                ErrorCode.MISSING_VALUE, "MedicationRequest.dispenseRequest.performer is required when the dispensing site preference is "
                + siteType.code()))), siteType));
    }

    private static Patient patient(MessageBundle message, JsonNode request) {
        JsonNode patient = message.resolveRequired(request.path("subject"), "MedicationRequest.subject", "Patient");
        NhsNumber nhsNumber = NhsNumber.parse(identifier(patient, "Patient", FhirSystems.NHS_NUMBER)
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "Patient.identifier NHS number is required")));
        JsonNode name = array(patient, "Patient.name", "name").stream().findFirst().orElse(MissingNode.getInstance());
        List<String> given = array(name, "Patient.name.given", "given").stream()
                .map(node -> node.asString("")).filter(text -> !text.isBlank()).toList();
        Optional<String> postcode = array(patient, "Patient.address", "address").stream()
                .flatMap(address -> string(address, "Patient.address.postalCode", "postalCode").stream())
                .findFirst();
        return new Patient(nhsNumber, string(name, "Patient.name.family", "family"), given,
                string(patient, "Patient.birthDate", "birthDate").map(value -> FhirDates.date(value, "Patient.birthDate")),
                string(patient, "Patient.gender", "gender"), postcode);
    }

    private static Prescriber prescriber(MessageBundle message, JsonNode request) {
        JsonNode requester = message.resolve(request.path("requester"), "MedicationRequest.requester")
                .orElseThrow(() -> new EpsException(ErrorCode.INVALID_VALUE,
                        "MedicationRequest.requester must refer to a PractitionerRole in the Bundle"));
        EpsException.require("PractitionerRole".equals(requester.path("resourceType").asString("")), ErrorCode.INVALID_VALUE,
                "MedicationRequest.requester must refer to a PractitionerRole");
        Optional<JsonNode> practitioner = message.resolve(requester.path("practitioner"), "PractitionerRole.practitioner");
        Optional<JsonNode> organisation = message.resolve(requester.path("organization"), "PractitionerRole.organization");
        OdsCode ods = OdsCode.parse(organisation
                .flatMap(org -> identifier(org, "Organization", FhirSystems.ODS_ORGANISATION_CODE))
                .or(() -> string(requester, "PractitionerRole.organization.identifier.value", "organization", "identifier", "value"))
                .or(() -> string(message.header(), "MessageHeader.sender.identifier.value", "sender", "identifier", "value"))
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "The prescribing organisation's ODS code is required")));
        Optional<String> name = practitioner.flatMap(person -> array(person, "Practitioner.name", "name").stream().findFirst())
                .map(PrescriptionOrderMapper::displayName)
                .filter(text -> !text.isBlank());
        return new Prescriber(
                name,
                practitioner.flatMap(person -> identifier(person, "Practitioner", FhirSystems.SDS_USER_ID)),
                identifier(requester, "PractitionerRole", FhirSystems.SDS_ROLE_PROFILE_ID),
                code(requester.path("code"), "PractitionerRole.code", "0"),
                ods,
                organisation.flatMap(org -> string(org, "Organization.name", "name")));
    }

    private static String displayName(JsonNode name) {
        List<String> parts = new ArrayList<>();
        array(name, "name.prefix", "prefix").forEach(part -> parts.add(part.asString("")));
        array(name, "name.given", "given").forEach(part -> parts.add(part.asString("")));
        string(name, "name.family", "family").ifPresent(parts::add);
        return parts.stream().filter(part -> !part.isBlank()).collect(Collectors.joining(" "));
    }

    private record SharedField(String name, Function<JsonNode, JsonNode> read) {
    }
}
