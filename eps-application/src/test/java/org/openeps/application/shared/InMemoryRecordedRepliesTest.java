package org.openeps.application.shared;

class InMemoryRecordedRepliesTest extends RecordedRepliesContract {

    private final InMemoryRecordedReplies replies = new InMemoryRecordedReplies();
    private final InMemoryTransactions transactions = new InMemoryTransactions(replies);

    @Override
    protected RecordedReplies replies() {
        return replies;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
