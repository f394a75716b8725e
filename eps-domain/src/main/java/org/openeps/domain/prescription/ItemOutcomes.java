package org.openeps.domain.prescription;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * How a dispense notification moves items and, from them, the issue: the item steps a dispenser may report, and the
 * issue status the items add up to.
 */
final class ItemOutcomes {

    /** Item statuses a dispense notification may report. */
    private static final Set<ItemStatus> REPORTABLE = EnumSet.of(ItemStatus.FULLY_DISPENSED, ItemStatus.NOT_DISPENSED,
            ItemStatus.DISPENSED_PARTIAL, ItemStatus.NOT_DISPENSED_OWING, ItemStatus.CANCELLED);
    /** Items still open: the dispenser may report any reportable status for them. */
    private static final Set<ItemStatus> OPEN = EnumSet.of(ItemStatus.WITH_DISPENSER, ItemStatus.DISPENSED_PARTIAL,
            ItemStatus.NOT_DISPENSED_OWING);
    /** Items still to be supplied: while any is, the issue stays with the dispenser, active. */
    private static final Set<ItemStatus> OUTSTANDING = EnumSet.of(ItemStatus.WITH_DISPENSER,
            ItemStatus.DISPENSED_PARTIAL, ItemStatus.NOT_DISPENSED_OWING);

    private ItemOutcomes() {
    }

    /**
     * The items after a dispense notification: it must name every item; an open item may take any reportable status,
     * a finished one must stay as it is.
     */
    static Map<LineItemId, ItemStatus> apply(Map<LineItemId, ItemStatus> before, Map<LineItemId, ItemStatus> reported) {
        for (LineItemId item : reported.keySet()) {
            EpsException.require(before.containsKey(item), ErrorCode.ITEM_NOT_FOUND,
                    "Item " + item + " is not part of this prescription");
        }
        Map<LineItemId, ItemStatus> after = new LinkedHashMap<>();
        for (Map.Entry<LineItemId, ItemStatus> item : before.entrySet()) {
            ItemStatus now = reported.get(item.getKey());
            EpsException.require(now != null, ErrorCode.ITEM_NOT_FOUND,
                    "The dispense notification must give a status for item " + item.getKey());
            ItemStatus was = item.getValue();
            boolean allowed = OPEN.contains(was) ? REPORTABLE.contains(now) : now == was;
            EpsException.require(allowed, ErrorCode.INVALID_LINE_STATE_TRANSITION,
                    "Item " + item.getKey() + " cannot go from " + was.code() + " (" + was.label() + ") to "
                            + now.code() + " (" + now.label() + ")");
            after.put(item.getKey(), now);
        }
        return after;
    }

    /** The issue status the items add up to: 0003 while any is outstanding, else 0006 if any was dispensed, else 0007. */
    static PrescriptionStatus issueStatus(Map<LineItemId, ItemStatus> items) {
        if (items.values().stream().anyMatch(OUTSTANDING::contains)) {
            return PrescriptionStatus.WITH_DISPENSER_ACTIVE;
        }
        return items.containsValue(ItemStatus.FULLY_DISPENSED) ? PrescriptionStatus.DISPENSED
                : PrescriptionStatus.NOT_DISPENSED;
    }

    /**
     * A prescription status a dispense notification may declare: with dispenser - active, dispensed or not dispensed.
     * Whether the items fit it is checked by {@link Issue} like any other combination.
     */
    static PrescriptionStatus declarable(PrescriptionStatus declared) {
        EpsException.require(EnumSet.of(PrescriptionStatus.WITH_DISPENSER_ACTIVE, PrescriptionStatus.DISPENSED,
                        PrescriptionStatus.NOT_DISPENSED).contains(declared), ErrorCode.INVALID_VALUE,
                "A dispense notification may declare the prescription 0003, 0006 or 0007, not " + declared.code());
        return declared;
    }

    /** Item statuses at expiry: what was still to supply expires, a partial supply counts as dispensed, owing as not. */
    static ItemStatus expired(ItemStatus status) {
        return switch (status) {
            case TO_BE_DISPENSED, WITH_DISPENSER -> ItemStatus.EXPIRED;
            case DISPENSED_PARTIAL -> ItemStatus.FULLY_DISPENSED;
            case NOT_DISPENSED_OWING -> ItemStatus.NOT_DISPENSED;
            case FULLY_DISPENSED, NOT_DISPENSED, CANCELLED, EXPIRED -> status;
        };
    }
}
