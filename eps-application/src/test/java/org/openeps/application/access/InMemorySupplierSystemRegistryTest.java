package org.openeps.application.access;

import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.application.shared.Transactions;

class InMemorySupplierSystemRegistryTest extends SupplierSystemRegistryContract {

    private final InMemorySupplierSystemRegistry registry = new InMemorySupplierSystemRegistry();
    private final InMemoryTransactions transactions = new InMemoryTransactions(registry);

    @Override
    protected SupplierSystemRegistry registry() {
        return registry;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
