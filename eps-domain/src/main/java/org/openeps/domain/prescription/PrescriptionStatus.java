package org.openeps.domain.prescription;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The status of one issue of a prescription, with its EPS code and the label the tracker shows.
 *
 * <p>Each status also says which {@link ItemStatus item statuses} may stand under it; {@link Issue} enforces that.
 */
public enum PrescriptionStatus {
    AWAITING_RELEASE_READY("0000", "Available to download when due", Group.CANCELLABLE),
    TO_BE_DISPENSED("0001", "Available to download", Group.CANCELLABLE),
    WITH_DISPENSER("0002", "Downloaded by a dispenser", Group.WITH_DISPENSER),
    WITH_DISPENSER_ACTIVE("0003", "Some items dispensed", Group.WITH_DISPENSER),
    EXPIRED("0004", "Expired", Group.COMPLETED),
    CANCELLED("0005", "Cancelled", Group.COMPLETED),
    DISPENSED("0006", "All items dispensed", Group.COMPLETED),
    NOT_DISPENSED("0007", "Not dispensed", Group.COMPLETED),
    CLAIMED("0008", "Claimed", Group.COMPLETED),
    NO_CLAIMED("0009", "Not claimed", Group.COMPLETED),
    REPEAT_DISPENSE_FUTURE_ISSUE("9000", "Future eRD issue", Group.CANCELLABLE),
    FUTURE_DATED("9001", "To dispense in the future", Group.CANCELLABLE),
    CANCELLED_FUTURE_ISSUE("9005", "Future prescription cancelled", Group.PLACEHOLDER);

    /** The groups REFERENCE.md names: which statuses a prescriber may cancel, which are with a dispenser, which are over. */
    public enum Group { CANCELLABLE, WITH_DISPENSER, COMPLETED, PLACEHOLDER }

    private final String code;
    private final String label;
    private final Group group;

    PrescriptionStatus(String code, String label, Group group) {
        this.code = code;
        this.label = label;
        this.group = group;
    }

    /** The four-digit EPS code, e.g. {@code "0001"}. */
    public String code() {
        return code;
    }

    /** What the clinical tracker shows for this status. */
    public String label() {
        return label;
    }

    public Group group() {
        return group;
    }

    /** The item statuses that may stand under an issue in this status. */
    public Set<ItemStatus> allowedItemStatuses() {
        return switch (this) {
            case AWAITING_RELEASE_READY, TO_BE_DISPENSED, REPEAT_DISPENSE_FUTURE_ISSUE, FUTURE_DATED, CANCELLED_FUTURE_ISSUE ->
                    EnumSet.of(ItemStatus.CANCELLED, ItemStatus.EXPIRED, ItemStatus.TO_BE_DISPENSED);
            case WITH_DISPENSER -> EnumSet.of(ItemStatus.CANCELLED, ItemStatus.EXPIRED, ItemStatus.WITH_DISPENSER);
            case WITH_DISPENSER_ACTIVE -> EnumSet.of(ItemStatus.FULLY_DISPENSED, ItemStatus.NOT_DISPENSED,
                    ItemStatus.DISPENSED_PARTIAL, ItemStatus.NOT_DISPENSED_OWING, ItemStatus.CANCELLED,
                    ItemStatus.EXPIRED, ItemStatus.WITH_DISPENSER);
            case EXPIRED, CANCELLED -> EnumSet.of(ItemStatus.CANCELLED, ItemStatus.EXPIRED);
            case DISPENSED, CLAIMED, NO_CLAIMED -> EnumSet.of(ItemStatus.FULLY_DISPENSED, ItemStatus.NOT_DISPENSED,
                    ItemStatus.CANCELLED, ItemStatus.EXPIRED);
            case NOT_DISPENSED -> EnumSet.of(ItemStatus.NOT_DISPENSED, ItemStatus.CANCELLED, ItemStatus.EXPIRED);
        };
    }

    /** The status with this EPS code. */
    public static PrescriptionStatus fromCode(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new EpsException(ErrorCode.INVALID_VALUE, "Unknown prescription status code: " + code));
    }
}
