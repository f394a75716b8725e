package org.openeps.adapters.http.dispensing;

import io.javalin.http.Context;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** What the dispensing endpoints read from the request besides its body. */
final class DispenserRequests {

    static final String REQUEST_ID = "X-Request-ID";

    private DispenserRequests() {
    }

    /** The X-Request-ID, which {@code HttpServer} has already checked is a UUID: the key a resent request is known by. */
    static String requestId(Context ctx) {
        String requestId = ctx.header(REQUEST_ID);
        EpsException.require(requestId != null && !requestId.isBlank(), ErrorCode.MISSING_VALUE,
                "The X-Request-ID header is required");
        return requestId.trim();
    }
}
