package org.openeps.adapters.http;

import io.javalin.http.Context;

/**
 * How the web pages answer a failure: with an HTML page for people (or, when they need to sign in, by sending them
 * there), never with an OperationOutcome, a problem document or a stack trace. {@link HttpServer} asks it for every
 * failure on a web path.
 */
public interface ErrorPages {

    /**
     * Answers a failed page request.
     *
     * @param code    the EPS error code, or the HTTP adapter's own ({@code NOT_FOUND}, {@code SERVER_ERROR}, ...)
     * @param message what went wrong, safe to show (never a stack trace)
     */
    void render(Context ctx, int status, String code, String message);

    /** A whole HTML page for the errors the web server answers before any route runs (a malformed URL). */
    String page(int status);
}
