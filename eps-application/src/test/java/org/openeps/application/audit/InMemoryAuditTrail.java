package org.openeps.application.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.audit.AuditChain;
import org.openeps.domain.audit.AuditChainHead;
import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.ChainedAuditRecord;

/**
 * The audit chains in a list, with their heads. Appends outside a transaction take the chains in turn; a transaction
 * takes the next chain at its first append and keeps it for the rest, as {@code JdbiAuditTrail} does. Appends are
 * undone with the transaction they were made in.
 */
public final class InMemoryAuditTrail implements AuditTrail, InMemoryTransactions.Participant {

    /** Newest first: by time, then chain and sequence. */
    private static final Comparator<ChainedAuditRecord> NEWEST_FIRST = Comparator
            .comparing((ChainedAuditRecord chained) -> chained.record().at())
            .thenComparingInt(ChainedAuditRecord::chain)
            .thenComparingLong(ChainedAuditRecord::sequence)
            .reversed();

    private List<ChainedAuditRecord> records = new ArrayList<>();
    private Map<Integer, AuditChainHead> heads = new HashMap<>();
    private int turn;
    private boolean inTransaction;
    private Optional<Integer> transactionChain = Optional.empty();

    @Override
    public synchronized void append(List<AuditRecord> appended) {
        if (appended.isEmpty()) {
            return;
        }
        int chain = transactionChain.orElseGet(() -> turn++ % AuditChain.CHAINS + 1);
        if (inTransaction) {
            transactionChain = Optional.of(chain);
        }
        for (AuditRecord record : appended) {
            ChainedAuditRecord chained = AuditChain.link(head(chain), record);
            records.add(chained);
            heads.put(chain, chained.asHead());
        }
    }

    @Override
    public synchronized List<ChainedAuditRecord> find(AuditQuery query) {
        return records.stream()
                .filter(chained -> query.nhsNumber().isEmpty()
                        || query.nhsNumber().equals(chained.record().nhsNumber()))
                .filter(chained -> query.prescriptionId().isEmpty()
                        || query.prescriptionId().equals(chained.record().prescriptionId()))
                .sorted(NEWEST_FIRST)
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized AuditVerification verify() {
        return AuditVerification.of(IntStream.rangeClosed(1, AuditChain.CHAINS)
                .mapToObj(chain -> AuditChain.verify(
                        records.stream().filter(chained -> chained.chain() == chain).iterator(), head(chain)))
                .toList());
    }

    /** Every record, in the order appended. */
    public synchronized List<ChainedAuditRecord> all() {
        return List.copyOf(records);
    }

    @Override
    public synchronized Runnable checkpoint() {
        List<ChainedAuditRecord> recordsBefore = new ArrayList<>(records);
        Map<Integer, AuditChainHead> headsBefore = new HashMap<>(heads);
        inTransaction = true;
        return () -> {
            synchronized (this) {
                records = recordsBefore;
                heads = headsBefore;
            }
        };
    }

    @Override
    public synchronized void ended() {
        inTransaction = false;
        transactionChain = Optional.empty();
    }

    private AuditChainHead head(int chain) {
        return heads.getOrDefault(chain, AuditChainHead.genesis(chain));
    }
}
