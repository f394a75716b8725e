package org.openeps.adapters.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/** What every request to the FHIR API must bring. */
public final class FhirRequests {

    private static final Set<String> JSON_TYPES = Set.of("application/fhir+json", "application/json");

    private FhirRequests() {
    }

    /** The body of a POST, which must be FHIR JSON (or plain JSON) and no larger than the server allows. */
    public static byte[] jsonBody(Context ctx) {
        // read first, also when the type is wrong: answering before the body is read can reset the connection
        // while the client is still sending, and the client then never sees the answer
        byte[] body = ctx.bodyAsBytes();
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!JSON_TYPES.contains(mediaType)) {
            throw new HttpError(415, "not-supported", "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type must be application/fhir+json, not " + (contentType == null ? "nothing" : contentType));
        }
        return body;
    }
}
