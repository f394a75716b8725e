package org.openeps.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openeps.domain.access.Caller;

/**
 * The identity provider of the access matrix: an RSA signing key whose public half the service is given as its JWKS
 * file, tokens for any caller in the claim shapes the NHS identity services issue (see the service's
 * {@code TokenClaims}), and every kind of bad token the service must refuse, each made from the token a caller would
 * otherwise be let in with.
 *
 * <p>Token times are real time, not the service's clock: the service checks {@code exp} and {@code nbf} against the
 * system clock, as its verifier does.
 */
final class AccessMatrixTokens {

    static final String ISSUER = "https://identity.openeps.test/matrix";
    static final String AUDIENCE = "openeps-matrix";
    private static final Duration VALIDITY = Duration.ofHours(1);
    /** Well beyond the minute of clock skew the service allows. */
    private static final Duration BEYOND_SKEW = Duration.ofMinutes(10);

    /** The bad tokens of the issue, each refused 401 whoever it names. */
    enum Forgery {
        /** Unsigned: header {@code {"alg":"none"}}, empty signature. */
        ALG_NONE,
        /** HS256, keyed with the bytes of the service's own public key, under that key's ID. */
        SYMMETRIC_ALGORITHM,
        /** A good token with its signature altered. */
        BAD_SIGNATURE,
        /** Signed by an RSA key the service does not know, under a key ID it does not know. */
        UNKNOWN_KEY,
        /** Expired ten minutes ago. */
        EXPIRED,
        /** Valid only ten minutes from now. */
        NOT_YET_VALID,
        /** Signed by the right key, but issued by someone else. */
        WRONG_ISSUER,
        /** Signed by the right key, but for another service. */
        WRONG_AUDIENCE,
        /** Not a JWT at all. */
        MALFORMED
    }

    private final RSAKey key;
    private final RSAKey stranger;
    private final Path jwks;

    private AccessMatrixTokens(RSAKey key, RSAKey stranger, Path jwks) {
        this.key = key;
        this.stranger = stranger;
        this.jwks = jwks;
    }

    /** New keys, the trusted one's public half written to a JWKS file of its own. */
    static AccessMatrixTokens generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("matrix-" + UUID.randomUUID())
                    .generate();
            RSAKey stranger = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("stranger-" + UUID.randomUUID())
                    .generate();
            Path jwks = Files.createTempFile("access-matrix-jwks", ".json");
            jwks.toFile().deleteOnExit();
            Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
            return new AccessMatrixTokens(key, stranger, jwks);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the matrix's signing keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JWKS document the service trusts: the public half of the signing key only. */
    Path jwksFile() {
        return jwks;
    }

    /** A good token for the caller: the right key, issuer and audience, valid from now for an hour. */
    String sign(Caller caller) {
        return rs256(key, claims(caller, ISSUER, AUDIENCE, Instant.now()).build());
    }

    /** A bad token made from the good token for the caller. */
    String forge(Forgery forgery, Caller caller) {
        Instant now = Instant.now();
        return switch (forgery) {
            case ALG_NONE -> new PlainJWT(claims(caller, ISSUER, AUDIENCE, now).build()).serialize();
            case SYMMETRIC_ALGORITHM -> hs256WithThePublicKey(claims(caller, ISSUER, AUDIENCE, now).build());
            case BAD_SIGNATURE -> alterSignature(sign(caller));
            case UNKNOWN_KEY -> rs256(stranger, claims(caller, ISSUER, AUDIENCE, now).build());
            case EXPIRED -> rs256(key, claims(caller, ISSUER, AUDIENCE, now.minus(VALIDITY).minus(BEYOND_SKEW)).build());
            case NOT_YET_VALID -> rs256(key, claims(caller, ISSUER, AUDIENCE, now)
                    .notBeforeTime(Date.from(now.plus(BEYOND_SKEW))).build());
            case WRONG_ISSUER -> rs256(key, claims(caller, "https://identity.attacker.test", AUDIENCE, now).build());
            case WRONG_AUDIENCE -> rs256(key, claims(caller, ISSUER, "some-other-service", now).build());
            case MALFORMED -> "this-is-not-a-jwt";
        };
    }

    /** The claims of a token issued at {@code issued}, valid from then for an hour. */
    private static JWTClaimsSet.Builder claims(Caller caller, String issuer, String audience, Instant issued) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(VALIDITY)))
                .jwtID(UUID.randomUUID().toString());
        return switch (caller) {
            case Caller.User user -> claims.subject(user.sdsUserId())
                    .claim("nhsid_useruid", user.sdsUserId())
                    .claim("selected_roleid", user.roleProfileId())
                    .claim("nhsid_nrbac_roles", List.of(role(user)))
                    .claim("client_id", user.supplierSystem());
            case Caller.Application application -> claims.subject(application.supplierSystem())
                    .claim("client_id", application.supplierSystem());
            case Caller.Patient patient -> {
                claims.subject(patient.nhsNumber().value())
                        .claim("nhs_number", patient.nhsNumber().value())
                        .claim("identity_proofing_level", "P9")
                        .claim("client_id", patient.supplierSystem());
                patient.actingFor().ifPresent(other -> claims.claim("acting_for_nhs_number", other.value()));
                yield claims;
            }
            case Caller.Administrator administrator -> claims.subject(administrator.sdsUserId())
                    .claim("nhsid_useruid", administrator.sdsUserId())
                    .claim("openeps_role", "administrator");
        };
    }

    private static Map<String, Object> role(Caller.User user) {
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("person_roleid", user.roleProfileId());
        role.put("org_code", user.organisation().value());
        role.put("role_code", user.roleCode());
        role.put("activity_codes", user.activities().stream().sorted().toList());
        return role;
    }

    private static String rs256(RSAKey signingKey, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The classic key-confusion attack: the verifier's public key, which anyone may have, used as an HMAC secret. */
    private String hs256WithThePublicKey(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The token with one character in the middle of its signature changed. */
    private static String alterSignature(String token) {
        int dot = token.lastIndexOf('.');
        int middle = dot + (token.length() - dot) / 2;
        char changed = token.charAt(middle) == 'A' ? 'B' : 'A';
        return token.substring(0, middle) + changed + token.substring(middle + 1);
    }
}
