package org.openeps.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.access.Action;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * One audited request: when, which request, what was asked, by whom, about which prescription or patient, and how it
 * ended. Values are kept as given (an NHS number that failed validation is still worth recording), and checked only
 * to be present and storable.
 *
 * @param at             when the request was handled, kept to the microsecond (the precision PostgreSQL stores,
 *                       so that a record reads back equal and its hash still matches)
 * @param requestId      the request's ID ({@code X-Request-ID}), which ties the record to the logs
 * @param action         what the caller asked to do
 * @param who            who asked
 * @param prescriptionId the prescription concerned, as the request named it
 * @param nhsNumber      the patient concerned, as the request named it (for a patient acting for someone else, the
 *                       person acted for)
 * @param outcome        {@value #OK}, or the name of the {@link ErrorCode} the request was refused with, e.g.
 *                       {@code ACCESS_DENIED}
 * @throws EpsException {@link ErrorCode#MISSING_VALUE} if a value is missing or blank, {@link ErrorCode#INVALID_VALUE}
 *     if a text cannot be stored (a NUL character, malformed UTF-16)
 */
public record AuditRecord(Instant at, String requestId, Action action, AuditWho who, Optional<String> prescriptionId,
                          Optional<String> nhsNumber, String outcome) {

    /** The outcome of a request that succeeded. */
    public static final String OK = "OK";

    public AuditRecord {
        EpsException.require(at != null, ErrorCode.MISSING_VALUE, "The audit record's time is missing");
        at = at.truncatedTo(ChronoUnit.MICROS);
        AuditText.require(requestId, "request ID");
        EpsException.require(action != null, ErrorCode.MISSING_VALUE, "The audit record's action is missing");
        EpsException.require(who != null, ErrorCode.MISSING_VALUE, "The audit record's caller is missing");
        AuditText.requireOptional(prescriptionId, "prescription ID");
        AuditText.requireOptional(nhsNumber, "NHS number");
        AuditText.require(outcome, "outcome");
    }

    /** The outcome of a request refused with this code: the code's name. */
    public static String outcomeOf(ErrorCode code) {
        return Objects.requireNonNull(code, "code").name();
    }
}
