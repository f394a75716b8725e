package org.openeps.adapters.persistence.prescription;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.DispenseRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.IssueRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemStatusRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.PrescriptionRow;
import org.openeps.domain.prescription.ClaimRecord;
import org.openeps.domain.prescription.DispenseRecord;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItem;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.LongFormPrescriptionId;
import org.openeps.domain.prescription.Medication;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.PendingCancellation;
import org.openeps.domain.prescription.Prescriber;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.prescription.PrescriptionType;
import org.openeps.domain.prescription.Quantity;
import org.openeps.domain.prescription.TreatmentType;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
/**
 * Between a {@link Prescription} and its rows: the rows that store it (with the derived columns the queries read), and
 * the prescription a load's rows make again.
 */
final class PrescriptionRowMapping {

    private PrescriptionRowMapping() {
    }

    /**
     * Whether a dispenser returned the prescription: the only change to a nomination there is, so the only one stored.
     *
     * @throws IllegalArgumentException for a nomination that is neither the order's nor none
     */
    static boolean nominationCleared(Prescription prescription) {
        if (prescription.nomination().equals(prescription.order().nomination())) {
            return false;
        }
        if (prescription.nomination().isEmpty()) {
            return true;
        }
        throw new IllegalArgumentException("Prescription " + prescription.id() + " is nominated to "
                + prescription.nomination().get().organisation() + ", which is neither the prescribed nomination nor none");
    }

    static PrescriptionRow toRow(Prescription prescription) {
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
                nominationCleared(prescription),
                order.authoredOn(),
                order.startDate(),
                order.daysSupply().orElse(null),
                order.numberOfIssues(),
                prescription.receivedAt(),
                prescription.version());
    }

    static List<ItemRow> itemRows(Prescription prescription) {
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

    /** The issue rows, with the derived dates the due-work query reads taken from the domain. */
    static List<IssueRow> issueRows(Prescription prescription) {
        return prescription.issues().stream()
                .map(issue -> {
                    Optional<PendingCancellation> pending = issue.pendingCancellation();
                    return new IssueRow(
                            prescription.id().value(),
                            issue.number(),
                            issue.status().code(),
                            issue.dispenser().map(OdsCode::value).orElse(null),
                            pending.map(cancellation -> cancellation.requestedBy().value()).orElse(null),
                            pending.flatMap(PendingCancellation::prescriber).orElse(null),
                            pending.flatMap(PendingCancellation::item).map(LineItemId::value).orElse(null),
                            pending.map(PendingCancellation::reasonCode).orElse(null),
                            pending.map(PendingCancellation::at).orElse(null),
                            issue.claim().map(ClaimRecord::claimId).orElse(null),
                            issue.claim().map(ClaimRecord::receivedAt).orElse(null),
                            prescription.expiresOn(issue.number()),
                            prescription.availableFrom(issue.number()),
                            issue.lastDispensedAt().orElse(null));
                })
                .toList();
    }

    static List<ItemStatusRow> itemStatusRows(Prescription prescription) {
        return prescription.issues().stream()
                .flatMap(issue -> issue.itemStatuses().entrySet().stream()
                        .map(item -> new ItemStatusRow(prescription.id().value(), issue.number(),
                                item.getKey().value(), item.getValue().code())))
                .toList();
    }

    static List<DispenseRow> dispenseRows(Prescription prescription) {
        return prescription.issues().stream()
                .flatMap(issue -> IntStream.range(0, issue.dispenses().size())
                        .mapToObj(position -> {
                            DispenseRecord record = issue.dispenses().get(position);
                            return new DispenseRow(prescription.id().value(), issue.number(), position,
                                    record.notificationId(), record.at(), record.statusBefore().code(),
                                    ItemStatusArrays.encode(record.itemsBefore()));
                        }))
                .toList();
    }

    static Prescription toPrescription(PrescriptionRow row, List<ItemRow> itemRows, List<IssueRow> issueRows,
                                               List<ItemStatusRow> statusRows, List<DispenseRow> dispenseRows) {
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
        // each issue's item statuses in the items' order (the query orders them by issue only)
        Map<String, Integer> positions = itemRows.stream()
                .collect(Collectors.toMap(ItemRow::itemId, ItemRow::position, (first, same) -> first));
        statusRows.stream()
                .sorted(Comparator.comparingInt(ItemStatusRow::issueNumber)
                        .thenComparing(status -> positions.getOrDefault(status.itemId(), Integer.MAX_VALUE)))
                .forEach(status -> itemStatuses.computeIfAbsent(status.issueNumber(), n -> new LinkedHashMap<>())
                .put(LineItemId.parse(status.itemId()), ItemStatus.fromCode(status.status())));
        Map<Integer, List<DispenseRecord>> dispenses = new LinkedHashMap<>();
        dispenseRows.forEach(dispense -> dispenses.computeIfAbsent(dispense.issueNumber(), n -> new ArrayList<>())
                .add(new DispenseRecord(dispense.notificationId(), dispense.at(),
                        PrescriptionStatus.fromCode(dispense.statusBefore()),
                        ItemStatusArrays.decode(dispense.itemsBefore()))));
        List<Issue> issues = issueRows.stream()
                .map(issue -> new Issue(
                        issue.issueNumber(),
                        PrescriptionStatus.fromCode(issue.status()),
                        itemStatuses.getOrDefault(issue.issueNumber(), Map.of()),
                        Optional.ofNullable(issue.dispenserOds()).map(OdsCode::parse),
                        Optional.ofNullable(issue.cancelRequestedBy()).map(requestedBy -> new PendingCancellation(
                                OdsCode.parse(requestedBy),
                                Optional.ofNullable(issue.cancelPrescriber()),
                                Optional.ofNullable(issue.cancelItemId()).map(LineItemId::parse),
                                issue.cancelReasonCode(),
                                issue.cancelRequestedAt())),
                        dispenses.getOrDefault(issue.issueNumber(), List.of()),
                        Optional.ofNullable(issue.claimId()).map(claimId -> new ClaimRecord(claimId, issue.claimReceivedAt()))))
                .toList();
        Optional<NominatedDispenser> current = row.nominationCleared() ? Optional.empty() : nomination;
        return Prescription.rehydrate(order, current, issues, row.receivedAt(), row.version());
    }
}
