package org.openeps.application.audit;

import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.application.shared.Transactions;

class InMemoryAuditTrailTest extends AuditTrailContract {

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryTransactions transactions = new InMemoryTransactions(trail);

    @Override
    protected AuditTrail trail() {
        return trail;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
