package org.openeps.domain.directory;

import java.util.Locale;
import java.util.regex.Pattern;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * A UK postcode (England, Wales and the Isle of Man use the same format), kept upper-cased with one space before the
 * inward code: {@code Postcode.parse("dl42hp")} is {@code DL4 2HP}. The NHS pseudo-postcodes such as {@code ZZ99 3WZ}
 * (address not known) have the same shape and are accepted.
 *
 * @param value the postcode, upper-cased, outward and inward code separated by one space
 * @throws EpsException {@link ErrorCode#MISSING_VALUE} if the value is null or blank,
 *     {@link ErrorCode#INVALID_VALUE} if it is not a postcode in that form
 */
public record Postcode(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$");

    public Postcode {
        EpsException.require(value != null && !value.isBlank(), ErrorCode.MISSING_VALUE, "Postcode is missing");
        EpsException.require(FORMAT.matcher(value).matches(), ErrorCode.INVALID_VALUE,
                "Postcode must be a UK postcode such as DL4 2HP: '" + value + "'");
    }

    /**
     * Parses a postcode as written by people: any case, with or without the space, surrounding whitespace ignored.
     *
     * @throws EpsException as the constructor
     */
    public static Postcode parse(String raw) {
        EpsException.require(raw != null && !raw.isBlank(), ErrorCode.MISSING_VALUE, "Postcode is missing");
        String compact = compact(raw);
        EpsException.require(compact.length() >= 5 && compact.length() <= 7, ErrorCode.INVALID_VALUE,
                "Postcode must be a UK postcode such as DL4 2HP: '" + raw.strip() + "'");
        return new Postcode(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
    }

    /** The postcode without spaces, e.g. {@code DL42HP}: what a prefix search compares with. */
    public String compact() {
        return value.replace(" ", "");
    }

    /** Upper-cased, every whitespace character removed. */
    public static String compact(String text) {
        return text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
