package org.openeps.application.patient;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openeps.application.directory.OrganisationDirectory;
import org.openeps.application.prescription.PrescriptionHistory;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.application.tracking.PharmacyStatuses;
import org.openeps.domain.access.AccessPolicy;
import org.openeps.domain.access.Caller;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.prescription.CourseOfTherapy;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.LineItem;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.TreatmentType;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.PatientItemStatus;
import org.openeps.domain.tracking.PatientStatusRules;
import org.openeps.domain.tracking.PharmacyStatus;

/**
 * Reads a patient's prescriptions, newest first, at most {@value ReadPatientPrescriptionsUseCase#LIMIT}, with what the
 * patient is told about each item ({@link PatientStatusRules}), the prescriber and the dispenser from the directory.
 * Of the status updates, only the dispenser holding the issue's count, and only its newest
 * {@value PharmacyStatuses#HOLDER_UPDATES_READ} about the issue are read.
 */
public final class ReadPatientPrescriptionsService implements ReadPatientPrescriptionsUseCase {

    /** Newest first: the latest received, those received at the same moment in order of ID (as the repository). */
    private static final Comparator<Prescription> NEWEST_FIRST = Comparator
            .comparing(Prescription::receivedAt).reversed()
            .thenComparing(prescription -> prescription.id().value());

    private final PrescriptionRepository prescriptions;
    private final PrescriptionHistory history;
    private final PharmacyStatuses pharmacyStatuses;
    private final OrganisationDirectory directory;
    private final Clock clock;

    public ReadPatientPrescriptionsService(PrescriptionRepository prescriptions, PrescriptionHistory history,
                                           PharmacyStatuses pharmacyStatuses, OrganisationDirectory directory,
                                           Clock clock) {
        this.prescriptions = prescriptions;
        this.history = history;
        this.pharmacyStatuses = pharmacyStatuses;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public PatientPrescriptions read(ReadPatientPrescriptionsQuery query) {
        Caller.Patient patient = query.patient();
        NhsNumber subject = patient.subject();
        Instant now = clock.instant();
        Map<OdsCode, Optional<Organisation>> organisations = new HashMap<>();
        List<PatientPrescription> found = prescriptions.findByPatient(subject).stream()
                // the repository's answer is for this NHS number; checked again, as every read of patient data is
                .filter(prescription -> AccessPolicy.maySee(patient, prescription.order().patient().nhsNumber()))
                .sorted(NEWEST_FIRST)
                .limit(LIMIT)
                .map(prescription -> view(prescription, organisations, now))
                .toList();
        return new PatientPrescriptions(subject.value(), patient.actingFor().isPresent(), found, now);
    }

    private PatientPrescription view(Prescription prescription, Map<OdsCode, Optional<Organisation>> organisations,
                                     Instant now) {
        PrescriptionOrder order = prescription.order();
        Issue issue = prescription.currentIssue();
        // only the holder's updates about this issue count, and no more of them than a pharmacy sends
        List<PharmacyStatus> fromHolder = issue.dispenser()
                .map(holder -> pharmacyStatuses.findFrom(prescription.id(), issue.number(), Set.of(holder),
                        PharmacyStatuses.HOLDER_UPDATES_READ))
                .orElse(List.of());
        Map<LineItemId, PatientItemStatus> statuses = PatientStatusRules.statuses(prescription, issue,
                history.findFor(prescription.id()), fromHolder, now);
        Optional<OdsCode> dispenser = issue.dispenser()
                .or(() -> prescription.nomination().map(nomination -> nomination.organisation()));
        OdsCode prescriberOds = order.prescriber().organisation();
        PatientOrganisation prescriber = organisation(prescriberOds, organisations)
                .orElseGet(() -> new PatientOrganisation(prescriberOds.value(), order.prescriber().organisationName(),
                        List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        return new PatientPrescription(
                order.id().value(),
                order.patient().nhsNumber().value(),
                prescription.prescriptionDate(),
                order.startDate(),
                courseOfTherapy(order.treatmentType()),
                issue.number(),
                order.numberOfIssues(),
                order.prescriber().name(),
                prescriber,
                dispenser.map(ods -> organisation(ods, organisations).orElseGet(() -> unknown(ods))),
                issue.dispenser().isPresent(),
                order.items().stream().map(item -> item(item, statuses.get(item.id()))).toList());
    }

    private static PatientItem item(LineItem item, PatientItemStatus status) {
        return new PatientItem(item.id().value(), item.medication().code(), item.medication().display(),
                item.quantity().value(), item.quantity().unit(), item.dosageText(), status.status(),
                status.status().text(), status.since(), status.phase());
    }

    /** The organisation as the directory knows it, looked up once per answer. */
    private Optional<PatientOrganisation> organisation(OdsCode ods, Map<OdsCode, Optional<Organisation>> organisations) {
        return organisations.computeIfAbsent(ods, directory::find).map(found -> new PatientOrganisation(
                found.ods().value(), Optional.of(found.name()), found.addressLines(),
                Optional.of(found.postcode().value()), found.telephone(), found.website()));
    }

    private static PatientOrganisation unknown(OdsCode ods) {
        return new PatientOrganisation(ods.value(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The prescription's {@code courseOfTherapyType}: what its treatment type was written as. */
    private static String courseOfTherapy(TreatmentType type) {
        return switch (type) {
            case ACUTE -> CourseOfTherapy.ACUTE.code();
            case REPEAT_PRESCRIBING -> CourseOfTherapy.CONTINUOUS.code();
            case REPEAT_DISPENSING -> CourseOfTherapy.CONTINUOUS_REPEAT_DISPENSING.code();
        };
    }
}
