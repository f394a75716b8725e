package org.openeps.domain.prescription;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * One dispense notification applied to an issue, with the state it replaced, so that it can be withdrawn or amended.
 *
 * @param notificationId the dispense notification's {@code Bundle.identifier}
 * @param statusBefore   the status before this notification
 * @param itemsBefore    the item statuses before this notification
 */
public record DispenseRecord(String notificationId, Instant at, PrescriptionStatus statusBefore,
                             Map<LineItemId, ItemStatus> itemsBefore) {

    public DispenseRecord {
        EpsException.require(notificationId != null && !notificationId.isBlank(), ErrorCode.MISSING_VALUE,
                "A dispense notification needs its identifier");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(statusBefore, "statusBefore");
        itemsBefore = Collections.unmodifiableMap(new LinkedHashMap<>(itemsBefore));
    }
}
