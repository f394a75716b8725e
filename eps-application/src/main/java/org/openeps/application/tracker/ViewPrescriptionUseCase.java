package org.openeps.application.tracker;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The clinical tracker's prescription details: one issue of a prescription with its items, organisations and history.
 * The answer is a view model: the tracker's JSON API and its web page are both drawn from it.
 */
public interface ViewPrescriptionUseCase {

    /**
     * The details of the issue asked for, or of the current issue (the first not complete, else the last). Empty when
     * the prescription is unknown.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} when the prescription has no such issue
     */
    Optional<PrescriptionDetails> view(ViewPrescriptionQuery query);

    /** A prescription, and optionally which of its issues (1-based). */
    record ViewPrescriptionQuery(PrescriptionId prescriptionId, OptionalInt issueNumber) {
        public ViewPrescriptionQuery {
            Objects.requireNonNull(prescriptionId, "prescriptionId");
            Objects.requireNonNull(issueNumber, "issueNumber");
            issueNumber.ifPresent(number -> EpsException.require(number >= 1, ErrorCode.INVALID_VALUE,
                    "issueNumber must be 1 or more, not " + number));
        }

        public static ViewPrescriptionQuery of(PrescriptionId id) {
            return new ViewPrescriptionQuery(id, OptionalInt.empty());
        }
    }
}
