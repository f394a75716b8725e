package org.openeps.application.nomination;

import java.time.Clock;
import java.time.Instant;
import org.openeps.application.directory.NominatedOrganisations;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.nomination.Nominations;

/** Checks every nominated organisation against the directory, then applies the changes in one transaction. */
public final class ChangeNominationsService implements ChangeNominationsUseCase {

    private final Transactions transactions;
    private final NominationRepository nominations;
    private final NominatedOrganisations organisations;
    private final Clock clock;

    public ChangeNominationsService(Transactions transactions, NominationRepository nominations,
                                    NominatedOrganisations organisations, Clock clock) {
        this.transactions = transactions;
        this.nominations = nominations;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    public Nominations change(ChangeNominationsCommand command) {
        return transactions.inTransaction(() -> {
            Nominations current = nominations.find(command.patient()).orElseGet(() -> Nominations.none(command.patient()));
            if (current.version() != command.expectedVersion()) {
                throw new StaleNominationsException("The nominations of " + command.patient() + " are at version "
                        + current.version() + ", not " + command.expectedVersion() + "; read them again");
            }
            Instant now = clock.instant();
            Nominations next = current;
            for (NominationRequest request : command.changes()) {
                if (request.organisation().isPresent()) {
                    organisations.requireNominable(request.organisation().orElseThrow(), request.siteType());
                    next = next.nominate(request.siteType(), request.organisation().orElseThrow(), command.by(), now);
                } else {
                    next = next.remove(request.siteType(), command.by(), now);
                }
            }
            return next.changes().isEmpty() ? current : nominations.save(next);
        });
    }
}
