package org.openeps.app;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The web pages (the clinical prescription tracker and the patient page): how their browser sessions behave, and how
 * people sign in. With development tokens people pick a demo user; otherwise through an OpenID Connect identity
 * provider, when one is configured. With neither, the service has no web pages.
 *
 * @param secureCookie whether the session cookie is sent over HTTPS only ({@code EPS_WEB_SECURE_COOKIE})
 * @param sessionIdle  how long a session lasts without a request ({@code EPS_WEB_SESSION_IDLE_MINUTES})
 * @param oidc         the identity provider, when configured
 */
public record WebSettings(boolean secureCookie, Duration sessionIdle, Optional<Oidc> oidc) {

    static final int DEFAULT_IDLE_MINUTES = 30;
    /** A session ends after this long however busy, and its person signs in again. */
    static final Duration MAX_SESSION = Duration.ofHours(12);

    public WebSettings {
        if (sessionIdle.isNegative() || sessionIdle.isZero() || sessionIdle.compareTo(MAX_SESSION) > 0) {
            throw new IllegalArgumentException("EPS_WEB_SESSION_IDLE_MINUTES must be 1 to 720");
        }
    }

    /** For development and tests: plain HTTP, the default idle timeout, no identity provider. */
    public static WebSettings development() {
        return new WebSettings(false, Duration.ofMinutes(DEFAULT_IDLE_MINUTES), Optional.empty());
    }

    /**
     * An OpenID Connect identity provider (authorisation code flow with PKCE).
     *
     * @param issuer       its issuer; its discovery document is read from {@code /.well-known/openid-configuration}
     * @param clientId     this service's client ID there; also the supplier system the pages act through, which must
     *                     be registered and assured for tracking
     * @param clientSecret the client secret
     * @param redirectUri  where the provider sends the browser back: this service's {@code /signin/callback}
     * @param scopes       the scopes asked for, space-separated
     */
    public record Oidc(URI issuer, String clientId, String clientSecret, URI redirectUri, String scopes) {
    }

    /**
     * Reads {@code EPS_WEB_SECURE_COOKIE} (default: {@code false} with development tokens, else {@code true}),
     * {@code EPS_WEB_SESSION_IDLE_MINUTES} (default 30) and the identity provider: {@code EPS_OIDC_ISSUER},
     * {@code EPS_OIDC_CLIENT_ID}, {@code EPS_OIDC_CLIENT_SECRET}, {@code EPS_OIDC_REDIRECT_URI}, {@code EPS_OIDC_SCOPES}
     * (default {@code openid profile}).
     */
    static WebSettings fromEnvironment(Map<String, String> env, boolean devTokens) {
        boolean secure = Configuration.value(env, "EPS_WEB_SECURE_COOKIE").map(text -> switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("EPS_WEB_SECURE_COOKIE must be true or false, not " + text);
        }).orElse(!devTokens);
        int idle = Configuration.value(env, "EPS_WEB_SESSION_IDLE_MINUTES").map(text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("EPS_WEB_SESSION_IDLE_MINUTES must be a whole number, not " + text,
                        e);
            }
        }).orElse(DEFAULT_IDLE_MINUTES);
        if (idle < 1 || idle > MAX_SESSION.toMinutes()) {
            throw new IllegalArgumentException("EPS_WEB_SESSION_IDLE_MINUTES must be 1 to 720, not " + idle);
        }
        Optional<String> issuer = Configuration.value(env, "EPS_OIDC_ISSUER");
        Optional<Oidc> oidc = issuer.map(url -> {
            if (devTokens) {
                throw new IllegalArgumentException("EPS_OIDC_ISSUER cannot be used with development tokens: the web"
                        + " pages then sign in demo users");
            }
            return new Oidc(uri("EPS_OIDC_ISSUER", url), required(env, "EPS_OIDC_CLIENT_ID"),
                    required(env, "EPS_OIDC_CLIENT_SECRET"),
                    uri("EPS_OIDC_REDIRECT_URI", required(env, "EPS_OIDC_REDIRECT_URI")),
                    Configuration.value(env, "EPS_OIDC_SCOPES").orElse("openid profile"));
        });
        return new WebSettings(secure, Duration.ofMinutes(idle), oidc);
    }

    private static String required(Map<String, String> env, String name) {
        return Configuration.value(env, name).orElseThrow(() -> new IllegalArgumentException(
                "With EPS_OIDC_ISSUER, set " + name));
    }

    private static URI uri(String name, String text) {
        try {
            URI uri = URI.create(text);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException(name + " must be an http(s) URL, not " + text);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be an http(s) URL, not " + text, e);
        }
    }
}
