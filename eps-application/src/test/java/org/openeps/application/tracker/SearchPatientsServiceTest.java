package org.openeps.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openeps.application.prescription.InMemoryPrescriptionRepository;
import org.openeps.application.tracker.SearchPatientsUseCase.SearchPatientsQuery;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class SearchPatientsServiceTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final LocalDate BORN = LocalDate.of(1980, 1, 2);

    private final InMemoryPrescriptionRepository repository = new InMemoryPrescriptionRepository();
    private final SearchPatientsService service = new SearchPatientsService(new InMemoryTrackerQueries(repository),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void at_most_ten_patients_and_whether_there_were_more() {
        storePatients("Ten", 10);
        storePatients("Eleven", 11);

        PatientMatches ten = service.search(query("ten"));
        PatientMatches eleven = service.search(query("ELEVEN"));

        assertThat(ten.patients()).hasSize(10);
        assertThat(ten.moreThanShown()).isFalse();
        assertThat(eleven.patients()).hasSize(SearchPatientsUseCase.LIMIT);
        assertThat(eleven.moreThanShown()).isTrue();
    }

    @Test
    void names_match_ignoring_case_and_whitespace_and_postcodes_ignoring_spaces() {
        Patient patient = store("Mac Donald", List.of("Mary Ann"), "LS1 1AA");

        assertThat(service.search(new SearchPatientsQuery(" macdonald", BORN, Optional.of("MARYANN"),
                Optional.of("ls11aa"))).patients()).containsExactly(PatientDetails.of(patient));
        assertThat(service.search(new SearchPatientsQuery("MacDonald", BORN, Optional.of("Mary"),
                Optional.empty())).patients()).isEmpty();
        assertThat(service.search(new SearchPatientsQuery("MacDonald", BORN, Optional.empty(),
                Optional.of("LS1 1AB"))).patients()).isEmpty();
    }

    @Test
    void blank_optional_details_are_not_criteria() {
        Patient patient = store("Blank", List.of("Jo"), "LS1 1AA");

        assertThat(service.search(new SearchPatientsQuery("Blank", BORN, Optional.of(" "), Optional.of("")))
                .patients()).containsExactly(PatientDetails.of(patient));
    }

    @Test
    void a_date_of_birth_in_the_future_is_refused_naming_it() {
        assertThatThrownBy(() -> service.search(new SearchPatientsQuery("Smith", LocalDate.of(2026, 6, 2),
                Optional.empty(), Optional.empty())))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessageContaining("dateOfBirth");
        assertThat(service.search(new SearchPatientsQuery("Smith", LocalDate.of(2026, 6, 1), Optional.empty(),
                Optional.empty())).patients()).isEmpty();
    }

    @Test
    void the_family_name_and_date_of_birth_are_required() {
        assertThatThrownBy(() -> new SearchPatientsQuery(" ", BORN, Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE))
                .hasMessageContaining("familyName");
        assertThatThrownBy(() -> new SearchPatientsQuery("Smith", null, Optional.empty(), Optional.empty()))
                .hasMessageContaining("dateOfBirth");
    }

    private void storePatients(String family, int count) {
        for (int i = 0; i < count; i++) {
            store(family, List.of("Pat"), "LS1 1AA");
        }
    }

    private Patient store(String family, List<String> given, String postcode) {
        Patient patient = TrackerPrescriptions.patient(newPatient(), family, given, BORN, postcode);
        repository.add(Prescription.create(TrackerPrescriptions.forPatient(erdOrder(newId(), patient.nhsNumber(), 1),
                patient), NOW), "{}");
        return patient;
    }

    private static SearchPatientsQuery query(String family) {
        return new SearchPatientsQuery(family, BORN, Optional.empty(), Optional.empty());
    }
}
