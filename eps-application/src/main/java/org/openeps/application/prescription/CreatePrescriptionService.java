package org.openeps.application.prescription;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openeps.application.directory.NominatedOrganisations;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.Prescriber;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.ReasonsGiven;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * Accepts a new prescription once per prescription ID, records its arrival in its history, and applies at once a
 * cancellation that arrived before it. A prescription naming a nominated dispenser must name an open organisation of
 * the kind its site type asks for.
 */
public final class CreatePrescriptionService implements CreatePrescriptionUseCase {

    private final Transactions transactions;
    private final PrescriptionRepository prescriptions;
    private final PrescriptionChanges changes;
    private final CancellationPlaceholders placeholders;
    private final NominatedOrganisations nominatedOrganisations;
    private final Clock clock;

    public CreatePrescriptionService(Transactions transactions, PrescriptionRepository prescriptions,
                                     PrescriptionChanges changes, CancellationPlaceholders placeholders,
                                     NominatedOrganisations nominatedOrganisations, Clock clock) {
        this.transactions = transactions;
        this.prescriptions = prescriptions;
        this.changes = changes;
        this.placeholders = placeholders;
        this.nominatedOrganisations = nominatedOrganisations;
        this.clock = clock;
    }

    @Override
    public Prescribed create(CreatePrescriptionCommand command) {
        command.order().nomination().ifPresent(nominatedOrganisations::requireNominatedDispenser);
        return transactions.inTransaction(() -> {
            var id = command.order().id();
            EpsException.require(prescriptions.findById(id).isEmpty(), ErrorCode.DUPLICATE_PRESCRIPTION_ID,
                    "Prescription " + id + " has already been received");
            Instant now = clock.instant();
            Prescription stored = prescriptions.add(Prescription.create(command.order(), now), command.originalMessage());
            Prescriber prescriber = command.order().prescriber();
            changes.recordCurrent(stored, now, Actor.of(prescriber.organisation(), prescriber.sdsUserId()),
                    "prescription-order", Optional.empty());
            Prescription current = placeholders.take(id)
                    .map(early -> changes.apply(stored, arrived -> early.applyTo(arrived, now).prescription(), now,
                            Actor.of(early.requestedBy(), early.prescriber()), "cancel", Optional.empty(),
                            ReasonsGiven.cancellation(early.reasonCode())))
                    .orElse(stored);
            return new Prescribed(current);
        });
    }
}
