package org.openeps.application.prescription;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.prescription.LineItem;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.LongFormPrescriptionId;
import org.openeps.domain.prescription.Medication;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescriber;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionType;
import org.openeps.domain.prescription.Quantity;
import org.openeps.domain.prescription.TreatmentType;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * Prescriptions for tests: new IDs and patients each time, so that tests sharing one database do not see each other's
 * prescriptions.
 */
public final class PrescriptionOrders {

    /** A prescription date, and the day the items may first be dispensed. */
    public static final Instant AUTHORED_ON = Instant.parse("2026-03-10T09:00:00Z");
    public static final LocalDate START_DATE = LocalDate.of(2026, 3, 10);

    private PrescriptionOrders() {
    }

    /** A new prescription ID from the GP practice A83008. */
    public static PrescriptionId newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return PrescriptionId.generate(OdsCode.parse("A83008"), random.nextInt(0x100000), random);
    }

    /** A valid NHS number no other test uses: nine random digits starting with 9 and their check digit. */
    public static NhsNumber newPatient() {
        return NhsNumber.generate(ThreadLocalRandom.current());
    }

    /**
     * An eRD prescription with every optional detail present: a prescriber named with SDS IDs and role, a patient
     * with name, birth date, gender and postcode, two items, a nominated pharmacy and 28 days' supply per issue.
     */
    public static PrescriptionOrder erdOrder(PrescriptionId id, NhsNumber patient, int issues) {
        return new PrescriptionOrder(id, LongFormPrescriptionId.parse("20ba5fb5-cb58-462c-923e-22d180b09356"),
                new PrescriptionType("0101"), TreatmentType.REPEAT_DISPENSING,
                new Prescriber(Optional.of("DR C BOIN"), Optional.of("555086689106"), Optional.of("200102238987"),
                        Optional.of("R8000"), OdsCode.parse("A83008"), Optional.of("HALLGARTH SURGERY")),
                new Patient(patient, Optional.of("TWITCHETT"), List.of("STACEY", "MARISA"),
                        Optional.of(LocalDate.of(1948, 4, 30)), Optional.of("female"), Optional.of("KT11 2QY")),
                List.of(item("a54219b8-f741-4c47-b662-e4f8dfa49ab6", "Amoxicillin 250mg capsules"),
                        item("6989b7bd-8db6-428c-a593-4022e3044c00", "Co-codamol 30mg/500mg tablets")),
                Optional.of(new NominatedDispenser(OdsCode.parse("FA565"), DispensingSiteType.PHARMACY)),
                AUTHORED_ON, START_DATE, Optional.of(28), issues);
    }

    /** An acute prescription with only what is required: no nomination, no optional patient or prescriber details. */
    public static PrescriptionOrder acuteOrder(PrescriptionId id, NhsNumber patient) {
        return acuteOrder(id, patient, START_DATE);
    }

    /** {@link #acuteOrder(PrescriptionId, NhsNumber)} first dispensable on {@code startDate}. */
    public static PrescriptionOrder acuteOrder(PrescriptionId id, NhsNumber patient, LocalDate startDate) {
        return new PrescriptionOrder(id, LongFormPrescriptionId.parse("30ba5fb5-cb58-462c-923e-22d180b09356"),
                new PrescriptionType("1001"), TreatmentType.ACUTE,
                new Prescriber(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        OdsCode.parse("RRERP"), Optional.empty()),
                new Patient(patient, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty()),
                List.of(item("2868554c-5565-4d31-b92a-c5b8dab8b90a", "Pseudoephedrine 60mg tablets")),
                Optional.empty(), AUTHORED_ON, startDate, Optional.empty(), 1);
    }

    private static LineItem item(String id, String medication) {
        return new LineItem(LineItemId.parse(id), new Medication("39732311000001104", medication),
                new Quantity(new BigDecimal("20.5"), "tablet"), "2 times a day for 10 days");
    }
}
