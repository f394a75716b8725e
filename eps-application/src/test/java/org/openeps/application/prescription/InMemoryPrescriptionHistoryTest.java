package org.openeps.application.prescription;

import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.application.shared.Transactions;

class InMemoryPrescriptionHistoryTest extends PrescriptionHistoryContract {

    private final InMemoryPrescriptionRepository repository = new InMemoryPrescriptionRepository();
    private final InMemoryPrescriptionHistory history = new InMemoryPrescriptionHistory();
    private final InMemoryTransactions transactions = new InMemoryTransactions(repository, history);

    @Override
    protected PrescriptionHistory history() {
        return history;
    }

    @Override
    protected PrescriptionRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
