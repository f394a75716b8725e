package org.openeps.adapters.http.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** FHIR {@code date} and {@code dateTime} values. */
public final class FhirDates {

    private FhirDates() {
    }

    /** A {@code date} or the date part of a {@code dateTime}. */
    public static LocalDate date(String value, String where) {
        try {
            return value.length() == 10 ? LocalDate.parse(value)
                    : OffsetDateTime.parse(value).atZoneSameInstant(Prescription.EPS_ZONE).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new EpsException(ErrorCode.INVALID_VALUE, where + " is not a valid FHIR date: " + value);
        }
    }

    /**
     * A {@code dateTime} with offset, or a {@code date} taken as the start of that day in England; kept to the
     * microsecond, as the database keeps it.
     */
    public static Instant instant(String value, String where) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(Prescription.EPS_ZONE).toInstant()
                    : OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new EpsException(ErrorCode.INVALID_VALUE, where + " is not a valid FHIR dateTime: " + value);
        }
    }
}
