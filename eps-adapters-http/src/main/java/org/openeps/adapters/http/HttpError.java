package org.openeps.adapters.http;

/**
 * A failure of the HTTP exchange itself rather than of an EPS rule: wrong content type, unknown path, body too
 * large. Answered as an OperationOutcome with this status.
 */
public final class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String issueType;
    private final String code;

    public HttpError(int status, String issueType, String code, String message) {
        super(message);
        this.status = status;
        this.issueType = issueType;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The FHIR issue type, e.g. {@code not-found}. */
    public String issueType() {
        return issueType;
    }

    /** A short machine-readable code for {@code details.coding}. */
    public String code() {
        return code;
    }
}
