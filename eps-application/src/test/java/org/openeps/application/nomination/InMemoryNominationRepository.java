package org.openeps.application.nomination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.nomination.NominationChange;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.shared.NhsNumber;

/** Nominations in maps, with the version check the port promises. */
public final class InMemoryNominationRepository implements NominationRepository, InMemoryTransactions.Participant {

    private Map<NhsNumber, Nominations> stored = new HashMap<>();
    private List<NominationChange> history = new ArrayList<>();

    @Override
    public synchronized Optional<Nominations> find(NhsNumber patient) {
        return Optional.ofNullable(stored.get(patient));
    }

    @Override
    public synchronized Nominations save(Nominations nominations) {
        long storedVersion = find(nominations.patient()).map(Nominations::version).orElse(0L);
        if (storedVersion != nominations.version()) {
            throw new StaleNominationsException("The nominations of " + nominations.patient() + " are at version "
                    + storedVersion + ", not " + nominations.version());
        }
        Nominations saved = nominations.stored();
        stored.put(saved.patient(), saved);
        history.addAll(nominations.changes().stream()
                .map(change -> new NominationChange(change.patient(), change.siteType(), change.from(), change.to(),
                        change.by(), change.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS)))
                .toList());
        return saved;
    }

    @Override
    public synchronized List<NominationChange> history(NhsNumber patient) {
        return history.stream().filter(change -> change.patient().equals(patient)).toList();
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<NhsNumber, Nominations> storedBefore = new HashMap<>(stored);
        List<NominationChange> historyBefore = new ArrayList<>(history);
        return () -> {
            synchronized (this) {
                stored = storedBefore;
                history = historyBefore;
            }
        };
    }
}
