package org.openeps.adapters.persistence.shared;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.openeps.application.shared.RecordedReplies;
import org.openeps.application.shared.RecordedReply;
import org.openeps.application.shared.RequestKey;

/**
 * Replies kept in {@code recorded_reply}. A claim inserts the key and fingerprint; a second transaction claiming the same key waits
 * on the primary key until the first commits (then it reads the reply) or rolls back (then it claims the key itself).
 */
public final class JdbiRecordedReplies implements RecordedReplies {

    private final Dao dao;

    public JdbiRecordedReplies(Jdbi jdbi) {
        this.dao = jdbi.onDemand(Dao.class);
    }

    @Override
    public Optional<RecordedReply> claim(RequestKey key, String fingerprint) {
        if (dao.claim(key.scope(), key.value(), fingerprint) == 1) {
            return Optional.empty();
        }
        ReplyRow row = dao.find(key.scope(), key.value(), fingerprint).orElseThrow(
                () -> new IllegalStateException("Reply for " + key + " vanished while claiming it"));
        return Optional.of(new RecordedReply(row.status(), row.contentType(), row.body()));
    }

    @Override
    public void record(RequestKey key, String fingerprint, RecordedReply reply) {
        int updated = dao.record(key.scope(), key.value(), fingerprint, reply.status(), reply.contentType(),
                reply.body());
        if (updated != 1) {
            throw new IllegalStateException("Reply for " + key + " was recorded without being claimed");
        }
    }

    /** A row of {@code recorded_reply} whose reply has been recorded. */
    public record ReplyRow(int status, String contentType, byte[] body) {
    }

    interface Dao {
        @SqlUpdate("""
                insert into recorded_reply (scope, request_id, fingerprint)
                values (:scope, :requestId, :fingerprint)
                on conflict do nothing
                """)
        int claim(@Bind("scope") String scope, @Bind("requestId") String requestId, @Bind("fingerprint") String fingerprint);

        @SqlQuery("""
                select status, content_type, body
                from recorded_reply
                where scope = :scope and request_id = :requestId and fingerprint = :fingerprint and status is not null
                """)
        @RegisterConstructorMapper(ReplyRow.class)
        Optional<ReplyRow> find(@Bind("scope") String scope, @Bind("requestId") String requestId,
                                @Bind("fingerprint") String fingerprint);

        @SqlUpdate("""
                update recorded_reply
                set status = :status, content_type = :contentType, body = :body
                where scope = :scope and request_id = :requestId and fingerprint = :fingerprint and status is null
                """)
        int record(@Bind("scope") String scope, @Bind("requestId") String requestId,
                   @Bind("fingerprint") String fingerprint, @Bind("status") int status,
                   @Bind("contentType") String contentType, @Bind("body") byte[] body);
    }
}
