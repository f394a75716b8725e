package org.openeps.domain.directory;

import java.util.Arrays;
import java.util.Locale;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** Where an organisation is: EPS serves England, Wales and the Isle of Man. */
public enum Country {
    ENGLAND("england"),
    WALES("wales"),
    ISLE_OF_MAN("isle-of-man");

    private final String code;

    Country(String code) {
        this.code = code;
    }

    /** The stable code used in the directory file and the JSON API, e.g. {@code isle-of-man}. */
    public String code() {
        return code;
    }

    /**
     * The country with this code, ignoring case and surrounding whitespace.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} for any other value
     */
    public static Country fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(country -> country.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new EpsException(ErrorCode.INVALID_VALUE,
                        "Unknown country '" + code + "'; expected england, wales or isle-of-man"));
    }
}
