package org.openeps.domain.prescription;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/**
 * One issue of a prescription: an acute or repeat prescription has one, an eRD prescription one per repeat. Each
 * issue has its own status and its own status for every item; the item statuses must be ones the issue's status
 * allows (see {@link PrescriptionStatus#allowedItemStatuses()}).
 *
 * @param number              1 for the first issue
 * @param itemStatuses        the status of every item, in prescription order
 * @param dispenser           the dispenser it was released to (kept after dispensing, for the claim)
 * @param pendingCancellation a cancellation asked for while it was with the dispenser
 * @param dispenses           the dispense notifications applied, oldest first
 * @param claim               the claim, once made
 */
public record Issue(
        int number,
        PrescriptionStatus status,
        Map<LineItemId, ItemStatus> itemStatuses,
        Optional<OdsCode> dispenser,
        Optional<PendingCancellation> pendingCancellation,
        List<DispenseRecord> dispenses,
        Optional<ClaimRecord> claim) {

    public Issue {
        EpsException.require(number >= 1, ErrorCode.INVALID_VALUE, "Issue numbers start at 1");
        Objects.requireNonNull(status, "status");
        itemStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(itemStatuses));
        Objects.requireNonNull(dispenser, "dispenser");
        Objects.requireNonNull(pendingCancellation, "pendingCancellation");
        dispenses = List.copyOf(dispenses);
        Objects.requireNonNull(claim, "claim");
        EpsException.require(!itemStatuses.isEmpty(), ErrorCode.MISSING_VALUE, "An issue has at least one item");
        for (Map.Entry<LineItemId, ItemStatus> item : itemStatuses.entrySet()) {
            EpsException.require(item.getValue() != null && status.allowedItemStatuses().contains(item.getValue()),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION,
                    "Item " + item.getKey() + " cannot be " + (item.getValue() == null ? "without status" : item.getValue().code())
                            + " while issue " + number + " is " + status.code());
        }
    }

    /** A new issue that no dispenser has seen. */
    public Issue(int number, PrescriptionStatus status, Map<LineItemId, ItemStatus> itemStatuses) {
        this(number, status, itemStatuses, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** The status of one item in this issue. */
    public ItemStatus itemStatus(LineItemId item) {
        ItemStatus itemStatus = itemStatuses.get(item);
        EpsException.require(itemStatus != null, ErrorCode.ITEM_NOT_FOUND, "No item " + item + " in this prescription");
        return itemStatus;
    }

    /** When the latest dispense notification still standing arrived. */
    public Optional<Instant> lastDispensedAt() {
        return dispenses.isEmpty() ? Optional.empty() : Optional.of(dispenses.get(dispenses.size() - 1).at());
    }

    Issue withStatus(PrescriptionStatus newStatus, Map<LineItemId, ItemStatus> newItems) {
        return new Issue(number, newStatus, newItems, dispenser, pendingCancellation, dispenses, claim);
    }

    Issue withDispenser(Optional<OdsCode> newDispenser) {
        return new Issue(number, status, itemStatuses, newDispenser, pendingCancellation, dispenses, claim);
    }

    Issue withPendingCancellation(Optional<PendingCancellation> cancellation) {
        return new Issue(number, status, itemStatuses, dispenser, cancellation, dispenses, claim);
    }

    Issue withDispenses(List<DispenseRecord> newDispenses) {
        return new Issue(number, status, itemStatuses, dispenser, pendingCancellation, newDispenses, claim);
    }

    Issue withClaim(Optional<ClaimRecord> newClaim) {
        return new Issue(number, status, itemStatuses, dispenser, pendingCancellation, dispenses, newClaim);
    }
}
