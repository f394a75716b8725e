package org.openeps.application.tracker;

import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;

/**
 * The clinical tracker's search by prescription ID or NHS number: the patient and their prescriptions in tabs.
 * The answer is a view model: the tracker's JSON API and its web page are both drawn from it.
 */
public interface ListPrescriptionsUseCase {

    /** How far back an NHS number search looks, by issue date. */
    Period WINDOW = Period.ofYears(2);

    /**
     * The patient and their prescriptions: by ID, that one prescription whatever its date; by NHS number, every one
     * issued within {@link #WINDOW}. Empty when nothing is found.
     */
    Optional<PrescriptionList> list(ListPrescriptionsQuery query);

    /** Exactly one of the two criteria. */
    record ListPrescriptionsQuery(Optional<PrescriptionId> prescriptionId, Optional<NhsNumber> nhsNumber) {
        public ListPrescriptionsQuery {
            Objects.requireNonNull(prescriptionId, "prescriptionId");
            Objects.requireNonNull(nhsNumber, "nhsNumber");
            EpsException.require(prescriptionId.isPresent() != nhsNumber.isPresent(), ErrorCode.INVALID_VALUE,
                    "Search by exactly one of prescriptionId or nhsNumber");
        }

        public static ListPrescriptionsQuery byId(PrescriptionId id) {
            return new ListPrescriptionsQuery(Optional.of(id), Optional.empty());
        }

        public static ListPrescriptionsQuery byPatient(NhsNumber nhsNumber) {
            return new ListPrescriptionsQuery(Optional.empty(), Optional.of(nhsNumber));
        }
    }
}
