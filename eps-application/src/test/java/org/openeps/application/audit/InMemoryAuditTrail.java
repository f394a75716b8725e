package org.openeps.application.audit;

import java.util.ArrayList;
import java.util.List;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.audit.AuditChain;
import org.openeps.domain.audit.AuditChainHead;
import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.ChainedAuditRecord;

/** The audit chain in a list, with its head; appends one at a time, undone with the transaction they were made in. */
public final class InMemoryAuditTrail implements AuditTrail, InMemoryTransactions.Participant {

    private List<ChainedAuditRecord> records = new ArrayList<>();
    private AuditChainHead head = AuditChainHead.genesis();

    @Override
    public synchronized void append(AuditRecord record) {
        ChainedAuditRecord chained = AuditChain.link(head, record);
        records.add(chained);
        head = chained.asHead();
    }

    @Override
    public synchronized List<ChainedAuditRecord> find(AuditQuery query) {
        return records.reversed().stream()
                .filter(chained -> query.nhsNumber().isEmpty()
                        || query.nhsNumber().equals(chained.record().nhsNumber()))
                .filter(chained -> query.prescriptionId().isEmpty()
                        || query.prescriptionId().equals(chained.record().prescriptionId()))
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized AuditVerification verify() {
        return AuditChain.verify(records.iterator(), head);
    }

    /** Every record, oldest first. */
    public synchronized List<ChainedAuditRecord> all() {
        return List.copyOf(records);
    }

    @Override
    public synchronized Runnable checkpoint() {
        List<ChainedAuditRecord> recordsBefore = new ArrayList<>(records);
        AuditChainHead headBefore = head;
        return () -> {
            synchronized (this) {
                records = recordsBefore;
                head = headBefore;
            }
        };
    }
}
