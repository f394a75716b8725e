package org.openeps.adapters.http.web.session;

import java.util.Objects;
import java.util.Optional;

/** Where a browser session stands: signing in, choosing a role, or signed in. */
public sealed interface SessionState {

    /**
     * No one signed in yet.
     *
     * @param returnTo      the page they asked for before being sent to sign in
     * @param authorisation an OpenID Connect sign-in under way at the identity provider
     */
    record SigningIn(Optional<String> returnTo, Optional<PendingAuthorisation> authorisation) implements SessionState {
        public SigningIn {
            Objects.requireNonNull(returnTo, "returnTo");
            Objects.requireNonNull(authorisation, "authorisation");
        }

        public static SigningIn fresh() {
            return new SigningIn(Optional.empty(), Optional.empty());
        }
    }

    /** A member of staff with several roles, choosing the one to act in. */
    record ChoosingRole(Identity.Staff staff, Optional<String> returnTo) implements SessionState {
        public ChoosingRole {
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(returnTo, "returnTo");
        }
    }

    record SignedIn(Person person) implements SessionState {
        public SignedIn {
            Objects.requireNonNull(person, "person");
        }
    }

    /**
     * An authorisation request sent to the identity provider, kept until it sends the browser back: the values the
     * answer must match (state, nonce) and the PKCE code verifier.
     */
    record PendingAuthorisation(String state, String nonce, String codeVerifier) {
        public PendingAuthorisation {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(codeVerifier, "codeVerifier");
        }
    }
}
