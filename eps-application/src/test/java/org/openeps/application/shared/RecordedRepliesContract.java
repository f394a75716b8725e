package org.openeps.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RecordedReplies} does, run against the in-memory fake and against PostgreSQL. Implementations may
 * share one store between the tests: each test uses new request identifiers.
 */
public abstract class RecordedRepliesContract {

    /** The replies under test. */
    protected abstract RecordedReplies replies();

    /** Transactions that the replies' calls on the same thread join. */
    protected abstract Transactions transactions();

    @Test
    void claim_of_a_new_key_is_empty() {
        assertThat(replies().claim(newKey(), "fingerprint")).isEmpty();
    }

    @Test
    void claim_after_the_reply_is_recorded_returns_that_reply() {
        RequestKey key = newKey();
        RecordedReply reply = new RecordedReply(201, "application/fhir+json; charset=utf-8",
                "{\"résumé\": \"😀\"}\n".getBytes(StandardCharsets.UTF_8));

        replies().claim(key, "fingerprint");
        replies().record(key, "fingerprint", reply);

        assertThat(replies().claim(key, "fingerprint")).contains(reply);
        assertThat(replies().claim(key, "fingerprint")).contains(reply);
    }

    @Test
    void an_empty_body_is_recorded_as_empty() {
        RequestKey key = newKey();
        RecordedReply reply = new RecordedReply(204, "text/plain", new byte[0]);

        replies().claim(key, "fingerprint");
        replies().record(key, "fingerprint", reply);

        assertThat(replies().claim(key, "fingerprint")).contains(reply);
    }

    @Test
    void the_same_key_with_another_fingerprint_is_a_new_request() {
        RequestKey key = newKey();
        replies().claim(key, "content-a");
        replies().record(key, "content-a", reply("a"));

        assertThat(replies().claim(key, "content-b")).isEmpty();
        replies().record(key, "content-b", reply("b"));

        assertThat(replies().claim(key, "content-a")).contains(reply("a"));
        assertThat(replies().claim(key, "content-b")).contains(reply("b"));
    }

    @Test
    void the_same_identifier_in_another_scope_is_a_new_request() {
        String value = UUID.randomUUID().toString();
        replies().claim(new RequestKey("bundle", value), "fingerprint");
        replies().record(new RequestKey("bundle", value), "fingerprint", reply("bundle"));

        assertThat(replies().claim(new RequestKey("request", value), "fingerprint")).isEmpty();
    }

    @Test
    void a_reply_for_a_key_that_was_not_claimed_is_refused() {
        RequestKey key = newKey();

        assertThatThrownBy(() -> replies().record(key, "fingerprint", reply("unclaimed")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(replies().claim(key, "fingerprint")).isEmpty();
    }

    @Test
    void a_second_reply_for_the_same_claim_is_refused_and_the_first_kept() {
        RequestKey key = newKey();
        replies().claim(key, "fingerprint");
        replies().record(key, "fingerprint", reply("first"));

        assertThatThrownBy(() -> replies().record(key, "fingerprint", reply("second")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(replies().claim(key, "fingerprint")).contains(reply("first"));
    }

    @Test
    void a_claim_made_in_a_transaction_that_fails_is_released() {
        RequestKey key = newKey();

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            replies().claim(key, "fingerprint");
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");

        assertThat(transactions().inTransaction(() -> replies().claim(key, "fingerprint"))).isEmpty();
    }

    @Test
    void a_reply_recorded_in_a_transaction_that_fails_is_forgotten_and_earlier_replies_kept() {
        RequestKey earlier = newKey();
        replies().claim(earlier, "fingerprint");
        replies().record(earlier, "fingerprint", reply("earlier"));
        RequestKey key = newKey();

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            replies().claim(key, "fingerprint");
            replies().record(key, "fingerprint", reply("rolled back"));
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");

        transactions().inTransaction(() -> {
            assertThat(replies().claim(key, "fingerprint")).isEmpty();
            replies().record(key, "fingerprint", reply("committed"));
            return null;
        });
        assertThat(replies().claim(key, "fingerprint")).contains(reply("committed"));
        assertThat(replies().claim(earlier, "fingerprint")).contains(reply("earlier"));
    }

    private static RequestKey newKey() {
        return new RequestKey("message", UUID.randomUUID().toString());
    }

    private static RecordedReply reply(String text) {
        return new RecordedReply(200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }
}
