package org.openeps.adapters.persistence.shared;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openeps.adapters.persistence.Jdbc;
import org.openeps.application.shared.RecordedReplies;
import org.openeps.application.shared.RecordedReply;
import org.openeps.application.shared.RequestKey;

/**
 * Replies kept in {@code recorded_reply}. A claim inserts the key and fingerprint; a second transaction claiming the same key waits
 * on the primary key until the first commits (then it reads the reply) or rolls back (then it claims the key itself).
 */
public final class JdbiRecordedReplies implements RecordedReplies {

    private static final String CLAIM = """
            insert into recorded_reply (scope, request_id, fingerprint)
            values (?, ?, ?)
            on conflict do nothing
            """;

    private static final String FIND = """
            select status, content_type, body
            from recorded_reply
            where scope = ? and request_id = ? and fingerprint = ? and status is not null
            """;

    private static final String RECORD = """
            update recorded_reply
            set status = ?, content_type = ?, body = ?
            where scope = ? and request_id = ? and fingerprint = ? and status is null
            """;

    private final Jdbi jdbi;

    public JdbiRecordedReplies(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<RecordedReply> claim(RequestKey key, String fingerprint) {
        return jdbi.withHandle(handle -> {
            if (Jdbc.update(handle, CLAIM, key.scope(), key.value(), fingerprint) == 1) {
                return Optional.<RecordedReply>empty();
            }
            return Optional.of(Jdbc.first(handle, FIND,
                            rs -> new RecordedReply(rs.getInt("status"), rs.getString("content_type"), rs.getBytes("body")),
                            key.scope(), key.value(), fingerprint)
                    .orElseThrow(() -> new IllegalStateException("Reply for " + key + " vanished while claiming it")));
        });
    }

    @Override
    public void record(RequestKey key, String fingerprint, RecordedReply reply) {
        int updated = jdbi.withHandle(handle -> Jdbc.update(handle, RECORD, reply.status(), reply.contentType(),
                reply.body(), key.scope(), key.value(), fingerprint));
        if (updated != 1) {
            throw new IllegalStateException("Reply for " + key + " was recorded without being claimed");
        }
    }
}
