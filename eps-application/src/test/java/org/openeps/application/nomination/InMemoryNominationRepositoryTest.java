package org.openeps.application.nomination;

class InMemoryNominationRepositoryTest extends NominationRepositoryContract {

    private final InMemoryNominationRepository repository = new InMemoryNominationRepository();

    @Override
    protected NominationRepository repository() {
        return repository;
    }
}
