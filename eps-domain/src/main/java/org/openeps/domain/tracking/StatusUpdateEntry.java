package org.openeps.domain.tracking;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * One entry of a Prescription Status Update bundle as it was received, before any rule is applied: each value the API
 * reads, as text, empty when it was not sent (or sent empty). {@link StatusUpdateRules} turns it into a
 * {@link PharmacyStatus} or says what is wrong with it.
 *
 * @param fullUrl        {@code Bundle.entry.fullUrl}, which must be {@code urn:uuid:} and the Task ID
 * @param resourceType   the entry's {@code resource.resourceType}, which must be {@code Task}
 * @param taskId         {@code Task.id}
 * @param prescription   {@code Task.basedOn[0].identifier}: the short-form prescription ID
 * @param item           {@code Task.focus.identifier}: the line item ID
 * @param patient        {@code Task.for.identifier}: the NHS number
 * @param pharmacy       {@code Task.owner.identifier}: the pharmacy's ODS code
 * @param businessStatus {@code Task.businessStatus.coding[0]}: its system and code
 * @param taskStatus     {@code Task.status}
 * @param lastModified   {@code Task.lastModified}
 * @param repeatNumber   the {@code valueInteger} of the {@code Task.input} whose {@code type.text} is
 *                       {@code Repeat Number}, as sent; empty when there is no such input
 */
public record StatusUpdateEntry(
        Optional<String> fullUrl,
        Optional<String> resourceType,
        Optional<String> taskId,
        Identifier prescription,
        Identifier item,
        Identifier patient,
        Identifier pharmacy,
        Identifier businessStatus,
        Optional<String> taskStatus,
        Optional<String> lastModified,
        Optional<String> repeatNumber) {

    public StatusUpdateEntry {
        Objects.requireNonNull(fullUrl, "fullUrl");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(prescription, "prescription");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(pharmacy, "pharmacy");
        Objects.requireNonNull(businessStatus, "businessStatus");
        Objects.requireNonNull(taskStatus, "taskStatus");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(repeatNumber, "repeatNumber");
    }

    /** The prescription ID, when it is a valid one. */
    public Optional<PrescriptionId> validPrescriptionId() {
        return valid(prescription, PrescriptionId::parse);
    }

    /** The line item ID, when it is a valid one. */
    public Optional<LineItemId> validItemId() {
        return valid(item, LineItemId::parse);
    }

    /** The NHS number, when it is a valid one. */
    public Optional<NhsNumber> validNhsNumber() {
        return valid(patient, NhsNumber::parse);
    }

    /** The pharmacy's ODS code, when it is a valid one. */
    public Optional<OdsCode> validPharmacy() {
        return valid(pharmacy, OdsCode::parse);
    }

    private static <T> Optional<T> valid(Identifier identifier, Function<String, T> parser) {
        try {
            return identifier.value().map(parser);
        } catch (EpsException invalid) {
            return Optional.empty();
        }
    }

    /**
     * A FHIR identifier (or coding) as sent: its {@code system} and its {@code value} (or {@code code}).
     */
    public record Identifier(Optional<String> system, Optional<String> value) {

        /** Neither system nor value: the element was not sent. */
        public static final Identifier ABSENT = new Identifier(Optional.empty(), Optional.empty());

        public Identifier {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(value, "value");
        }

        /** An identifier sent with both a system and a value. */
        public static Identifier of(String system, String value) {
            return new Identifier(Optional.of(system), Optional.of(value));
        }
    }
}
