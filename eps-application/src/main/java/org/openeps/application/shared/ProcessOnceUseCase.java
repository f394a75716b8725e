package org.openeps.application.shared;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Makes a request idempotent: the first time a key is seen the work runs and its reply is recorded in the same
 * transaction as the work's changes; when the same request comes again (even at the same moment) the recorded
 * reply is returned and nothing is applied twice. Work that throws records nothing and changes nothing.
 */
public interface ProcessOnceUseCase {

    RecordedReply process(ProcessOnceCommand command, Supplier<RecordedReply> work);

    /**
     * @param key         the request's identifier
     * @param fingerprint a digest of the request's content; the same key with other content is another request
     */
    record ProcessOnceCommand(RequestKey key, String fingerprint) {
        public ProcessOnceCommand {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }
}
