package org.openeps.application.tracker;

import org.openeps.application.prescription.InMemoryPrescriptionRepository;
import org.openeps.application.prescription.PrescriptionRepository;

/** The fake held to the same contract as the PostgreSQL queries. */
class InMemoryTrackerQueriesTest extends TrackerQueriesContract {

    private final InMemoryPrescriptionRepository repository = new InMemoryPrescriptionRepository();
    private final InMemoryTrackerQueries queries = new InMemoryTrackerQueries(repository);

    @Override
    protected TrackerQueries queries() {
        return queries;
    }

    @Override
    protected PrescriptionRepository repository() {
        return repository;
    }
}
