package org.openeps.domain.prescription;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The reason codes of what one change did to one issue, as its {@link HistoryEvent} keeps them: why the prescription
 * or items were cancelled ({@code medicationrequest-status-reason}, e.g. {@code 0001} prescribing error) and why a
 * dispenser did not dispense them ({@code medicationdispense-status-reason}, e.g. {@code 0003} owings note issued).
 *
 * @param cancellation      why the issue was cancelled, when this change cancelled it
 * @param nonDispensing     the reason the dispense notification gave for not dispensing the prescription
 * @param itemCancellations why each item this change cancelled was cancelled, where the reason is known
 * @param itemNonDispensing the reason the dispense notification gave for each item it left not dispensed, owing or
 *                          cancelled
 */
public record ChangeReasons(
        Optional<String> cancellation,
        Optional<String> nonDispensing,
        Map<LineItemId, String> itemCancellations,
        Map<LineItemId, String> itemNonDispensing) {

    /** A change that gave no reason. */
    public static final ChangeReasons NONE = new ChangeReasons(Optional.empty(), Optional.empty(), Map.of(), Map.of());

    /** The item statuses a dispenser's reason for not dispensing belongs to. */
    private static final Set<ItemStatus> NOT_DISPENSED = EnumSet.of(ItemStatus.NOT_DISPENSED,
            ItemStatus.NOT_DISPENSED_OWING, ItemStatus.CANCELLED);

    public ChangeReasons {
        requireCode(cancellation, "A cancellation reason");
        requireCode(nonDispensing, "A non-dispensing reason");
        itemCancellations = items(itemCancellations, "itemCancellations");
        itemNonDispensing = items(itemNonDispensing, "itemNonDispensing");
    }

    /**
     * The reasons of a change to one issue, from the issue before it, the issue after it and what the message said.
     *
     * <ul>
     *   <li>An item (or the issue) the change cancelled keeps the cancellation's reason: the one the message gave,
     *       else that of the cancellation pending on this issue or an earlier one (applied when the dispenser returns
     *       the prescription, or reports the item cancelled; an eRD cancellation applies from its issue on).</li>
     *   <li>The dispenser's reasons are kept only for the issue that took the dispense notification (or its amend):
     *       the prescription's as given, an item's only when the item is left not dispensed, owing or cancelled.</li>
     * </ul>
     */
    public static ChangeReasons of(Prescription before, Issue after, ReasonsGiven given) {
        Issue previous = before.issue(after.number());
        List<PendingCancellation> pending = before.issues().stream()
                .filter(issue -> issue.number() <= after.number())
                .flatMap(issue -> issue.pendingCancellation().stream())
                .toList();
        Optional<String> cancellation = Optional.empty();
        if (previous.status() != PrescriptionStatus.CANCELLED && after.status() == PrescriptionStatus.CANCELLED) {
            cancellation = given.cancellation().or(() -> pending.isEmpty() ? Optional.empty()
                    : Optional.of(pending.get(pending.size() - 1).reasonCode()));
        }
        Map<LineItemId, String> itemCancellations = new LinkedHashMap<>();
        for (Map.Entry<LineItemId, ItemStatus> item : after.itemStatuses().entrySet()) {
            if (item.getValue() == ItemStatus.CANCELLED && previous.itemStatus(item.getKey()) != ItemStatus.CANCELLED) {
                given.cancellation().or(() -> pendingReason(pending, item.getKey()))
                        .ifPresent(code -> itemCancellations.put(item.getKey(), code));
            }
        }
        Optional<String> nonDispensing = Optional.empty();
        Map<LineItemId, String> itemNonDispensing = new LinkedHashMap<>();
        if (tookNotification(previous, after)) {
            nonDispensing = given.nonDispensing();
            given.itemNonDispensing().forEach((item, code) -> {
                if (NOT_DISPENSED.contains(after.itemStatuses().get(item))) {
                    itemNonDispensing.put(item, code);
                }
            });
        }
        return new ChangeReasons(cancellation, nonDispensing, itemCancellations, itemNonDispensing);
    }

    /**
     * Whether a dispenser's reason for not dispensing belongs to an item in this status: not dispensed, not dispensed
     * owing, or cancelled.
     */
    public static boolean nonDispensingAppliesTo(ItemStatus status) {
        return NOT_DISPENSED.contains(status);
    }

    /** Why this change cancelled the item, when it did and the reason is known. */
    public Optional<String> cancellationOf(LineItemId item) {
        return Optional.ofNullable(itemCancellations.get(item));
    }

    /** The reason the dispense notification gave for not dispensing the item, when it gave one. */
    public Optional<String> nonDispensingOf(LineItemId item) {
        return Optional.ofNullable(itemNonDispensing.get(item));
    }

    /** The items this change gave a reason for. */
    public Set<LineItemId> items() {
        Set<LineItemId> items = new LinkedHashSet<>(itemCancellations.keySet());
        items.addAll(itemNonDispensing.keySet());
        return Collections.unmodifiableSet(items);
    }

    public boolean isEmpty() {
        return cancellation.isEmpty() && nonDispensing.isEmpty() && itemCancellations.isEmpty()
                && itemNonDispensing.isEmpty();
    }

    /** The issue took a dispense notification (or an amend): it has a latest notification it did not have before. */
    private static boolean tookNotification(Issue previous, Issue after) {
        List<DispenseRecord> was = previous.dispenses();
        List<DispenseRecord> now = after.dispenses();
        return !now.isEmpty() && now.size() >= was.size() && !now.equals(was);
    }

    /** The reason of the latest pending cancellation that covers the item: one of it, or of the whole prescription. */
    private static Optional<String> pendingReason(List<PendingCancellation> pending, LineItemId item) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            PendingCancellation cancellation = pending.get(i);
            if (cancellation.item().map(item::equals).orElse(true)) {
                return Optional.of(cancellation.reasonCode());
            }
        }
        return Optional.empty();
    }

    static void requireCode(Optional<String> code, String what) {
        Objects.requireNonNull(code, what);
        EpsException.require(code.filter(String::isBlank).isEmpty(), ErrorCode.MISSING_VALUE, what + " must not be blank");
    }

    private static Map<LineItemId, String> items(Map<LineItemId, String> reasons, String name) {
        Map<LineItemId, String> copy = new LinkedHashMap<>(Objects.requireNonNull(reasons, name));
        copy.forEach((item, code) -> EpsException.require(item != null && code != null && !code.isBlank(),
                ErrorCode.MISSING_VALUE, "An item's reason needs the item and a code"));
        return Collections.unmodifiableMap(copy);
    }
}
