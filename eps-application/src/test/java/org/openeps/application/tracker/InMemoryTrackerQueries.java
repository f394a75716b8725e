package org.openeps.application.tracker;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openeps.application.prescription.InMemoryPrescriptionRepository;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.shared.NhsNumber;

/**
 * {@link TrackerQueries} over the prescriptions an {@link InMemoryPrescriptionRepository} holds, behaving as
 * {@code JdbiTrackerQueries} does (the {@link TrackerQueriesContract} holds both to it): each patient's newest
 * prescription (latest received, a tie broken by the greater ID) gives their details and is what is matched.
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

    private static boolean matches(Patient patient, PatientSearch search) {
        return patient.familyName().map(PatientSearch::nameKey).filter(search.familyNameKey()::equals).isPresent()
                && patient.birthDate().filter(search.dateOfBirth()::equals).isPresent()
                && search.givenNameKey().map(given -> patient.givenNames().stream()
                        .map(PatientSearch::nameKey).anyMatch(given::equals)).orElse(true)
                && search.postcodeKey().map(postcode -> patient.postcode().map(PatientSearch::postcodeKey)
                        .filter(postcode::equals).isPresent()).orElse(true);
    }
}
