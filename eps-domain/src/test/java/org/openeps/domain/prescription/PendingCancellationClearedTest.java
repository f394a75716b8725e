package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openeps.domain.shared.OdsCode;

/** A pending cancellation lasts until the dispenser carries it out by reporting the item cancelled. */
class PendingCancellationClearedTest {

    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private static final OdsCode PHARMACY = OdsCode.parse("FA565");

    @Test
    void reporting_the_pending_item_cancelled_clears_the_pending_cancellation() {
        Prescription released = released();
        LineItemId last = lastItem(released);
        Prescription pending = cancel(released, Optional.of(last));

        Prescription dispensed = pending.recordDispense(PHARMACY, "dn-1", outcomes(released, last, ItemStatus.CANCELLED),
                OptionalInt.empty(), NOW);

        assertThat(pending.currentIssue().pendingCancellation()).isPresent();
        assertThat(dispensed.issue(1).pendingCancellation()).isEmpty();
    }

    @Test
    void dispensing_the_pending_item_keeps_the_pending_cancellation() {
        Prescription released = released();
        LineItemId last = lastItem(released);
        Prescription pending = cancel(released, Optional.of(last));

        Prescription dispensed = pending.recordDispense(PHARMACY, "dn-1",
                outcomes(released, last, ItemStatus.NOT_DISPENSED_OWING), OptionalInt.empty(), NOW);

        assertThat(dispensed.issue(1).pendingCancellation()).isPresent();
    }

    private static Prescription released() {
        Prescription created = Prescription.create(PrescriptionOrderBuilder.anOrder().items(2).build(), NOW);
        return created.release(PHARMACY, NOW);
    }

    private static Prescription cancel(Prescription prescription, Optional<LineItemId> item) {
        return prescription.cancel(prescription.order().prescriber().organisation(), Optional.of("555086689106"),
                prescription.order().patient().nhsNumber(), item, "0001", NOW).prescription();
    }

    private static LineItemId lastItem(Prescription prescription) {
        return prescription.order().items().get(prescription.order().items().size() - 1).id();
    }

    /** Every item dispensed but {@code item}, which gets {@code status}. */
    private static Map<LineItemId, ItemStatus> outcomes(Prescription prescription, LineItemId item, ItemStatus status) {
        Map<LineItemId, ItemStatus> outcomes = new LinkedHashMap<>();
        prescription.order().items().forEach(line -> outcomes.put(line.id(),
                line.id().equals(item) ? status : ItemStatus.FULLY_DISPENSED));
        return outcomes;
    }
}
