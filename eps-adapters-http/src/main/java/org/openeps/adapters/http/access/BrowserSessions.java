package org.openeps.adapters.http.access;

import io.javalin.http.Context;
import org.openeps.domain.access.Caller;

/**
 * The web pages' way of knowing who is calling: a session cookie, set when a person signs in, instead of a bearer
 * token. {@link Authentication} asks it on the pages that need a signed-in person ({@value #SITE}/... for the
 * clinical tracker, {@value #PATIENT}/... for the patient page); the style sheets and images under {@value #ASSETS},
 * the sign-in pages under {@value #SIGN_IN} and {@value #SIGN_OUT} need no one.
 */
public interface BrowserSessions {

    String SITE = "/site";
    String PATIENT = "/patient";
    String SIGN_IN = "/signin";
    String SIGN_OUT = "/signout";
    String ASSETS = "/assets/";
    String HOME = "/";

    /**
     * The person signed in to the session the request's cookie names, as the caller the routes act for.
     *
     * @throws org.openeps.domain.shared.EpsException {@code UNAUTHORISED} when no one is signed in (the page asks
     *     them to sign in), {@code ACCESS_DENIED} when the one signed in may not see this part of the site
     */
    Caller signedIn(Context ctx);

    /** Whether a path is one of the web pages (answered in HTML, errors included), rather than an API. */
    static boolean isWebPage(String path) {
        return path != null && (isOpen(path) || under(path, SITE) || under(path, PATIENT));
    }

    /** Whether a web path needs a signed-in person: the tracker's and the patient's pages. */
    static boolean needsSignIn(String path) {
        return path != null && (under(path, SITE) || under(path, PATIENT));
    }

    /** The web paths open to anyone: the home page's redirect, sign-in and sign-out, and the static assets. */
    static boolean isOpen(String path) {
        return path != null && (path.equals(HOME) || path.startsWith(ASSETS) || under(path, SIGN_IN)
                || path.equals(SIGN_OUT));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
