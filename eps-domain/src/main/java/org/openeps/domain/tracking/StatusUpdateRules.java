package org.openeps.domain.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;
import org.openeps.domain.tracking.StatusUpdateEntry.Identifier;

/**
 * The rules a Prescription Status Update bundle must keep, as the NHS Prescription Status Update API applies them, with
 * its messages:
 * <ol>
 *   <li>the body is a {@code Bundle} of type {@code transaction} of at most {@value #MAX_ENTRIES} entries;</li>
 *   <li>each entry has every required field: {@code fullUrl}, and the Task's {@code lastModified}, line item ID,
 *       NHS number, pharmacy ODS code, prescription ID, business status, {@code id} and {@code status} (else
 *       {@code Missing required field(s) - ...}, and nothing more is checked);</li>
 *   <li>{@code fullUrl} is {@code urn:uuid:} followed by the Task ID (ignoring case); the business status is one of
 *       {@link BusinessStatus} (ignoring case, as the API does); {@code lastModified} is a date-time with a zone at
 *       most {@link #MAX_AHEAD} ahead of the time received; the NHS number and the prescription ID have valid check
 *       digits; the resource is a {@code Task}; {@code Task.status} is {@code in-progress} or {@code completed} and
 *       one the business status allows; every identifier has its code system;</li>
 *   <li>and, because the service keys what it stores by them: the Task ID is a UUID (stored in lower case, so that
 *       {@code ABC...} and {@code abc...} are the same Task), {@code lastModified} is not before
 *       {@link #EARLIEST_LAST_MODIFIED}, the line item ID is a UUID, the ODS code is one, and the eRD Repeat Number,
 *       when sent, is a whole number from 1 (without one the update is about issue 1).</li>
 * </ol>
 * Every problem of an entry is reported, joined by spaces. One invalid entry refuses the whole bundle.
 */
public final class StatusUpdateRules {

    /** The most entries one bundle may hold: more than the busiest pharmacy sends at once, well within one request. */
    public static final int MAX_ENTRIES = 500;
    /** How far ahead of the time received {@code lastModified} may be. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);
    /** The earliest {@code lastModified} accepted: no pharmacy sent a status update before EPS existed. */
    public static final Instant EARLIEST_LAST_MODIFIED = Instant.parse("2000-01-01T00:00:00Z");

    public static final String PRESCRIPTION_ID_SYSTEM = "https://fhir.nhs.uk/Id/prescription-order-number";
    public static final String LINE_ITEM_ID_SYSTEM = "https://fhir.nhs.uk/Id/prescription-order-item-number";
    public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_CODE_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    /** {@code Task.input.type.text} of the eRD repeat number. */
    public static final String REPEAT_NUMBER = "Repeat Number";

    static final String NOT_A_TRANSACTION =
            "Request body does not have resourceType of 'Bundle' and type of 'transaction'.";

    private static final String FULL_URL_PREFIX = "urn:uuid:";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("^[0-9]{1,9}$");
    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private StatusUpdateRules() {
    }

    /**
     * Checks a whole bundle.
     *
     * @param receivedAt when the service received it, by its own clock: the time {@code lastModified} is measured
     *                   against and the time each update is stored with
     */
    public static StatusUpdateCheck check(StatusUpdateBundle bundle, Instant receivedAt) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (!bundle.resourceType().equals(Optional.of("Bundle")) || !bundle.type().equals(Optional.of("transaction"))) {
            return new StatusUpdateCheck.Invalid(List.of(new EntryVerdict.Refused(Optional.empty(), NOT_A_TRANSACTION)));
        }
        if (bundle.entries().size() > MAX_ENTRIES) {
            return new StatusUpdateCheck.Invalid(List.of(new EntryVerdict.Refused(Optional.empty(),
                    tooManyEntries(bundle.entries().size()))));
        }
        List<EntryVerdict> verdicts = bundle.entries().stream().map(entry -> check(entry, receivedAt)).toList();
        if (verdicts.stream().allMatch(EntryVerdict.Accepted.class::isInstance)) {
            return new StatusUpdateCheck.Valid(verdicts.stream().map(EntryVerdict.Accepted.class::cast).toList());
        }
        return new StatusUpdateCheck.Invalid(verdicts);
    }

    /** What the answer says when a bundle holds more than {@value #MAX_ENTRIES} entries. */
    public static String tooManyEntries(int entries) {
        return "A status update bundle may hold at most " + MAX_ENTRIES + " entries; this one holds " + entries
                + ". Send them in several bundles.";
    }

    /** Checks one entry; see the class description for the rules, in the order they are applied. */
    public static EntryVerdict check(StatusUpdateEntry entry, Instant receivedAt) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(receivedAt, "receivedAt");
        List<String> missing = missingFields(entry);
        if (!missing.isEmpty()) {
            return new EntryVerdict.Refused(entry.fullUrl(),
                    "Missing required field(s) - " + String.join(", ", missing) + ".");
        }
        List<String> issues = new ArrayList<>();
        String taskId = text(entry.taskId());
        if (!entry.fullUrl().orElseThrow().equalsIgnoreCase(FULL_URL_PREFIX + taskId)) {
            issues.add("Invalid entry fullUrl or task id.");
        }
        String statusCode = text(entry.businessStatus().value());
        Optional<BusinessStatus> businessStatus = businessStatus(statusCode);
        if (businessStatus.isEmpty()) {
            issues.add("Invalid business status.");
        }
        Optional<Instant> lastModified = lastModified(text(entry.lastModified()));
        if (lastModified.isEmpty()) {
            issues.add("Date format provided for lastModified is invalid.");
        } else if (Duration.between(receivedAt, lastModified.get()).compareTo(MAX_AHEAD) > 0) {
            issues.add("Invalid last modified value provided.");
        } else if (lastModified.get().isBefore(EARLIEST_LAST_MODIFIED)) {
            issues.add("Invalid last modified value provided: it must not be before 2000-01-01.");
        }
        Optional<NhsNumber> nhsNumber = entry.validNhsNumber();
        if (nhsNumber.isEmpty()) {
            issues.add("NHS number is invalid.");
        }
        Optional<PrescriptionId> prescriptionId = entry.validPrescriptionId();
        if (prescriptionId.isEmpty()) {
            issues.add("Prescription ID is invalid.");
        }
        if (!entry.resourceType().equals(Optional.of("Task"))) {
            issues.add("Resource's resourceType is not 'Task'.");
        }
        String taskStatusCode = text(entry.taskStatus());
        Optional<TaskStatus> taskStatus = TaskStatus.fromCode(taskStatusCode);
        taskStatusAgainstBusinessStatus(statusCode, businessStatus, taskStatusCode, taskStatus).ifPresent(issues::add);
        codeSystems(entry).ifPresent(issues::add);
        if (!UUID.matcher(taskId).matches()) {
            issues.add("Task ID is invalid: it must be a UUID.");
        }
        Optional<LineItemId> itemId = entry.validItemId();
        if (itemId.isEmpty()) {
            issues.add("Line item ID is invalid.");
        }
        Optional<OdsCode> pharmacy = entry.validPharmacy();
        if (pharmacy.isEmpty()) {
            issues.add("Received invalid ODS codes: [\"" + quoted(text(entry.pharmacy().value())) + "\"]");
        }
        Optional<Integer> issueNumber = entry.repeatNumber().map(StatusUpdateRules::repeatNumber)
                .orElse(Optional.of(1));
        if (issueNumber.isEmpty()) {
            issues.add("Invalid Repeat Number: it must be a whole number from 1.");
        }
        if (!issues.isEmpty()) {
            return new EntryVerdict.Refused(entry.fullUrl(), String.join(" ", issues));
        }
        return new EntryVerdict.Accepted(entry.fullUrl(), new PharmacyStatus(taskId.toLowerCase(Locale.ROOT),
                prescriptionId.get(), itemId.get(), issueNumber.get(), nhsNumber.get(), pharmacy.get(),
                businessStatus.get(), taskStatus.get(), lastModified.get(), receivedAt));
    }

    /** The required fields not sent, named as the API names them. */
    private static List<String> missingFields(StatusUpdateEntry entry) {
        List<String> missing = new ArrayList<>();
        addIfMissing(missing, entry.fullUrl(), "FullUrl");
        addIfMissing(missing, entry.lastModified(), "LastModified");
        addIfMissing(missing, entry.item().value(), "LineItemID");
        addIfMissing(missing, entry.patient().value(), "PatientNHSNumber");
        addIfMissing(missing, entry.pharmacy().value(), "PharmacyODSCode");
        addIfMissing(missing, entry.prescription().value(), "PrescriptionID");
        addIfMissing(missing, entry.businessStatus().value(), "Status");
        addIfMissing(missing, entry.taskId(), "TaskID");
        addIfMissing(missing, entry.taskStatus(), "TerminalStatus");
        return missing;
    }

    private static void addIfMissing(List<String> missing, Optional<String> value, String name) {
        if (value.filter(text -> !text.isBlank()).isEmpty()) {
            missing.add(name);
        }
    }

    /** The business status with this code, ignoring case: the API accepts {@code Ready to collect}. */
    private static Optional<BusinessStatus> businessStatus(String code) {
        return Arrays.stream(BusinessStatus.values())
                .filter(status -> status.code().toLowerCase(Locale.ROOT).equals(code.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    private static Optional<String> taskStatusAgainstBusinessStatus(String statusCode,
                                                                    Optional<BusinessStatus> businessStatus,
                                                                    String taskStatusCode,
                                                                    Optional<TaskStatus> taskStatus) {
        if (businessStatus.isEmpty()) {
            return Optional.of("Unsupported Task.businessStatus '" + statusCode + "'.");
        }
        if (taskStatus.isEmpty()) {
            return Optional.of("Unsupported Task.status '" + taskStatusCode + "'.");
        }
        if (businessStatus.get().allows(taskStatus.get())) {
            return Optional.empty();
        }
        return Optional.of("Task.status field set to '" + taskStatusCode + "' but Task.businessStatus value of '"
                + statusCode + "' " + switch (taskStatus.get()) {
                    case COMPLETED -> "requires follow up action.";
                    case IN_PROGRESS -> "has no possible follow up action.";
                });
    }

    private static Optional<String> codeSystems(StatusUpdateEntry entry) {
        List<String> wrong = new ArrayList<>();
        addIfWrongSystem(wrong, entry.item(), LINE_ITEM_ID_SYSTEM, "LineItemID");
        addIfWrongSystem(wrong, entry.patient(), NHS_NUMBER_SYSTEM, "PatientNHSNumber");
        addIfWrongSystem(wrong, entry.pharmacy(), ODS_CODE_SYSTEM, "PharmacyODSCode");
        addIfWrongSystem(wrong, entry.prescription(), PRESCRIPTION_ID_SYSTEM, "PrescriptionID");
        addIfWrongSystem(wrong, entry.businessStatus(), BusinessStatus.SYSTEM, "Status");
        return wrong.isEmpty() ? Optional.empty()
                : Optional.of("Invalid CodeSystem(s) - " + String.join(", ", wrong) + ".");
    }

    private static void addIfWrongSystem(List<String> wrong, Identifier identifier, String system, String name) {
        if (!identifier.system().equals(Optional.of(system))) {
            wrong.add(name);
        }
    }

    /** An ISO 8601 date-time with its zone or offset, e.g. {@code 2024-01-30T12:01:24Z}. */
    private static Optional<Instant> lastModified(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> repeatNumber(String text) {
        String digits = text.strip();
        if (!WHOLE_NUMBER.matcher(digits).matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(digits);
        return number >= 1 ? Optional.of(number) : Optional.empty();
    }

    private static String text(Optional<String> value) {
        return value.orElse("");
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
