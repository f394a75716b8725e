package org.openeps.domain.prescription;

import java.util.Arrays;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** The status of one line item within one issue of a prescription, with its EPS code. */
public enum ItemStatus {
    FULLY_DISPENSED("0001", "Item fully dispensed"),
    NOT_DISPENSED("0002", "Item not dispensed"),
    DISPENSED_PARTIAL("0003", "Item dispensed - partial"),
    NOT_DISPENSED_OWING("0004", "Item not dispensed owing"),
    CANCELLED("0005", "Item cancelled"),
    EXPIRED("0006", "Expired"),
    TO_BE_DISPENSED("0007", "Item to be dispensed"),
    WITH_DISPENSER("0008", "Item with dispenser");

    private final String code;
    private final String label;

    ItemStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The four-digit EPS code, e.g. {@code "0007"}. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The item status with this EPS code. */
    public static ItemStatus fromCode(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new EpsException(ErrorCode.INVALID_VALUE, "Unknown item status code: " + code));
    }
}
