package org.openeps.adapters.http.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
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
import java.util.Set;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;

/**
 * Verifies access tokens: a JWT signed with one of the asymmetric algorithms EPS accepts by a key of the configured
 * key set, from the configured issuer, for the configured audience, and inside its validity ({@code exp} required,
 * {@code nbf} when present, one minute of clock skew). Unsigned tokens, symmetric algorithms, unknown keys and bad
 * signatures are all refused alike.
 */
public final class AccessTokens {

    /** The signing algorithms accepted: RSA and elliptic-curve signatures only, never {@code none} or HMAC. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    private final ConfigurableJWTProcessor<SecurityContext> processor;

    AccessTokens(JWKSource<SecurityContext> keys, String issuer, String audience) {
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
        return TokenClaims.read(claims);
    }
}
