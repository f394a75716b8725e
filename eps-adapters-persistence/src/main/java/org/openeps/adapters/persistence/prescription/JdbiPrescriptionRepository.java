package org.openeps.adapters.persistence.prescription;

import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.IssueRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemStatusRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.PrescriptionRow;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItem;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.LongFormPrescriptionId;
import org.openeps.domain.prescription.Medication;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescriber;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.prescription.PrescriptionType;
import org.openeps.domain.prescription.Quantity;
import org.openeps.domain.prescription.TreatmentType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/** Prescriptions in PostgreSQL: one row per prescription, item, issue and item status. */
public final class JdbiPrescriptionRepository implements PrescriptionRepository {

    /** The most prescriptions one patient search returns, newest first. */
    static final int PATIENT_SEARCH_LIMIT = 100;

    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public JdbiPrescriptionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Prescription add(Prescription prescription, String originalMessage) {
        // PostgreSQL keeps timestamps to the microsecond: return what a later read will give.
        Prescription stored = Prescription.rehydrate(prescription.order(), prescription.issues(),
                prescription.receivedAt().truncatedTo(ChronoUnit.MICROS), prescription.version() + 1);
        try {
            jdbi.useTransaction(handle -> {
                PrescriptionDao dao = handle.attach(PrescriptionDao.class);
                dao.insert(toRow(stored), originalMessage);
                dao.insertItems(itemRows(stored));
                dao.insertIssues(stored.issues().stream()
                        .map(issue -> new IssueRow(stored.id().value(), issue.number(), issue.status().code()))
                        .toList());
                dao.insertItemStatuses(stored.issues().stream()
                        .flatMap(issue -> issue.itemStatuses().entrySet().stream()
                                .map(item -> new ItemStatusRow(stored.id().value(), issue.number(),
                                        item.getKey().value(), item.getValue().code())))
                        .toList());
            });
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new EpsException(ErrorCode.DUPLICATE_PRESCRIPTION_ID,
                        "Prescription " + prescription.id() + " has already been received");
            }
            throw e;
        }
        return stored;
    }

    @Override
    public Optional<Prescription> findById(PrescriptionId id) {
        return load(List.of(id.value())).stream().findFirst();
    }

    @Override
    public List<Prescription> findByPatient(NhsNumber nhsNumber) {
        return jdbi.withHandle(handle -> load(
                handle.attach(PrescriptionDao.class).findIdsByPatient(nhsNumber.value(), PATIENT_SEARCH_LIMIT)));
    }

    @Override
    public Optional<String> findOriginalMessage(PrescriptionId id) {
        return jdbi.withHandle(handle -> handle.attach(PrescriptionDao.class).findOriginalMessage(id.value()));
    }

    /** Loads the prescriptions with these IDs, in the order given, with four queries whatever their number. */
    private List<Prescription> load(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            PrescriptionDao dao = handle.attach(PrescriptionDao.class);
            Map<String, PrescriptionRow> rows = dao.findPrescriptions(ids).stream()
                    .collect(Collectors.toMap(PrescriptionRow::id, row -> row));
            Map<String, List<ItemRow>> items = groupBy(dao.findItems(ids), ItemRow::prescriptionId);
            Map<String, List<IssueRow>> issues = groupBy(dao.findIssues(ids), IssueRow::prescriptionId);
            Map<String, List<ItemStatusRow>> statuses = groupBy(dao.findItemStatuses(ids), ItemStatusRow::prescriptionId);
            List<Prescription> found = new ArrayList<>();
            for (String id : ids) {
                PrescriptionRow row = rows.get(id);
                if (row != null) {
                    found.add(toPrescription(row, items.getOrDefault(id, List.of()), issues.getOrDefault(id, List.of()),
                            statuses.getOrDefault(id, List.of())));
                }
            }
            return found;
        });
    }

    private static <T> Map<String, List<T>> groupBy(Collection<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    private static PrescriptionRow toRow(Prescription prescription) {
        PrescriptionOrder order = prescription.order();
        Prescriber prescriber = order.prescriber();
        Patient patient = order.patient();
        return new PrescriptionRow(
                order.id().value(),
                order.longFormId().value(),
                order.type().code(),
                order.treatmentType().code(),
                prescriber.organisation().value(),
                prescriber.organisationName().orElse(null),
                prescriber.name().orElse(null),
                prescriber.sdsUserId().orElse(null),
                prescriber.roleProfileId().orElse(null),
                prescriber.roleCode().orElse(null),
                patient.nhsNumber().value(),
                patient.familyName().orElse(null),
                patient.givenNames().toArray(String[]::new),
                patient.birthDate().orElse(null),
                patient.gender().orElse(null),
                patient.postcode().orElse(null),
                order.nomination().map(nomination -> nomination.organisation().value()).orElse(null),
                order.nomination().map(nomination -> nomination.siteType()).orElse(DispensingSiteType.NONE).code(),
                order.authoredOn(),
                order.startDate(),
                order.daysSupply().orElse(null),
                order.numberOfIssues(),
                prescription.receivedAt(),
                prescription.version());
    }

    private static List<ItemRow> itemRows(Prescription prescription) {
        List<LineItem> items = prescription.order().items();
        return IntStream.range(0, items.size())
                .mapToObj(position -> {
                    LineItem item = items.get(position);
                    return new ItemRow(prescription.id().value(), item.id().value(), position,
                            item.medication().code(), item.medication().display(), item.quantity().value(),
                            item.quantity().unit(), item.dosageText());
                })
                .toList();
    }

    private static Prescription toPrescription(PrescriptionRow row, List<ItemRow> itemRows, List<IssueRow> issueRows,
                                               List<ItemStatusRow> statusRows) {
        Optional<NominatedDispenser> nomination = Optional.ofNullable(row.nominatedOds())
                .map(ods -> new NominatedDispenser(OdsCode.parse(ods),
                        DispensingSiteType.fromCode(row.nominatedSiteType())));
        PrescriptionOrder order = new PrescriptionOrder(
                PrescriptionId.parse(row.id()),
                LongFormPrescriptionId.parse(row.longFormId()),
                new PrescriptionType(row.prescriptionType()),
                TreatmentType.fromCode(row.treatmentType()),
                new Prescriber(Optional.ofNullable(row.prescriberName()), Optional.ofNullable(row.prescriberSdsUserId()),
                        Optional.ofNullable(row.prescriberRoleProfile()), Optional.ofNullable(row.prescriberRoleCode()),
                        OdsCode.parse(row.prescriberOds()), Optional.ofNullable(row.prescriberOrgName())),
                new Patient(NhsNumber.parse(row.nhsNumber()), Optional.ofNullable(row.patientFamilyName()),
                        List.of(row.patientGivenNames()), Optional.ofNullable(row.patientBirthDate()),
                        Optional.ofNullable(row.patientGender()), Optional.ofNullable(row.patientPostcode())),
                itemRows.stream()
                        .map(item -> new LineItem(LineItemId.parse(item.itemId()),
                                new Medication(item.medicationCode(), item.medicationDisplay()),
                                new Quantity(item.quantityValue(), item.quantityUnit()), item.dosageText()))
                        .toList(),
                nomination,
                row.authoredOn(),
                row.startDate(),
                Optional.ofNullable(row.daysSupply()),
                row.numberOfIssues());
        Map<Integer, Map<LineItemId, ItemStatus>> itemStatuses = new LinkedHashMap<>();
        statusRows.forEach(status -> itemStatuses.computeIfAbsent(status.issueNumber(), n -> new LinkedHashMap<>())
                .put(LineItemId.parse(status.itemId()), ItemStatus.fromCode(status.status())));
        List<Issue> issues = issueRows.stream()
                .map(issue -> new Issue(issue.issueNumber(), PrescriptionStatus.fromCode(issue.status()),
                        itemStatuses.getOrDefault(issue.issueNumber(), Map.of())))
                .toList();
        return Prescription.rehydrate(order, issues, row.receivedAt(), row.version());
    }
}
