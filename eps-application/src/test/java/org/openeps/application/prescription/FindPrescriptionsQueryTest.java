package org.openeps.application.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openeps.application.prescription.FindPrescriptionsUseCase.FindPrescriptionsQuery;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;

class FindPrescriptionsQueryTest {

    @Test
    void a_search_by_id_has_only_the_id() {
        PrescriptionId id = newId();

        FindPrescriptionsQuery query = FindPrescriptionsQuery.byId(id);

        assertThat(query.prescriptionId()).contains(id);
        assertThat(query.nhsNumber()).isEmpty();
    }

    @Test
    void a_search_by_patient_has_only_the_nhs_number() {
        NhsNumber patient = newPatient();

        FindPrescriptionsQuery query = FindPrescriptionsQuery.byPatient(patient);

        assertThat(query.nhsNumber()).contains(patient);
        assertThat(query.prescriptionId()).isEmpty();
    }

    @Test
    void a_search_by_both_id_and_patient_is_refused() {
        assertThatThrownBy(() -> new FindPrescriptionsQuery(Optional.of(newId()), Optional.of(newPatient())))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void a_search_by_neither_id_nor_patient_is_refused() {
        assertThatThrownBy(() -> new FindPrescriptionsQuery(Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }
}
