package org.openeps.domain.prescription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * A prescription as the prescriber wrote it: everything that does not change while it moves through EPS.
 *
 * <p>The constructor enforces the rules a prescription must meet to be accepted at all: one to four items with
 * distinct IDs, secondary care only from England, one issue unless it is repeat dispensing (eRD), and an eRD
 * prescription's days of supply.
 *
 * @param authoredOn     when the prescriber signed it (the prescription date)
 * @param startDate      the first day it may be dispensed ({@code validityPeriod.start}; the prescription date if absent)
 * @param daysSupply     the expected supply duration in days, required for eRD (it spaces the issues)
 * @param numberOfIssues 1, or for eRD {@code numberOfRepeatsAllowed + 1}
 */
public record PrescriptionOrder(
        PrescriptionId id,
        LongFormPrescriptionId longFormId,
        PrescriptionType type,
        TreatmentType treatmentType,
        Prescriber prescriber,
        Patient patient,
        List<LineItem> items,
        Optional<NominatedDispenser> nomination,
        Instant authoredOn,
        LocalDate startDate,
        Optional<Integer> daysSupply,
        int numberOfIssues) {

    /** The most items one prescription may carry. */
    public static final int MAX_ITEMS = 4;

    public PrescriptionOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(longFormId, "longFormId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(treatmentType, "treatmentType");
        Objects.requireNonNull(prescriber, "prescriber");
        Objects.requireNonNull(patient, "patient");
        items = List.copyOf(items);
        Objects.requireNonNull(nomination, "nomination");
        Objects.requireNonNull(authoredOn, "authoredOn");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(daysSupply, "daysSupply");

        EpsException.require(!items.isEmpty(), ErrorCode.MISSING_VALUE, "A prescription needs at least one item");
        EpsException.require(items.size() <= MAX_ITEMS, ErrorCode.INVALID_VALUE,
                "Bundle contains too many resources of type MedicationRequest. Expected at most " + MAX_ITEMS);
        Set<LineItemId> seen = new HashSet<>();
        for (LineItem item : items) {
            EpsException.require(seen.add(item.id()), ErrorCode.INVALID_VALUE,
                    "Line item ID " + item.id() + " appears more than once");
        }
        EpsException.require(
                type.careSetting() == PrescriptionType.CareSetting.PRIMARY
                        || type.country() == PrescriptionType.Country.ENGLAND,
                ErrorCode.INVALID_VALUE,
                "Secondary care prescriptions are accepted from England only; prescription type " + type + " is from "
                        + type.country());
        daysSupply.ifPresent(days -> EpsException.require(days > 0, ErrorCode.INVALID_VALUE,
                "expectedSupplyDuration must be at least one day"));
        if (treatmentType == TreatmentType.REPEAT_DISPENSING) {
            EpsException.require(numberOfIssues >= 1, ErrorCode.INVALID_VALUE,
                    "numberOfRepeatsAllowed must not be negative");
            EpsException.require(daysSupply.isPresent(), ErrorCode.MISSING_VALUE,
                    "A repeat dispensing prescription needs dispenseRequest.expectedSupplyDuration");
        } else {
            EpsException.require(numberOfIssues == 1, ErrorCode.INVALID_VALUE,
                    "Only repeat dispensing prescriptions have more than one issue");
        }
    }

    /** The item with this ID. */
    public Optional<LineItem> item(LineItemId itemId) {
        return items.stream().filter(item -> item.id().equals(itemId)).findFirst();
    }
}
