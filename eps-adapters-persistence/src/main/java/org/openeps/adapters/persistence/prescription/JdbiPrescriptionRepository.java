package org.openeps.adapters.persistence.prescription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.openeps.adapters.persistence.Jdbc;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.DispenseRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.IssueRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemStatusRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.PrescriptionRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ReleasableRow;
import org.openeps.application.prescription.ConcurrentUpdateException;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.domain.prescription.ClaimRecord;
import org.openeps.domain.prescription.DispenseRecord;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.prescription.PendingCancellation;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.Transition;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * Prescriptions in PostgreSQL: one row per prescription, item, issue, item status and dispense notification.
 *
 * <p>Every method runs on the Jdbi handle of the caller's transaction when there is one ({@code jdbi.withHandle} and
 * {@code jdbi.inTransaction} join it), so that locks taken here last until the caller's unit of work ends. Reads made
 * outside a transaction run in one read-only repeatable-read transaction, so that the several queries of a load see
 * one state even while the prescription is being changed.
 */
public final class JdbiPrescriptionRepository implements PrescriptionRepository {

    /** The most prescriptions one patient search returns, newest first. */
    static final int PATIENT_SEARCH_LIMIT = 100;

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** PostgreSQL's name for the reference from an issue to its prescription (V1). */
    private static final String ISSUE_OF_A_PRESCRIPTION = "prescription_issue_prescription_id_fkey";

    /** The statuses an issue may expire from, as SQL literals, for the due-work query's partial index. */
    private static final String EXPIRABLE = Transition.EXPIRE.from().stream()
            .map(status -> "'" + status.code() + "'")
            .sorted()
            .collect(Collectors.joining(", "));

    private final Jdbi jdbi;

    public JdbiPrescriptionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Prescription add(Prescription prescription, String originalMessage) {
        Prescription stored = asStored(prescription, prescription.version() + 1);
        try {
            // one round trip (ADR 10)
            jdbi.useTransaction(handle -> {
                Jdbc.RoundTrip trip = new Jdbc.RoundTrip();
                PrescriptionStatements.insert(trip, PrescriptionRowMapping.toRow(stored),
                        OrderMessageCodec.encode(originalMessage), stored.releasable());
                PrescriptionStatements.insertItems(trip, PrescriptionRowMapping.itemRows(stored));
                writeIssues(trip, stored);
                trip.run(handle);
            });
        } catch (Jdbc.StatementFailedException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw new EpsException(ErrorCode.DUPLICATE_PRESCRIPTION_ID,
                        "Prescription " + prescription.id() + " has already been received");
            }
            throw e;
        }
        return stored;
    }

    /**
     * Stores the version loaded plus one, if the stored version is still the one loaded; and rewrites the issues,
     * their item statuses and dispense notifications, all in the caller's transaction and in one round trip (ADR 10).
     */
    @Override
    public Prescription update(Prescription prescription) {
        Prescription stored = asStored(prescription, prescription.version() + 1);
        boolean nominationCleared = PrescriptionRowMapping.nominationCleared(prescription);
        try {
            jdbi.useTransaction(handle -> {
                // to_be_dispensed (V14): the nominated download's index holds only releasable prescriptions
                Jdbc.RoundTrip trip = new Jdbc.RoundTrip();
                Jdbc.Result<Integer> updated = PrescriptionStatements.update(trip, stored.id().value(),
                        prescription.version(), nominationCleared, stored.releasable());
                PrescriptionStatements.deleteDispenses(trip, stored.id().value());
                writeIssues(trip, stored);
                trip.run(handle);
                if (updated.count() == 0) {
                    throw notStoredInVersion(prescription);
                }
            });
        } catch (Jdbc.StatementFailedException e) {
            // the first row written after the update refers to the prescription, which is not stored
            if (FOREIGN_KEY_VIOLATION.equals(e.sqlState())
                    && e.constraint().filter(ISSUE_OF_A_PRESCRIPTION::equals).isPresent()) {
                throw notStoredInVersion(prescription);
            }
            throw e;
        }
        return stored;
    }

    private static ConcurrentUpdateException notStoredInVersion(Prescription prescription) {
        return new ConcurrentUpdateException("Prescription " + prescription.id() + " changed since version "
                + prescription.version() + " was loaded, or is not stored");
    }

    @Override
    public Optional<Prescription> findById(PrescriptionId id) {
        return reading(handle -> load(handle, List.of(id.value()), false)).stream().findFirst();
    }

    @Override
    public Optional<Prescription> findByIdForUpdate(PrescriptionId id) {
        return jdbi.inTransaction(handle -> load(handle, List.of(id.value()), true)).stream().findFirst();
    }

    @Override
    public List<Prescription> findByPatient(NhsNumber nhsNumber) {
        return reading(handle -> load(handle,
                PrescriptionStatements.findIdsByPatient(handle, nhsNumber.value(), PATIENT_SEARCH_LIMIT), false));
    }

    @Override
    public Optional<String> findOriginalMessage(PrescriptionId id) {
        return jdbi.withHandle(handle -> PrescriptionStatements.findOriginalMessage(handle, id.value())
                .map(ReleasableRow::message));
    }

    /**
     * Locks with {@code FOR UPDATE OF prescription SKIP LOCKED}, then loads what it locked. A prescription another
     * transaction changed and committed while the locking statement ran is locked in its new version although the
     * statement judged its issues as they were before; loaded after locking, it is checked again and left out if it
     * is no longer releasable to this dispenser.
     */
    @Override
    public List<Releasable> lockNominatedReleasable(OdsCode dispenser, int limit) {
        return jdbi.inTransaction(handle -> {
            List<ReleasableRow> rows = PrescriptionStatements.lockNominatedReleasable(handle, dispenser.value(), limit);
            Map<String, Prescription> loaded = load(handle, rows.stream().map(ReleasableRow::id).toList(), false).stream()
                    .collect(Collectors.toMap(prescription -> prescription.id().value(), prescription -> prescription));
            List<Releasable> releasable = new ArrayList<>();
            for (ReleasableRow row : rows) {
                Prescription prescription = loaded.get(row.id());
                if (prescription != null && releasableTo(prescription, dispenser)) {
                    releasable.add(new Releasable(prescription, row.message()));
                }
            }
            return releasable;
        });
    }

    /**
     * Locks with {@code FOR UPDATE SKIP LOCKED} the prescriptions the derived columns say have work due, oldest first:
     * the dates are English calendar dates, the claim period is exact ({@link Prescription#CLAIM_PERIOD} before
     * {@code now}, to the microsecond PostgreSQL keeps).
     */
    @Override
    public List<Prescription> lockWithWorkDue(Instant now, int limit) {
        LocalDate today = LocalDate.ofInstant(now, Prescription.EPS_ZONE);
        Instant claimCutoff = now.minus(Prescription.CLAIM_PERIOD).truncatedTo(ChronoUnit.MICROS);
        return jdbi.inTransaction(handle -> load(handle, PrescriptionStatements
                .lockWithWorkDue(handle, EXPIRABLE, today, today.plusDays(1), claimCutoff, limit), false));
    }

    private static boolean releasableTo(Prescription prescription, OdsCode dispenser) {
        return prescription.nomination().map(NominatedDispenser::organisation).equals(Optional.of(dispenser))
                && prescription.releasable();
    }

    /** Runs a read in the caller's transaction, or else in a read-only repeatable-read one of its own. */
    private <T> T reading(HandleCallback<T, RuntimeException> read) {
        return jdbi.withHandle(handle -> {
            if (handle.isInTransaction()) {
                return read.withHandle(handle);
            }
            boolean wasReadOnly = handle.isReadOnly();
            handle.setReadOnly(true);
            try {
                return handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, read);
            } finally {
                handle.setReadOnly(wasReadOnly);
            }
        });
    }

    /**
     * Loads the prescriptions with these IDs, in the order given, with five queries in one round trip whatever their
     * number (on the handle's JDBC connection, ADRs 9 and 10); with {@code lock}, the prescription rows stay locked
     * until the transaction ends.
     */
    private static List<Prescription> load(Handle handle, List<String> ids, boolean lock) {
        if (ids.isEmpty()) {
            return List.of();
        }
        PrescriptionStatements.Loaded loaded = PrescriptionStatements.load(handle, ids, lock);
        Map<String, PrescriptionRow> rows = loaded.prescriptions().stream()
                .collect(Collectors.toMap(PrescriptionRow::id, row -> row, (first, same) -> first));
        Map<String, List<ItemRow>> items = groupBy(loaded.items(), ItemRow::prescriptionId);
        Map<String, List<IssueRow>> issues = groupBy(loaded.issues(), IssueRow::prescriptionId);
        Map<String, List<ItemStatusRow>> statuses = groupBy(loaded.itemStatuses(), ItemStatusRow::prescriptionId);
        Map<String, List<DispenseRow>> dispenses = groupBy(loaded.dispenses(), DispenseRow::prescriptionId);
        List<Prescription> found = new ArrayList<>();
        for (String id : ids) {
            PrescriptionRow row = rows.get(id);
            if (row != null) {
                found.add(PrescriptionRowMapping.toPrescription(row, items.getOrDefault(id, List.of()),
                        issues.getOrDefault(id, List.of()), statuses.getOrDefault(id, List.of()),
                        dispenses.getOrDefault(id, List.of())));
            }
        }
        return found;
    }

    private static void writeIssues(Jdbc.RoundTrip trip, Prescription prescription) {
        PrescriptionStatements.upsertIssues(trip, PrescriptionRowMapping.issueRows(prescription));
        PrescriptionStatements.upsertItemStatuses(trip, PrescriptionRowMapping.itemStatusRows(prescription));
        PrescriptionStatements.insertDispenses(trip, PrescriptionRowMapping.dispenseRows(prescription));
    }

    private static <T> Map<String, List<T>> groupBy(Collection<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * The prescription as a later read will give it: this version, and every instant to the microsecond, as
     * PostgreSQL keeps time (the order is stored as given).
     */
    private static Prescription asStored(Prescription prescription, long version) {
        return Prescription.rehydrate(prescription.order(), prescription.nomination(),
                prescription.issues().stream().map(JdbiPrescriptionRepository::asStored).toList(),
                micros(prescription.receivedAt()), version);
    }

    private static Issue asStored(Issue issue) {
        return new Issue(issue.number(), issue.status(), issue.itemStatuses(), issue.dispenser(),
                issue.pendingCancellation().map(pending -> new PendingCancellation(pending.requestedBy(),
                        pending.prescriber(), pending.item(), pending.reasonCode(), micros(pending.at()))),
                issue.dispenses().stream()
                        .map(record -> new DispenseRecord(record.notificationId(), micros(record.at()),
                                record.statusBefore(), record.itemsBefore()))
                        .toList(),
                issue.claim().map(claim -> new ClaimRecord(claim.claimId(), micros(claim.receivedAt()))));
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
