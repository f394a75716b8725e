package org.openeps.application.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openeps.domain.prescription.CancellationPlaceholder;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;

/** What every {@link CancellationPlaceholders} does, run against the fake and against PostgreSQL. */
public abstract class CancellationPlaceholdersContract {

    private static final Instant AT = Instant.parse("2026-03-10T10:15:30.123456Z");

    protected abstract CancellationPlaceholders placeholders();

    @Test
    void a_kept_cancellation_is_found_and_taken_once() {
        CancellationPlaceholder kept = placeholder(newId(), "0001");
        placeholders().keep(kept);

        assertThat(placeholders().find(kept.prescriptionId())).contains(kept);
        assertThat(placeholders().take(kept.prescriptionId())).contains(kept);
        assertThat(placeholders().take(kept.prescriptionId())).isEmpty();
        assertThat(placeholders().find(kept.prescriptionId())).isEmpty();
    }

    @Test
    void the_first_cancellation_for_an_id_is_the_one_kept() {
        PrescriptionId id = newId();
        CancellationPlaceholder first = placeholder(id, "0001");
        placeholders().keep(first);
        placeholders().keep(placeholder(id, "0005"));

        assertThat(placeholders().take(id)).contains(first);
    }

    @Test
    void nothing_is_kept_for_an_unknown_id() {
        assertThat(placeholders().take(newId())).isEmpty();
    }

    private static CancellationPlaceholder placeholder(PrescriptionId id, String reason) {
        return new CancellationPlaceholder(id, OdsCode.parse("A83008"), Optional.of("555086689106"),
                newPatient(), Optional.of(LineItemId.parse("a54219b8-f741-4c47-b662-e4f8dfa49ab6")), reason, AT);
    }
}
