package org.openeps.adapters.http.web.signin;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openeps.adapters.http.web.session.Identity;
import org.openeps.adapters.http.web.session.SessionState.PendingAuthorisation;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in through an OpenID Connect identity provider with Nimbus OAuth 2.0 SDK: the authorisation code flow with
 * PKCE (S256), state and nonce, the client authenticated with its secret (HTTP Basic), the ID token verified against
 * the provider's published keys (signature, issuer, audience, expiry, nonce), and who signed in read from the ID
 * token's claims together with the UserInfo endpoint's (see {@link OidcClaims}). The provider's discovery document is
 * read when first needed, so the service starts while the provider is unreachable.
 */
public final class OidcIdentityProvider implements IdentityProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OidcIdentityProvider.class);
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Issuer issuer;
    private final ClientID clientId;
    private final Secret clientSecret;
    private final URI redirectUri;
    private final Scope scope;
    private volatile Provider provider;

    /**
     * @param issuer      the provider's issuer; discovery at {@code <issuer>/.well-known/openid-configuration}
     * @param redirectUri this service's {@code /signin/callback}, as registered with the provider
     * @param scopes      space-separated, {@code openid} among them
     */
    public OidcIdentityProvider(URI issuer, String clientId, String clientSecret, URI redirectUri, String scopes) {
        this.issuer = new Issuer(Objects.requireNonNull(issuer, "issuer"));
        this.clientId = new ClientID(Objects.requireNonNull(clientId, "clientId"));
        this.clientSecret = new Secret(Objects.requireNonNull(clientSecret, "clientSecret"));
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.scope = Scope.parse(scopes);
        if (!scope.contains("openid")) {
            scope.add("openid");
        }
    }

    @Override
    public PendingAuthorisation newAuthorisation() {
        return new PendingAuthorisation(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue());
    }

    @Override
    public URI authorisationRequest(PendingAuthorisation pending) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, scope, clientId, redirectUri)
                .endpointURI(provider().metadata().getAuthorizationEndpointURI())
                .state(new State(pending.state()))
                .nonce(new Nonce(pending.nonce()))
                .codeChallenge(new CodeVerifier(pending.codeVerifier()), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    @Override
    public Identity identify(Map<String, List<String>> parameters, PendingAuthorisation pending) {
        Provider idp = provider();
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(redirectUri, parameters);
        } catch (ParseException e) {
            throw refused("The identity provider's answer could not be read", e);
        }
        if (!new State(pending.state()).equals(response.getState())) {
            throw refused("The sign-in answer does not belong to this browser's sign-in", null);
        }
        if (response instanceof AuthenticationErrorResponse error) {
            ErrorObject object = error.getErrorObject();
            LOG.info("Sign-in refused by the identity provider: {}", object.getCode());
            throw new EpsException(ErrorCode.UNAUTHORISED, "The identity provider did not sign you in ("
                    + object.getCode() + "). Start again.");
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw refused("The identity provider sent no authorisation code", null);
        }
        try {
            TokenRequest tokenRequest = new TokenRequest(idp.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(clientId, clientSecret),
                    new AuthorizationCodeGrant(code, redirectUri, new CodeVerifier(pending.codeVerifier())));
            var tokenResponse = OIDCTokenResponseParser.parse(timed(tokenRequest.toHTTPRequest()).send());
            if (!tokenResponse.indicatesSuccess()) {
                throw refused("The identity provider refused the code: "
                        + tokenResponse.toErrorResponse().getErrorObject().getCode(), null);
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
            IDTokenClaimsSet idToken = idp.validator().validate(tokens.getOIDCTokens().getIDToken(),
                    new Nonce(pending.nonce()));
            Map<String, Object> claims = new HashMap<>(idToken.toJSONObject());
            URI userInfo = idp.metadata().getUserInfoEndpointURI();
            if (userInfo != null) {
                BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
                UserInfoResponse info = UserInfoResponse.parse(timed(new UserInfoRequest(userInfo, accessToken)
                        .toHTTPRequest()).send());
                if (info.indicatesSuccess()) {
                    var user = info.toSuccessResponse().getUserInfo();
                    if (user.getSubject().equals(idToken.getSubject())) {
                        user.toJSONObject().forEach(claims::putIfAbsent);
                    }
                }
            }
            return OidcClaims.identity(claims);
        } catch (ParseException | IOException | BadJOSEException | JOSEException e) {
            throw refused("The identity provider's tokens could not be verified", e);
        }
    }

    private Provider provider() {
        Provider known = provider;
        if (known == null) {
            try {
                OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
                URL keys = metadata.getJWKSetURI().toURL();
                JWSAlgorithm algorithm = metadata.getIDTokenJWSAlgs() == null || metadata.getIDTokenJWSAlgs().isEmpty()
                        || metadata.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256)
                        ? JWSAlgorithm.RS256 : metadata.getIDTokenJWSAlgs().getFirst();
                known = new Provider(metadata, new IDTokenValidator(metadata.getIssuer(), clientId, algorithm, keys));
                provider = known;
            } catch (GeneralException | IOException e) {
                LOG.warn("Cannot read the OpenID Connect discovery document of {}", issuer, e);
                throw new EpsException(ErrorCode.UNAUTHORISED, "Sign-in is not available now: the identity provider"
                        + " cannot be reached. Try again later.");
            }
        }
        return known;
    }

    private static HTTPRequest timed(HTTPRequest request) {
        request.setConnectTimeout(TIMEOUT_MILLIS);
        request.setReadTimeout(TIMEOUT_MILLIS);
        return request;
    }

    private static EpsException refused(String reason, Exception cause) {
        if (cause == null) {
            LOG.info("Sign-in refused: {}", reason);
        } else {
            LOG.info("Sign-in refused: {}: {}", reason, cause.toString());
        }
        return new EpsException(ErrorCode.UNAUTHORISED, reason + ". Start again.");
    }

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }
}
