package org.openeps.adapters.http.dispensing;

import static org.openeps.adapters.http.fhir.FhirNodes.array;
import static org.openeps.adapters.http.fhir.FhirNodes.code;
import static org.openeps.adapters.http.fhir.FhirNodes.extension;
import static org.openeps.adapters.http.fhir.FhirNodes.identifier;
import static org.openeps.adapters.http.fhir.FhirNodes.object;
import static org.openeps.adapters.http.fhir.FhirNodes.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.application.dispensing.DispensePrescriptionUseCase.DispenseCommand;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.NonDispensingReason;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code dispense-notification} message into a {@link DispenseCommand}.
 *
 * <ul>
 *   <li>Each MedicationDispense names the line item it reports through {@code authorizingPrescription}, a reference to
 *       a MedicationRequest (contained, {@code #m1}, or an entry of the Bundle): the prescription is that request's
 *       {@code groupIdentifier}, the item its {@code prescription-order-item-number} identifier, and the item's new
 *       status the MedicationDispense's {@code type} (system {@code medicationdispense-type}, codes 0001..0008).</li>
 *   <li>Several MedicationDispenses may report the same item (a homecare supply in several deliveries): the item
 *       takes the status of the <em>last</em> one in the Bundle, the state it was left in.</li>
 *   <li>The dispenser is the organisation of the dispensing PractitionerRole ({@code performer.actor}, contained,
 *       whose {@code organization} refers to an Organization in the Bundle); only when that names no ODS code is
 *       {@code MessageHeader.sender} used. The published examples send the notification from other senders (for
 *       example X2601, the Spine) while the dispensing organisation is the one the prescription was released to.</li>
 *   <li>The person who dispensed is the {@code sds-user-id} identifier of the dispensing PractitionerRole's
 *       {@code practitioner} (or of the Practitioner it refers to), from the first MedicationDispense that names
 *       one.</li>
 *   <li>The prescription status the notification declares is {@code MedicationDispense.extension:prescriptionStatus}
 *       ({@code Extension-EPS-TaskBusinessStatus}), when present.</li>
 *   <li>An amend carries {@code MessageHeader.extension:replacementOf}, whose {@code valueIdentifier.value} is the
 *       {@code Bundle.identifier} of the notification it replaces.</li>
 *   <li>The eRD issue is read from the MedicationRequest's {@code basedOn.extension:Extension-EPS-RepeatInformation}
 *       ({@code numberOfRepeatsIssued} counts the earlier issues, so issue = issued + 1). It is not read when the
 *       MedicationRequest's {@code courseOfTherapyType} is {@code acute} or {@code continuous}: repeat prescribing
 *       carries the prescriber's authorisation count there, not an EPS issue.</li>
 *   <li>The reason for not dispensing an item is the MedicationDispense's {@code statusReasonCodeableConcept} coding
 *       of system {@code medicationdispense-status-reason} (a coding of another system is ignored); like the status,
 *       the last MedicationDispense for an item that gives one wins. The reason for not dispensing the prescription is
 *       {@code extension:prescriptionNonDispensingReason}. Either must be a {@link NonDispensingReason}'s code, else
 *       the message is refused with {@code INVALID_VALUE} naming the code and the item. The history keeps an item's
 *       reason only while the item is left not dispensed, owing or cancelled.</li>
 *   <li>All MedicationDispenses must agree on the prescription, the prescription status
 *       ({@code extension:prescriptionStatus}), the non-dispensing reason
 *       ({@code extension:prescriptionNonDispensingReason}), the dispensing organisation and the issue; otherwise the
 *       message is refused with {@code INVALID_VALUE} "Expected all MedicationDispenses to have the same value for
 *       ...".</li>
 * </ul>
 */
public final class DispenseNotificationMapper {

    private static final String PRESCRIPTION_STATUS = "Extension-EPS-TaskBusinessStatus";
    private static final String NON_DISPENSING_REASON = "Extension-DM-PrescriptionNonDispensingReason";
    /** The most of an unknown code an answer repeats. */
    private static final int SHOWN_CODE_LENGTH = 40;
    private static final List<String> NOT_REPEAT_DISPENSING = List.of("acute", "continuous");

    /** Reads and checks the dispense notification. */
    public DispenseCommand toCommand(MessageBundle message) {
        List<JsonNode> dispenses = message.resources("MedicationDispense");
        EpsException.require(!dispenses.isEmpty(), ErrorCode.MISSING_VALUE,
                "Bundle contains no resources of type MedicationDispense");

        List<Dispense> read = dispenses.stream().map(dispense -> read(message, dispense)).toList();
        Dispense first = read.get(0);
        same(read, Dispense::prescriptionId, "MedicationDispense.authorizingPrescription.groupIdentifier");
        same(read, Dispense::prescriptionStatus, "MedicationDispense.extension:prescriptionStatus");
        same(read, Dispense::nonDispensingReason, "MedicationDispense.extension:prescriptionNonDispensingReason");
        same(read, Dispense::dispenser, "MedicationDispense.performer");
        same(read, Dispense::issueNumber, "MedicationDispense.authorizingPrescription.basedOn.extension:repeatInformation");

        Map<LineItemId, ItemStatus> items = new LinkedHashMap<>();
        Map<LineItemId, String> itemReasons = new LinkedHashMap<>();
        read.forEach(dispense -> {
            items.put(dispense.item(), dispense.status());
            dispense.statusReason().ifPresent(reason -> itemReasons.put(dispense.item(), reason));
        });

        OdsCode dispenser = first.dispenser().orElseGet(() -> OdsCode.parse(
                string(message.header(), "MessageHeader.sender.identifier.value", "sender", "identifier", "value")
                        .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "The dispensing organisation's ODS code"
                                + " is required: MedicationDispense.performer or MessageHeader.sender"))));
        Optional<String> person = read.stream().map(Dispense::person).flatMap(Optional::stream).findFirst();
        return new DispenseCommand(dispenser, person, first.prescriptionId(), message.identifier(),
                DispensingFhir.replacementOf(message.header(), "MessageHeader"), first.issueNumber(), items,
                first.prescriptionStatus(), first.nonDispensingReason(), itemReasons);
    }

    private static Dispense read(MessageBundle message, JsonNode dispense) {
        List<JsonNode> authorizing = array(dispense, "MedicationDispense.authorizingPrescription", "authorizingPrescription");
        EpsException.require(authorizing.size() == 1, authorizing.isEmpty() ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_VALUE,
                "MedicationDispense.authorizingPrescription must name exactly one MedicationRequest");
        JsonNode request = DispensingFhir.contained(dispense, authorizing.get(0), "MedicationDispense.authorizingPrescription")
                .or(() -> message.resolve(authorizing.get(0), "MedicationDispense.authorizingPrescription"))
                .orElseThrow(() -> new EpsException(ErrorCode.INVALID_VALUE,
                        "MedicationDispense.authorizingPrescription must refer to a MedicationRequest in the message"));
        DispensingFhir.requireResourceType(request, "MedicationRequest", "MedicationDispense.authorizingPrescription");

        PrescriptionId prescriptionId = DispensingFhir.prescriptionId(object(request, "MedicationRequest.groupIdentifier",
                        "groupIdentifier").orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "MedicationRequest.groupIdentifier is required")),
                "MedicationRequest.groupIdentifier");
        LineItemId item = LineItemId.parse(identifier(request, "MedicationRequest", FhirSystems.PRESCRIPTION_ORDER_ITEM_NUMBER)
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "MedicationRequest.identifier with system "
                        + FhirSystems.PRESCRIPTION_ORDER_ITEM_NUMBER + " is required")));
        ItemStatus status = ItemStatus.fromCode(DispensingFhir.codeOfSystem(dispense.path("type"), "MedicationDispense.type",
                        DispensingFhir.MEDICATION_DISPENSE_TYPE)
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "MedicationDispense.type is required")));

        Optional<PrescriptionStatus> prescriptionStatus = extension(dispense, "MedicationDispense", PRESCRIPTION_STATUS)
                .flatMap(ext -> code(ext, "MedicationDispense.extension:prescriptionStatus", "valueCoding"))
                .map(PrescriptionStatus::fromCode);
        Optional<String> nonDispensingReason = extension(dispense, "MedicationDispense", NON_DISPENSING_REASON)
                .flatMap(ext -> code(ext, "MedicationDispense.extension:prescriptionNonDispensingReason", "valueCoding"))
                .map(code -> known(code, "MedicationDispense.extension:prescriptionNonDispensingReason", item));
        return new Dispense(prescriptionId, item, status, prescriptionStatus, nonDispensingReason,
                dispensingOrganisation(message, dispense).map(OdsCode::parse), dispensingPerson(message, dispense),
                issueNumber(request), statusReason(dispense, item));
    }

    /**
     * The code when it is a {@link NonDispensingReason}'s.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} naming the code (its start, when long) and the item
     */
    private static String known(String code, String element, LineItemId item) {
        return NonDispensingReason.find(code).map(NonDispensingReason::code).orElseThrow(() -> new EpsException(
                ErrorCode.INVALID_VALUE, element + " " + quoted(code) + " of the MedicationDispense for item "
                        + item.value() + " is not a medicationdispense-status-reason code"));
    }

    /** The code in quotes, only its start when it is long: an answer need not repeat a whole megabyte. */
    private static String quoted(String code) {
        return code.length() <= SHOWN_CODE_LENGTH ? "'" + code + "'"
                : "'" + code.substring(0, SHOWN_CODE_LENGTH) + "...' (" + code.length() + " characters)";
    }

    /**
     * The {@code medicationdispense-status-reason} code of {@code statusReasonCodeableConcept}, when it has one.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} when that code is not one of the system's
     */
    private static Optional<String> statusReason(JsonNode dispense, LineItemId item) {
        Optional<JsonNode> concept = object(dispense, "MedicationDispense.statusReasonCodeableConcept",
                "statusReasonCodeableConcept");
        if (concept.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode coding : array(concept.get(), "MedicationDispense.statusReasonCodeableConcept.coding", "coding")) {
            if (string(coding, "MedicationDispense.statusReasonCodeableConcept.coding.system", "system")
                    .filter(NonDispensingReason.SYSTEM::equals).isPresent()) {
                return string(coding, "MedicationDispense.statusReasonCodeableConcept.coding.code", "code")
                        .filter(code -> !code.isBlank())
                        .map(code -> known(code, "MedicationDispense.statusReasonCodeableConcept", item));
            }
        }
        return Optional.empty();
    }

    /** The ODS code of the organisation the dispensing PractitionerRole works for. */
    private static Optional<String> dispensingOrganisation(MessageBundle message, JsonNode dispense) {
        for (JsonNode performer : array(dispense, "MedicationDispense.performer", "performer")) {
            JsonNode actor = performer.path("actor");
            Optional<JsonNode> role = DispensingFhir.contained(dispense, actor, "MedicationDispense.performer.actor")
                    .or(() -> message.resolve(actor, "MedicationDispense.performer.actor"));
            if (role.isEmpty()) {
                Optional<String> direct = DispensingFhir.odsIdentifier(actor, "MedicationDispense.performer.actor");
                if (direct.isPresent()) {
                    return direct;
                }
                continue;
            }
            String type = role.get().path("resourceType").asString("");
            if (type.equals("Organization")) {
                return DispensingFhir.odsCode(role.get(), "Organization");
            }
            DispensingFhir.requireResourceType(role.get(), "PractitionerRole", "MedicationDispense.performer.actor");
            JsonNode organisation = role.get().path("organization");
            Optional<String> ods = DispensingFhir.contained(dispense, organisation, "PractitionerRole.organization")
                    .or(() -> message.resolve(organisation, "PractitionerRole.organization"))
                    .flatMap(org -> DispensingFhir.odsCode(org, "Organization"))
                    .or(() -> DispensingFhir.odsIdentifier(organisation, "PractitionerRole.organization"));
            if (ods.isPresent()) {
                return ods;
            }
        }
        return Optional.empty();
    }

    /** The SDS user ID of the person the dispensing PractitionerRole stands for. */
    private static Optional<String> dispensingPerson(MessageBundle message, JsonNode dispense) {
        for (JsonNode performer : array(dispense, "MedicationDispense.performer", "performer")) {
            JsonNode actor = performer.path("actor");
            Optional<String> person = DispensingFhir.contained(dispense, actor, "MedicationDispense.performer.actor")
                    .or(() -> message.resolve(actor, "MedicationDispense.performer.actor"))
                    .filter(role -> role.path("resourceType").asString("").equals("PractitionerRole"))
                    .flatMap(role -> DispensingFhir.sdsUserId(role, "PractitionerRole", practitioner ->
                            DispensingFhir.contained(dispense, practitioner, "PractitionerRole.practitioner")
                                    .or(() -> message.resolve(practitioner, "PractitionerRole.practitioner"))));
            if (person.isPresent()) {
                return person;
            }
        }
        return Optional.empty();
    }

    private static OptionalInt issueNumber(JsonNode request) {
        Optional<String> course = code(request, "MedicationRequest.courseOfTherapyType", "courseOfTherapyType");
        if (course.isPresent() && NOT_REPEAT_DISPENSING.contains(course.get())) {
            return OptionalInt.empty();
        }
        for (JsonNode basedOn : array(request, "MedicationRequest.basedOn", "basedOn")) {
            Optional<JsonNode> repeat = extension(basedOn, "MedicationRequest.basedOn", DispensingFhir.REPEAT_INFORMATION);
            if (repeat.isPresent()) {
                return DispensingFhir.issueNumber(repeat.get(), "MedicationRequest.basedOn.extension:repeatInformation");
            }
        }
        return OptionalInt.empty();
    }

    private static <T> void same(List<Dispense> dispenses, Function<Dispense, T> field, String name) {
        T first = field.apply(dispenses.get(0));
        for (Dispense dispense : dispenses) {
            EpsException.require(Objects.equals(field.apply(dispense), first), ErrorCode.INVALID_VALUE,
                    "Expected all MedicationDispenses to have the same value for " + name);
        }
    }

    private record Dispense(PrescriptionId prescriptionId, LineItemId item, ItemStatus status,
                            Optional<PrescriptionStatus> prescriptionStatus, Optional<String> nonDispensingReason,
                            Optional<OdsCode> dispenser, Optional<String> person, OptionalInt issueNumber,
                            Optional<String> statusReason) {
    }
}
