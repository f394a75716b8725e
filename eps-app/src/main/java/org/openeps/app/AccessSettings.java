package org.openeps.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the service verifies access tokens, and how many requests a minute each supplier system may send.
 *
 * <p>Either development tokens (the service makes its own signing key and serves {@code POST /dev/token}), or a
 * production key source: a JWKS file or URL with the issuer and audience tokens must name. Never both, and never
 * neither.
 *
 * @param devTokens         whether the service issues and accepts its own development tokens
 * @param jwksFile          a JWKS document on disk holding the token signing keys
 * @param jwksUrl           a JWKS URL publishing the token signing keys
 * @param issuer            the {@code iss} tokens must carry (with a key source)
 * @param audience          the {@code aud} tokens must carry (with a key source)
 * @param rateLimitPerMinute requests a minute allowed to each supplier system
 */
public record AccessSettings(boolean devTokens, Optional<Path> jwksFile, Optional<String> jwksUrl,
                             Optional<String> issuer, Optional<String> audience, int rateLimitPerMinute) {

    static final int DEFAULT_RATE_LIMIT = 20_000;

    public AccessSettings {
        boolean keySource = jwksFile.isPresent() || jwksUrl.isPresent();
        if (devTokens && keySource) {
            throw new IllegalArgumentException("EPS_DEV_TOKENS=true cannot be used with EPS_JWKS_FILE or EPS_JWKS_URL:"
                    + " development tokens are for development only; configure one or the other");
        }
        if (jwksFile.isPresent() && jwksUrl.isPresent()) {
            throw new IllegalArgumentException("Set EPS_JWKS_FILE or EPS_JWKS_URL, not both");
        }
        if (keySource && (issuer.isEmpty() || audience.isEmpty())) {
            throw new IllegalArgumentException("With EPS_JWKS_FILE or EPS_JWKS_URL, set EPS_TOKEN_ISSUER and"
                    + " EPS_TOKEN_AUDIENCE to the iss and aud your identity provider puts in its access tokens");
        }
        if (!devTokens && !keySource) {
            throw new IllegalArgumentException("No way to verify access tokens: set EPS_JWKS_FILE or EPS_JWKS_URL (with"
                    + " EPS_TOKEN_ISSUER and EPS_TOKEN_AUDIENCE), or EPS_DEV_TOKENS=true for development");
        }
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException("EPS_RATE_LIMIT_PER_MINUTE must be at least 1");
        }
    }

    /** Development tokens, with the default rate limit. */
    public static AccessSettings development() {
        return new AccessSettings(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_RATE_LIMIT);
    }

    /** Tokens signed by the keys in a JWKS file, with the default rate limit. */
    public static AccessSettings keyFile(Path jwks, String issuer, String audience) {
        return new AccessSettings(false, Optional.of(jwks), Optional.empty(), Optional.of(issuer),
                Optional.of(audience), DEFAULT_RATE_LIMIT);
    }

    /** The same settings with another rate limit. */
    public AccessSettings withRateLimit(int perMinute) {
        return new AccessSettings(devTokens, jwksFile, jwksUrl, issuer, audience, perMinute);
    }

    /**
     * Reads {@code EPS_DEV_TOKENS}, {@code EPS_JWKS_FILE}, {@code EPS_JWKS_URL}, {@code EPS_TOKEN_ISSUER},
     * {@code EPS_TOKEN_AUDIENCE} and {@code EPS_RATE_LIMIT_PER_MINUTE}. Development tokens are on by default only on
     * the embedded database with no key source configured.
     */
    static AccessSettings fromEnvironment(Map<String, String> env, boolean embedded, int rateLimit) {
        Optional<Path> file = Configuration.value(env, "EPS_JWKS_FILE").map(AccessSettings::readableFile);
        Optional<String> url = Configuration.value(env, "EPS_JWKS_URL");
        boolean devTokens = Configuration.value(env, "EPS_DEV_TOKENS")
                .map(AccessSettings::flag)
                .orElse(embedded && file.isEmpty() && url.isEmpty());
        return new AccessSettings(devTokens, file, url, Configuration.value(env, "EPS_TOKEN_ISSUER"),
                Configuration.value(env, "EPS_TOKEN_AUDIENCE"), rateLimit);
    }

    private static boolean flag(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("EPS_DEV_TOKENS must be true or false, not " + text);
        };
    }

    private static Path readableFile(String text) {
        Path path = Path.of(text).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("EPS_JWKS_FILE must name a readable file, not " + text);
        }
        return path;
    }
}
