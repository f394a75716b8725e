package org.openeps.domain.prescription;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * One issue of a prescription: an acute or repeat prescription has one, an eRD prescription one per repeat. Each
 * issue has its own status and its own status for every item; the item statuses must be ones the issue's status
 * allows (see {@link PrescriptionStatus#allowedItemStatuses()}).
 *
 * @param number       1 for the first issue
 * @param itemStatuses the status of every item, in prescription order
 */
public record Issue(int number, PrescriptionStatus status, Map<LineItemId, ItemStatus> itemStatuses) {

    public Issue {
        EpsException.require(number >= 1, ErrorCode.INVALID_VALUE, "Issue numbers start at 1");
        Objects.requireNonNull(status, "status");
        itemStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(itemStatuses));
        EpsException.require(!itemStatuses.isEmpty(), ErrorCode.MISSING_VALUE, "An issue has at least one item");
        for (Map.Entry<LineItemId, ItemStatus> item : itemStatuses.entrySet()) {
            EpsException.require(status.allowedItemStatuses().contains(item.getValue()),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION,
                    "Item " + item.getKey() + " cannot be " + item.getValue().code() + " while issue " + number
                            + " is " + status.code());
        }
    }

    /** The status of one item in this issue. */
    public ItemStatus itemStatus(LineItemId item) {
        ItemStatus itemStatus = itemStatuses.get(item);
        EpsException.require(itemStatus != null, ErrorCode.RESOURCE_NOT_FOUND, "No item " + item + " in this prescription");
        return itemStatus;
    }
}
