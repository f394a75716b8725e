package org.openeps.application.shared;

import java.util.function.Supplier;

/** Records each reply with the changes it reports, and answers repeats from the record. */
public final class ProcessOnceService implements ProcessOnceUseCase {

    private final Transactions transactions;
    private final RecordedReplies replies;

    public ProcessOnceService(Transactions transactions, RecordedReplies replies) {
        this.transactions = transactions;
        this.replies = replies;
    }

    @Override
    public RecordedReply process(ProcessOnceCommand command, Supplier<RecordedReply> work) {
        return transactions.inTransaction(() -> replies.claim(command.key(), command.fingerprint())
                .orElseGet(() -> {
                    RecordedReply reply = work.get();
                    replies.record(command.key(), command.fingerprint(), reply);
                    return reply;
                }));
    }
}
