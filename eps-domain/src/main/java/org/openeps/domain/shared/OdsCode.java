package org.openeps.domain.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An Organisation Data Service code identifying a prescriber or dispenser organisation, for example GP practice
 * {@code A83008}, pharmacy {@code FA565} or trust {@code RRERP}.
 *
 * <p>One to eight letters, digits or hyphens. ODS codes compare without regard to case, so the value is
 * stored upper-cased: {@code new OdsCode("fa565").equals(new OdsCode("FA565"))}.
 *
 * @param value the code, stored upper-cased
 * @throws EpsException {@link ErrorCode#MISSING_VALUE} if the value is null or blank,
 *     {@link ErrorCode#INVALID_VALUE} if it does not match {@code ^[A-Za-z0-9-]{1,8}$}
 */
public record OdsCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9-]{1,8}$");

    public OdsCode {
        EpsException.require(value != null && !value.isBlank(), ErrorCode.MISSING_VALUE, "ODS code is missing");
        EpsException.require(FORMAT.matcher(value).matches(), ErrorCode.INVALID_VALUE,
                "ODS code must be 1 to 8 letters, digits or hyphens: '" + value + "'");
        value = value.toUpperCase(Locale.ROOT);
    }

    /**
     * Parses an ODS code as received at the edge of the system; surrounding whitespace is ignored.
     *
     * @throws EpsException as the constructor
     */
    public static OdsCode parse(String raw) {
        EpsException.require(raw != null && !raw.isBlank(), ErrorCode.MISSING_VALUE, "ODS code is missing");
        return new OdsCode(raw.strip());
    }

    /** The upper-cased code. */
    @Override
    public String toString() {
        return value;
    }
}
