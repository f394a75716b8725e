package org.openeps.application.tracker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.shared.NhsNumber;

/** Orders for the tracker's tests: the shared test orders with the patient, date and issues a test needs. */
public final class TrackerPrescriptions {

    private TrackerPrescriptions() {
    }

    /** A family name no other test uses: letters only. */
    public static String newFamilyName(String stem) {
        StringBuilder name = new StringBuilder(stem);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    public static Patient patient(NhsNumber nhsNumber, String familyName, List<String> givenNames, LocalDate birthDate,
                                  String postcode) {
        return new Patient(nhsNumber, Optional.of(familyName), givenNames, Optional.of(birthDate),
                Optional.of("female"), Optional.of(postcode));
    }

    /** The order with another patient. */
    public static PrescriptionOrder forPatient(PrescriptionOrder order, Patient patient) {
        return new PrescriptionOrder(order.id(), order.longFormId(), order.type(), order.treatmentType(),
                order.prescriber(), patient, order.items(), order.nomination(), order.authoredOn(), order.startDate(),
                order.daysSupply(), order.numberOfIssues());
    }

    /** The order signed at another moment, first dispensable that day. */
    public static PrescriptionOrder authoredOn(PrescriptionOrder order, Instant authoredOn) {
        return new PrescriptionOrder(order.id(), order.longFormId(), order.type(), order.treatmentType(),
                order.prescriber(), order.patient(), order.items(), order.nomination(), authoredOn,
                LocalDate.ofInstant(authoredOn, org.openeps.domain.prescription.Prescription.EPS_ZONE),
                order.daysSupply(), order.numberOfIssues());
    }
}
