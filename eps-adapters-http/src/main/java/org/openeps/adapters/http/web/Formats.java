package org.openeps.adapters.http.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write dates, times and identifiers, as the NHS style guide writes them: "3 February 2026",
 * "3 February 2026 at 2:05pm" (UK time), NHS numbers as "944 930 4130".
 */
public final class Formats {

    /** Times are shown as people in England read them. */
    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private Formats() {
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    public static String shortDate(LocalDate date) {
        return SHORT_DATE.format(date);
    }

    public static String date(Instant instant) {
        return DATE.format(instant.atZone(UK));
    }

    public static String dateTime(Instant instant) {
        return DATE.format(instant.atZone(UK)) + " at " + TIME.format(instant.atZone(UK)).toLowerCase(Locale.UK);
    }

    /** An NHS number in three groups, 3-3-4 digits. */
    public static String nhsNumber(String digits) {
        return digits.length() == 10 ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " "
                + digits.substring(6) : digits;
    }

    /** An ISO date-time for a {@code <time datetime>} attribute. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(UK));
    }
}
