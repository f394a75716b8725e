package org.openeps.application.prescription;

import java.util.List;
import java.util.Optional;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;

/** Finds prescriptions and where they stand now, by prescription ID or by patient. */
public interface FindPrescriptionsUseCase {

    List<Prescription> find(FindPrescriptionsQuery query);

    /** Exactly one of the two criteria. */
    record FindPrescriptionsQuery(Optional<PrescriptionId> prescriptionId, Optional<NhsNumber> nhsNumber) {
        public FindPrescriptionsQuery {
            EpsException.require(prescriptionId.isPresent() != nhsNumber.isPresent(), ErrorCode.INVALID_VALUE,
                    "Search by exactly one of prescription ID or NHS number");
        }

        public static FindPrescriptionsQuery byId(PrescriptionId id) {
            return new FindPrescriptionsQuery(Optional.of(id), Optional.empty());
        }

        public static FindPrescriptionsQuery byPatient(NhsNumber nhsNumber) {
            return new FindPrescriptionsQuery(Optional.empty(), Optional.of(nhsNumber));
        }
    }
}
