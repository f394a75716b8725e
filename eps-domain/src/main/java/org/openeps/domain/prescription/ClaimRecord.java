package org.openeps.domain.prescription;

import java.time.Instant;
import java.util.Objects;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The claim made for an issue.
 *
 * @param claimId    the identifier of the latest claim (an amend replaces it)
 * @param receivedAt when the first claim arrived; an amend keeps it
 */
public record ClaimRecord(String claimId, Instant receivedAt) {

    public ClaimRecord {
        EpsException.require(claimId != null && !claimId.isBlank(), ErrorCode.MISSING_VALUE, "A claim needs its identifier");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
