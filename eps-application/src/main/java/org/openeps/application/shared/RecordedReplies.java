package org.openeps.application.shared;

import java.util.Optional;

/**
 * Where the answers to requests are kept, keyed by the request's identifier and a fingerprint of its content: the
 * same identifier with other content is another request (a client that reuses a message ID for a different message
 * gets that message processed on its merits, not an old answer).
 */
public interface RecordedReplies {

    /**
     * Claims the key for a request with this fingerprint inside the current transaction. Returns empty when it is new
     * (the caller must then {@link #record} a reply before the transaction ends); otherwise returns the reply recorded
     * before. If another transaction holds the claim, this waits until that transaction ends.
     */
    Optional<RecordedReply> claim(RequestKey key, String fingerprint);

    /** Stores the reply for a key and fingerprint claimed in the current transaction. */
    void record(RequestKey key, String fingerprint, RecordedReply reply);
}
