package org.openeps.application.tracker;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openeps.application.prescription.InMemoryPrescriptionRepository;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;

/**
 * {@link TrackerQueries} over the prescriptions an {@link InMemoryPrescriptionRepository} holds, behaving as
 * {@code JdbiTrackerQueries} does (the {@link TrackerQueriesContract} holds both to it): each patient's newest
 * prescription (latest received, a tie broken by the greater ID) gives their details and is what is matched; a listed
 * prescription is summarised from the whole of it, as the domain has it.
 */
public final class InMemoryTrackerQueries implements TrackerQueries {

    private static final Comparator<Prescription> NEWEST = Comparator.comparing(Prescription::receivedAt)
            .thenComparing(prescription -> prescription.id().value());

    private final InMemoryPrescriptionRepository prescriptions;

    public InMemoryTrackerQueries(InMemoryPrescriptionRepository prescriptions) {
        this.prescriptions = prescriptions;
    }

    @Override
    public List<Patient> findPatients(PatientSearch search, int limit) {
        Map<NhsNumber, Optional<Prescription>> newest = prescriptions.all().stream()
                .collect(Collectors.groupingBy(prescription -> prescription.order().patient().nhsNumber(),
                        Collectors.maxBy(NEWEST)));
        return newest.values().stream()
                .flatMap(Optional::stream)
                .map(prescription -> prescription.order().patient())
                .filter(patient -> matches(patient, search))
                .sorted(Comparator.comparing((Patient patient) -> PatientSearch.nameKey(patient.familyName().orElseThrow()))
                        .thenComparing(patient -> patient.nhsNumber().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<ListedPrescription> findListed(PrescriptionId id) {
        return prescriptions.findById(id).map(InMemoryTrackerQueries::listed);
    }

    @Override
    public List<ListedPrescription> findListed(NhsNumber nhsNumber, Instant signedFrom, int limit) {
        return prescriptions.all().stream()
                .filter(prescription -> prescription.order().patient().nhsNumber().equals(nhsNumber))
                .filter(prescription -> !prescription.order().authoredOn().isBefore(signedFrom))
                .sorted(Comparator.comparing(Prescription::receivedAt).reversed()
                        .thenComparing(prescription -> prescription.id().value()))
                .limit(limit)
                .map(InMemoryTrackerQueries::listed)
                .toList();
    }

    private static ListedPrescription listed(Prescription prescription) {
        return new ListedPrescription(PrescriptionSummary.of(prescription), prescription.order().patient(),
                prescription.receivedAt());
    }

    private static boolean matches(Patient patient, PatientSearch search) {
        return patient.familyName().map(PatientSearch::nameKey).filter(search.familyNameKey()::equals).isPresent()
                && patient.birthDate().filter(search.dateOfBirth()::equals).isPresent()
                && search.givenNameKey().map(given -> patient.givenNames().stream()
                        .map(PatientSearch::nameKey).anyMatch(given::equals)).orElse(true)
                && search.postcodeKey().map(postcode -> patient.postcode().map(PatientSearch::postcodeKey)
                        .filter(postcode::equals).isPresent()).orElse(true);
    }
}
