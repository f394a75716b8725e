package org.openeps.app;

import org.openeps.adapters.http.web.signin.IdentityProvider;
import org.openeps.adapters.http.web.signin.OidcIdentityProvider;

/** Connects the web pages' sign-in to the configured OpenID Connect identity provider. */
final class OidcProviders {

    private OidcProviders() {
    }

    static IdentityProvider connect(WebSettings.Oidc settings) {
        return new OidcIdentityProvider(settings.issuer(), settings.clientId(), settings.clientSecret(),
                settings.redirectUri(), settings.scopes());
    }
}
