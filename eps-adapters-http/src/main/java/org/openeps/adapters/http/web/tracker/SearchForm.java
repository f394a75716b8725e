package org.openeps.adapters.http.web.tracker;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openeps.adapters.http.web.FieldError;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.NhsNumber;

/**
 * The tracker's three searches as typed into their forms, and what is wrong with them, in the words of the NHS design
 * system's error messages.
 *
 * @param by the search shown: {@code id}, {@code nhs} or {@code details}
 */
public record SearchForm(String by, String prescriptionId, String nhsNumber, String familyName, String givenName,
                         String day, String month, String year, String postcode, List<FieldError> errors) {

    static final String BY_ID = "id";
    static final String BY_NHS_NUMBER = "nhs";
    static final String BY_DETAILS = "details";
    private static final Pattern POSTCODE = Pattern.compile("^[A-Za-z0-9 ]{2,8}$");
    private static final Pattern DIGITS = Pattern.compile("^\\d{1,4}$");

    public SearchForm {
        errors = List.copyOf(errors);
    }

    /** An empty form showing one of the searches. */
    static SearchForm empty(String by) {
        return new SearchForm(known(by), "", "", "", "", "", "", "", "", List.of());
    }

    /** What the request's query parameters say. */
    static SearchForm of(Context ctx, String by) {
        return new SearchForm(known(by), text(ctx, "prescriptionId"), text(ctx, "nhsNumber"), text(ctx, "familyName"),
                text(ctx, "givenName"), text(ctx, "day"), text(ctx, "month"), text(ctx, "year"), text(ctx, "postcode"),
                List.of());
    }

    SearchForm withErrors(List<FieldError> found) {
        return new SearchForm(by, prescriptionId, nhsNumber, familyName, givenName, day, month, year, postcode, found);
    }

    /** The prescription ID, or what is wrong with it. */
    Parsed<PrescriptionId> parsedPrescriptionId() {
        String id = prescriptionId.strip().toUpperCase(Locale.ROOT);
        if (id.isEmpty()) {
            return Parsed.error("prescriptionId", "Enter a prescription ID");
        }
        try {
            return Parsed.of(PrescriptionId.parse(id));
        } catch (EpsException e) {
            return Parsed.error("prescriptionId", "Enter a prescription ID in the correct format, like"
                    + " 24F5DA-A83008-7EFE6Z");
        }
    }

    /** The NHS number (spaces allowed, as people write it), or what is wrong with it. */
    Parsed<NhsNumber> parsedNhsNumber() {
        String digits = nhsNumber.replaceAll("[\\s-]", "");
        if (digits.isEmpty()) {
            return Parsed.error("nhsNumber", "Enter an NHS number");
        }
        if (!digits.matches("\\d{10}")) {
            return Parsed.error("nhsNumber", "NHS number must be 10 digits");
        }
        try {
            return Parsed.of(NhsNumber.parse(digits));
        } catch (EpsException e) {
            return Parsed.error("nhsNumber", "Enter a valid NHS number");
        }
    }

    /** The basic details, or every problem with them. */
    Parsed<Details> parsedDetails(LocalDate today) {
        List<FieldError> found = new ArrayList<>();
        if (familyName.isBlank()) {
            found.add(new FieldError("familyName", "Enter the patient's last name"));
        } else if (familyName.length() > 100) {
            found.add(new FieldError("familyName", "Last name must be 100 characters or fewer"));
        }
        if (givenName.length() > 100) {
            found.add(new FieldError("givenName", "First name must be 100 characters or fewer"));
        }
        Optional<LocalDate> dateOfBirth = dateOfBirth(today, found);
        if (!postcode.isBlank() && !POSTCODE.matcher(postcode.strip()).matches()) {
            found.add(new FieldError("postcode", "Enter a real postcode, like LS1 4AP"));
        }
        if (!found.isEmpty()) {
            return new Parsed<>(Optional.empty(), found);
        }
        return Parsed.of(new Details(familyName.strip(), dateOfBirth.orElseThrow(),
                Optional.of(givenName.strip()).filter(name -> !name.isEmpty()),
                Optional.of(postcode.strip()).filter(code -> !code.isEmpty())));
    }

    private Optional<LocalDate> dateOfBirth(LocalDate today, List<FieldError> found) {
        if (day.isBlank() && month.isBlank() && year.isBlank()) {
            found.add(new FieldError("dob-day", "Enter the patient's date of birth"));
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        if (day.isBlank()) {
            missing.add("day");
        }
        if (month.isBlank()) {
            missing.add("month");
        }
        if (year.isBlank()) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            found.add(new FieldError("dob-" + missing.getFirst(), "Date of birth must include a "
                    + String.join(" and ", missing)));
            return Optional.empty();
        }
        if (!DIGITS.matcher(day.strip()).matches() || !DIGITS.matcher(month.strip()).matches()
                || !year.strip().matches("\\d{4}")) {
            found.add(new FieldError("dob-day", "Date of birth must be a real date"));
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                    Integer.parseInt(day.strip()));
            if (date.isAfter(today)) {
                found.add(new FieldError("dob-day", "Date of birth must be in the past"));
                return Optional.empty();
            }
            if (date.getYear() < 1880) {
                found.add(new FieldError("dob-year", "Year of birth must be 1880 or later"));
                return Optional.empty();
            }
            return Optional.of(date);
        } catch (DateTimeException e) {
            found.add(new FieldError("dob-day", "Date of birth must be a real date"));
            return Optional.empty();
        }
    }

    /** Whether the error list has an error about the date of birth. */
    public boolean dateOfBirthError() {
        return FieldError.any(errors, "dob-day", "dob-month", "dob-year");
    }

    public Optional<String> error(String field) {
        return FieldError.messageFor(errors, field);
    }

    private static String known(String by) {
        return by != null && (by.equals(BY_NHS_NUMBER) || by.equals(BY_DETAILS)) ? by : BY_ID;
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }

    /** The basic details of a search by them. */
    record Details(String familyName, LocalDate dateOfBirth, Optional<String> givenName, Optional<String> postcode) {
    }

    /** A value read from the form, or the errors that stop it being read. */
    record Parsed<T>(Optional<T> value, List<FieldError> errors) {
        static <T> Parsed<T> of(T value) {
            return new Parsed<>(Optional.of(value), List.of());
        }

        static <T> Parsed<T> error(String field, String message) {
            return new Parsed<>(Optional.empty(), List.of(new FieldError(field, message)));
        }
    }
}
