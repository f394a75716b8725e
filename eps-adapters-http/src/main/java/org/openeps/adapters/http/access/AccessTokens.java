package org.openeps.adapters.http.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;

/**
 * Verifies access tokens: a JWT signed with one of the asymmetric algorithms EPS accepts by a key of the configured
 * key set, from the configured issuer, for the configured audience, and inside its validity ({@code exp} required,
 * {@code nbf} when present, one minute of clock skew). Unsigned tokens, symmetric algorithms, unknown keys and bad
 * signatures are all refused alike.
 *
 * <p>A token that verified is remembered until its {@code exp}, at most {@link #REMEMBERED} (so that a key withdrawn
 * from the key set stops being honoured within that time): suppliers send the same token with every request for its
 * lifetime, and checking its signature again each time was a measurable share of the service's work (the benchmark,
 * docs/benchmarks.md). Only tokens that verified are remembered; any other string is checked in full every time.
 */
public final class AccessTokens {

    /** The signing algorithms accepted: RSA and elliptic-curve signatures only, never {@code none} or HMAC. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    /** The longest a verified token is remembered without its signature being checked again. */
    static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final int MOST_REMEMBERED = 20_000;

    private final ConfigurableJWTProcessor<SecurityContext> processor;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    private record Verified(Caller caller, Instant until) {
    }

    AccessTokens(JWKSource<SecurityContext> keys, String issuer, String audience) {
        this(keys, issuer, audience, Clock.systemUTC());
    }

    /**
     * {@code clock} decides whether a remembered token is still valid; a token not remembered is checked by Nimbus on
     * the system clock.
     */
    AccessTokens(JWKSource<SecurityContext> keys, String issuer, String audience, Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MOST_REMEMBERED)
                .expireAfterWrite(REMEMBERED)
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "sub")));
        this.processor = processor;
    }

    /**
     * Tokens signed by the keys of a JWKS document on disk.
     *
     * @throws IllegalArgumentException when the file cannot be read or is not a key set
     */
    public static AccessTokens fromFile(Path jwks, String issuer, String audience) {
        try {
            return new AccessTokens(new ImmutableJWKSet<>(JWKSet.load(jwks.toFile())), issuer, audience);
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("Cannot read the key set " + jwks + ": " + e.getMessage(), e);
        }
    }

    /** Tokens signed by the keys published at a JWKS URL, fetched when needed, cached and refreshed. */
    public static AccessTokens fromUrl(String jwksUrl, String issuer, String audience) {
        try {
            return new AccessTokens(JWKSourceBuilder.create(new URI(jwksUrl).toURL()).retrying(true).build(), issuer,
                    audience);
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a key set URL: " + jwksUrl, e);
        }
    }

    /**
     * The caller a bearer token identifies.
     *
     * @throws EpsException {@link org.openeps.domain.shared.ErrorCode#UNAUTHORISED} for any token that does not verify
     */
    public Caller verify(String token) {
        Instant now = clock.instant();
        Verified remembered = verified.getIfPresent(token);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.caller();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException e) {
            throw Authentication.expired();
        } catch (ParseException e) {
            throw Authentication.malformed();
        } catch (BadJOSEException | JOSEException | RuntimeException e) {
            throw Authentication.invalid();
        }
        Caller caller = TokenClaims.read(claims);
        Instant until = min(expiry(claims), now.plus(REMEMBERED));
        if (now.isBefore(until)) {
            verified.put(token, new Verified(caller, until));
        }
        return caller;
    }

    /** {@code exp}, required by the claims verifier, as the JSON form gives it: seconds since the epoch. */
    private static Instant expiry(JWTClaimsSet claims) {
        return Instant.ofEpochSecond(((Number) claims.toJSONObject().get(JWTClaimNames.EXPIRATION_TIME)).longValue());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
