package org.openeps.domain.prescription;

import java.util.Arrays;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** The kind of dispenser a prescription is nominated to ({@code Extension-DM-PerformerSiteType}). */
public enum DispensingSiteType {
    PHARMACY("P1"),
    APPLIANCE_CONTRACTOR("P2"),
    DISPENSING_DOCTOR("P3"),
    NONE("0004");

    private final String code;

    DispensingSiteType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DispensingSiteType fromCode(String code) {
        return Arrays.stream(values())
                .filter(type -> type.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new EpsException(ErrorCode.INVALID_VALUE,
                        "Unknown dispensing site preference: " + code + "; expected P1, P2, P3 or 0004"));
    }
}
