package org.openeps.domain.prescription;

import java.util.Locale;
import java.util.regex.Pattern;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The long-form prescription ID carried in the {@code Extension-DM-PrescriptionId} extension: a UUID
 * ({@code 20ba5fb5-cb58-462c-923e-22d180b09356}), or a 37-character form, the UUID followed by one check
 * character.
 *
 * <p>The UUID is stored in lower case, so IDs differing only in the case of the UUID are equal. A trailing check
 * character is kept as given: it must be one of {@code 0-9}, {@code A-Z} or {@code +}, but it is not verified
 * against the UUID.
 *
 * @param value the UUID in lower case, followed by the check character if there is one
 * @throws EpsException {@link ErrorCode#MISSING_VALUE} if the value is null, {@link ErrorCode#INVALID_VALUE}
 *     if it is neither form
 */
public record LongFormPrescriptionId(String value) {

    private static final Pattern FORMAT = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}[0-9A-Z+]?$");
    private static final int UUID_LENGTH = 36;

    public LongFormPrescriptionId {
        EpsException.require(value != null, ErrorCode.MISSING_VALUE, "long-form prescription ID is missing");
        EpsException.require(FORMAT.matcher(value).matches(), ErrorCode.INVALID_VALUE,
                "long-form prescription ID must be a UUID, optionally followed by a check character: '" + value + "'");
        value = value.substring(0, UUID_LENGTH).toLowerCase(Locale.ROOT) + value.substring(UUID_LENGTH);
    }

    /**
     * Parses a long-form prescription ID as received at the edge of the system; surrounding whitespace is ignored.
     *
     * @throws EpsException {@link ErrorCode#MISSING_VALUE} if {@code raw} is null or blank, otherwise as the
     *     constructor
     */
    public static LongFormPrescriptionId parse(String raw) {
        EpsException.require(raw != null && !raw.isBlank(), ErrorCode.MISSING_VALUE,
                "long-form prescription ID is missing");
        return new LongFormPrescriptionId(raw.strip());
    }

    /** The ID as stored. */
    @Override
    public String toString() {
        return value;
    }
}
