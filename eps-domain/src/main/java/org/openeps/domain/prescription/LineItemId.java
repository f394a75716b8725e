package org.openeps.domain.prescription;

import java.util.Locale;
import java.util.regex.Pattern;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The ID of one line item (one MedicationRequest) of a prescription, sent with the system
 * {@code https://fhir.nhs.uk/Id/prescription-order-item-number}: a UUID, stored in lower case.
 *
 * @param value the UUID in lower case
 * @throws EpsException {@link ErrorCode#MISSING_VALUE} if the value is null, {@link ErrorCode#INVALID_VALUE}
 *     if it is not a UUID in the 8-4-4-4-12 hex form
 */
public record LineItemId(String value) {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    public LineItemId {
        EpsException.require(value != null, ErrorCode.MISSING_VALUE, "line item ID is missing");
        EpsException.require(UUID.matcher(value).matches(), ErrorCode.INVALID_VALUE,
                "line item ID must be a UUID: '" + value + "'");
        value = value.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a line item ID as received at the edge of the system; surrounding whitespace is ignored.
     *
     * @throws EpsException {@link ErrorCode#MISSING_VALUE} if {@code raw} is null or blank, otherwise as the
     *     constructor
     */
    public static LineItemId parse(String raw) {
        EpsException.require(raw != null && !raw.isBlank(), ErrorCode.MISSING_VALUE, "line item ID is missing");
        return new LineItemId(raw.strip());
    }

    /** The UUID in lower case. */
    @Override
    public String toString() {
        return value;
    }
}
