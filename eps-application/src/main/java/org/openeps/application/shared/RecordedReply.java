package org.openeps.application.shared;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer given to a request, kept so that the same request sent again gets the same answer. The application
 * treats it as opaque: the adapter that produced it knows what the status and body mean.
 */
public record RecordedReply(int status, String contentType, byte[] body) {

    public RecordedReply {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedReply reply
                && status == reply.status
                && contentType.equals(reply.contentType)
                && Arrays.equals(body, reply.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RecordedReply[status=" + status + ", contentType=" + contentType + ", body=" + body.length + " bytes]";
    }
}
