package org.openeps.adapters.http.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.openeps.domain.access.Caller;

/**
 * Development tokens: a signing key the service makes for itself when it starts, tokens for any caller signed with
 * it, and the verifier that accepts them. Never used with a production key source.
 */
public final class DevTokens {

    public static final String ISSUER = "openeps-dev";
    public static final String AUDIENCE = "openeps";

    private final RSAKey key;
    private final Clock clock;

    private DevTokens(RSAKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** A new 2048-bit RSA signing key, kept in memory only: tokens from an earlier run are not accepted. */
    public static DevTokens generate(Clock clock) {
        try {
            return new DevTokens(new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString()).generate(), clock);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make a development signing key", e);
        }
    }

    /** The verifier for these tokens. */
    public AccessTokens verifier() {
        return new AccessTokens(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), ISSUER, AUDIENCE);
    }

    /** A signed token for the caller, valid from now for the given time. */
    public String issue(Caller caller, Duration validity) {
        Instant now = clock.instant();
        JWTClaimsSet claims = TokenClaims.write(caller, new JWTClaimsSet.Builder())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                // times as NumericDate seconds, the form the claims set reads back
                .claim(JWTClaimNames.ISSUED_AT, now.getEpochSecond())
                .claim(JWTClaimNames.NOT_BEFORE, now.getEpochSecond())
                .claim(JWTClaimNames.EXPIRATION_TIME, now.plus(validity).getEpochSecond())
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
        return jwt.serialize();
    }
}
