package org.openeps.application.directory;

import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.application.shared.Transactions;

class InMemoryOrganisationDirectoryTest extends OrganisationDirectoryContract {

    private final InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory();
    private final InMemoryTransactions transactions = new InMemoryTransactions(directory);

    @Override
    protected OrganisationDirectory directory() {
        return directory;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
