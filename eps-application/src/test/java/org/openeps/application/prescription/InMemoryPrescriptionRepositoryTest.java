package org.openeps.application.prescription;

import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.application.shared.Transactions;

class InMemoryPrescriptionRepositoryTest extends PrescriptionRepositoryContract {

    private final InMemoryPrescriptionRepository repository = new InMemoryPrescriptionRepository();
    private final InMemoryTransactions transactions = new InMemoryTransactions(repository);

    @Override
    protected PrescriptionRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
