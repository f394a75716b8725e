package org.openeps.domain.prescription;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The dates EPS works out for a prescription, all in one place: when it was prescribed, when each issue expires,
 * when each eRD issue may be downloaded, when a prescription counts as future-dated, and the claim period. Dates are
 * English calendar dates.
 */
public record PrescriptionCalendar(PrescriptionOrder order) {

    /** Prescription dates are English calendar dates. */
    public static final ZoneId EPS_ZONE = ZoneId.of("Europe/London");
    /** How long after the last dispense a claim may come; after it, a dispensed issue is no-claimed. */
    public static final Duration CLAIM_PERIOD = Duration.ofDays(180);
    /** How many days before an eRD issue's supply is due the issue becomes available to download. */
    static final int ERD_DOWNLOAD_DAYS_AHEAD = 7;
    /** Issue 1 expires this many months after the prescription date. */
    static final int FIRST_ISSUE_EXPIRY_MONTHS = 6;
    /** Later eRD issues expire this many months after the prescription date. */
    static final int LATER_ISSUE_EXPIRY_MONTHS = 12;

    public PrescriptionCalendar {
        Objects.requireNonNull(order, "order");
    }

    /** The English calendar date of an instant. */
    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, EPS_ZONE);
    }

    /** The prescription date: the day the prescriber signed it. */
    public LocalDate prescriptionDate() {
        return prescriptionDate(order.authoredOn());
    }

    /** The prescription date of a prescription signed at this instant, for read models that hold only that. */
    public static LocalDate prescriptionDate(Instant authoredOn) {
        return LocalDate.ofInstant(authoredOn, EPS_ZONE);
    }

    /** The first day issue {@code number} counts as expired. */
    public LocalDate expiresOn(int number) {
        return prescriptionDate().plusMonths(number == 1 ? FIRST_ISSUE_EXPIRY_MONTHS : LATER_ISSUE_EXPIRY_MONTHS);
    }

    /** The day eRD issue {@code number} may be downloaded: start date + days supply x (n - 1) - 7 days. */
    public LocalDate availableFrom(int number) {
        int days = order.daysSupply().orElse(0) * (number - 1);
        return order.startDate().plusDays(days).minusDays(number == 1 ? 0 : ERD_DOWNLOAD_DAYS_AHEAD);
    }

    /** Whether the prescription may not be dispensed yet on this day: it starts more than one day ahead. */
    public boolean futureDatedOn(LocalDate today) {
        return order.startDate().isAfter(today.plusDays(1));
    }

    /** Whether a claim may still come at {@code now} for an issue last dispensed at {@code dispensedAt}. */
    public static boolean withinClaimPeriod(Instant dispensedAt, Instant now) {
        return now.isBefore(dispensedAt.plus(CLAIM_PERIOD));
    }
}
