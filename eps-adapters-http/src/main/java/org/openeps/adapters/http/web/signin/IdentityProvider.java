package org.openeps.adapters.http.web.signin;

import java.net.URI;
import java.util.Map;
import java.util.List;
import org.openeps.adapters.http.web.session.Identity;
import org.openeps.adapters.http.web.session.SessionState.PendingAuthorisation;

/**
 * An identity provider people sign in with (OpenID Connect, authorisation code flow with PKCE), in production in
 * place of the demo users.
 */
public interface IdentityProvider {

    /** A new authorisation request's secrets: state, nonce and PKCE code verifier, kept in the session. */
    PendingAuthorisation newAuthorisation();

    /** Where to send the browser to sign in. */
    URI authorisationRequest(PendingAuthorisation pending);

    /**
     * Completes a sign-in when the provider sends the browser back: checks the answer against the pending request,
     * exchanges the code for tokens, verifies the ID token and reads who signed in.
     *
     * @param parameters the callback's query parameters
     * @throws org.openeps.domain.shared.EpsException {@code UNAUTHORISED} when the answer is an error, does not match,
     *     or the tokens do not verify; {@code ACCESS_DENIED} when the person has no role or identity level this
     *     service accepts
     */
    Identity identify(Map<String, List<String>> parameters, PendingAuthorisation pending);
}
