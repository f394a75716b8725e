package org.openeps.application.prescription;

import java.util.List;
import org.openeps.domain.prescription.Prescription;

/** Reads prescriptions for the status search. */
public final class FindPrescriptionsService implements FindPrescriptionsUseCase {

    private final PrescriptionRepository prescriptions;

    public FindPrescriptionsService(PrescriptionRepository prescriptions) {
        this.prescriptions = prescriptions;
    }

    @Override
    public List<Prescription> find(FindPrescriptionsQuery query) {
        return query.prescriptionId()
                .map(id -> prescriptions.findById(id).stream().toList())
                .orElseGet(() -> prescriptions.findByPatient(query.nhsNumber().orElseThrow()));
    }
}
