package org.openeps.application.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Caller;
import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditWho;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * Audit records for tests, about patients and prescriptions no other test uses, each made at a time later than every
 * one made before it, so that records appended one after another are found newest first in that order.
 */
public final class AuditRecords {

    public static final Instant AT = Instant.parse("2026-03-04T10:11:12.123456Z");
    public static final AuditWho DISPENSER = AuditWho.of(new Caller.User("555086689106", "555086718101", "R8000",
            Set.of("B0570"), new OdsCode("FA565"), "pharmacy-system"));
    public static final AuditWho PATIENT = AuditWho.of(new Caller.Patient(new NhsNumber("9449304130"),
            Optional.empty(), "nhs-app"));

    private static final AtomicLong NEXT = new AtomicLong();
    private static final AtomicLong SECONDS = new AtomicLong();

    private AuditRecords() {
    }

    /** A time after every time given before, a whole second after {@link #AT} or the last one. */
    public static Instant later() {
        return AT.plusSeconds(SECONDS.incrementAndGet());
    }

    /** An NHS number, as recorded, that no other test uses. */
    public static String newNhsNumber() {
        return String.format("9%09d", NEXT.incrementAndGet());
    }

    /** A prescription ID, as recorded, that no other test uses. */
    public static String newPrescriptionId() {
        return String.format("AUDIT-%012d", NEXT.incrementAndGet());
    }

    /** A dispenser's successful dispense of the prescription for the patient. */
    public static AuditRecord dispensed(String nhsNumber, String prescriptionId) {
        return new AuditRecord(later(), "request-" + NEXT.incrementAndGet(), Action.DISPENSE, DISPENSER,
                Optional.of(prescriptionId), Optional.of(nhsNumber), AuditRecord.OK);
    }

    /** A patient reading their own prescriptions. */
    public static AuditRecord read(String nhsNumber) {
        return new AuditRecord(later(), "request-" + NEXT.incrementAndGet(), Action.READ_PRESCRIPTIONS, PATIENT,
                Optional.empty(), Optional.of(nhsNumber), AuditRecord.OK);
    }
}
