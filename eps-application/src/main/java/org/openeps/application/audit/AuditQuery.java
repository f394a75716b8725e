package org.openeps.application.audit;

import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * Which audit records to read: those about a patient, a prescription, both (records about both), or with neither the
 * latest of all; newest first.
 *
 * @param nhsNumber      the NHS number the records are about, as recorded; stripped, blank means not searched by
 * @param prescriptionId the prescription ID the records are about, as recorded; stripped, blank means not searched by
 * @param limit          at most this many records, 1 to {@value #MAX_LIMIT}
 * @throws EpsException {@link ErrorCode#MISSING_VALUE} if a criterion is missing (give it empty),
 *     {@link ErrorCode#INVALID_VALUE} if the limit is out of range
 */
public record AuditQuery(Optional<String> nhsNumber, Optional<String> prescriptionId, int limit) {

    /** The most records one query returns. */
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        EpsException.require(nhsNumber != null && prescriptionId != null, ErrorCode.MISSING_VALUE,
                "Audit search criteria must be given (empty when not searched by)");
        nhsNumber = nhsNumber.map(String::strip).filter(text -> !text.isEmpty());
        prescriptionId = prescriptionId.map(String::strip).filter(text -> !text.isEmpty());
        EpsException.require(limit >= 1 && limit <= MAX_LIMIT, ErrorCode.INVALID_VALUE,
                "The number of audit records to read must be 1 to " + MAX_LIMIT + ": " + limit);
    }

    /** The latest records about a patient. */
    public static AuditQuery byNhsNumber(String nhsNumber, int limit) {
        return new AuditQuery(Optional.of(nhsNumber), Optional.empty(), limit);
    }

    /** The latest records about a prescription. */
    public static AuditQuery byPrescriptionId(String prescriptionId, int limit) {
        return new AuditQuery(Optional.empty(), Optional.of(prescriptionId), limit);
    }

    /** The latest records of all. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), limit);
    }
}
