package org.openeps.application.shared;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link RecordedReplies} in memory, keyed by request key and fingerprint, behaving as {@code JdbiRecordedReplies}
 * does: a claim of a new key holds it until a reply is recorded for it; recording a reply for a key that was not
 * claimed, or recording a second reply, is refused; claiming a key again before its reply is recorded is refused.
 * Pass it to {@link InMemoryTransactions} so that a transaction that fails releases its claims.
 */
public final class InMemoryRecordedReplies implements RecordedReplies, InMemoryTransactions.Participant {

    private record Claim(RequestKey key, String fingerprint) {
        Claim {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    private final Set<Claim> awaitingReply = new HashSet<>();
    private final Map<Claim, RecordedReply> replies = new HashMap<>();

    @Override
    public synchronized Optional<RecordedReply> claim(RequestKey key, String fingerprint) {
        Claim claim = new Claim(key, fingerprint);
        if (replies.containsKey(claim)) {
            return Optional.of(replies.get(claim));
        }
        if (!awaitingReply.add(claim)) {
            throw new IllegalStateException("Reply for " + key + " was claimed again before it was recorded");
        }
        return Optional.empty();
    }

    @Override
    public synchronized void record(RequestKey key, String fingerprint, RecordedReply reply) {
        Objects.requireNonNull(reply, "reply");
        Claim claim = new Claim(key, fingerprint);
        if (!awaitingReply.remove(claim)) {
            throw new IllegalStateException("Reply for " + key + " was recorded without being claimed");
        }
        replies.put(claim, reply);
    }

    @Override
    public synchronized Runnable checkpoint() {
        Set<Claim> awaitingThen = Set.copyOf(awaitingReply);
        Map<Claim, RecordedReply> repliesThen = Map.copyOf(replies);
        return () -> {
            synchronized (this) {
                awaitingReply.clear();
                awaitingReply.addAll(awaitingThen);
                replies.clear();
                replies.putAll(repliesThen);
            }
        };
    }
}
