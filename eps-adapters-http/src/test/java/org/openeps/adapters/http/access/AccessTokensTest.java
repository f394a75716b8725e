package org.openeps.adapters.http.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;

/** Verified tokens are remembered, within their validity and at most five minutes; nothing else is. */
class AccessTokensTest {

    private static final String ISSUER = "https://issuer.example";
    private static final String AUDIENCE = "openeps";

    private RSAKey key;
    private final AtomicInteger keyLookups = new AtomicInteger();
    private final MovableClock clock = new MovableClock();
    private AccessTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("k1").generate();
        JWKSet keys = new JWKSet(key.toPublicJWK());
        JWKSource<SecurityContext> counting = (JWKSelector selector, SecurityContext context) -> {
            keyLookups.incrementAndGet();
            return selector.select(keys);
        };
        tokens = new AccessTokens(counting, ISSUER, AUDIENCE, clock);
    }

    @Test
    void a_token_sent_again_is_not_checked_again_and_names_the_same_caller() throws Exception {
        String token = token(Duration.ofMinutes(30));

        Caller first = tokens.verify(token);
        Caller again = tokens.verify(token);

        assertThat(again).isEqualTo(first).isEqualTo(new Caller.Application("supplier-1"));
        assertThat(keyLookups).hasValue(1);
    }

    @Test
    void a_remembered_token_is_checked_again_after_five_minutes() throws Exception {
        String token = token(Duration.ofMinutes(30));
        tokens.verify(token);

        clock.move(Duration.ofMinutes(4).plusSeconds(59));
        tokens.verify(token);
        assertThat(keyLookups).as("within five minutes").hasValue(1);

        clock.move(Duration.ofSeconds(1));
        tokens.verify(token);
        assertThat(keyLookups).as("at five minutes").hasValue(2);
    }

    @Test
    void a_remembered_token_is_checked_again_once_it_has_expired() throws Exception {
        String token = token(Duration.ofMinutes(2));
        tokens.verify(token);

        clock.move(Duration.ofMinutes(1).plusSeconds(59));
        tokens.verify(token);
        assertThat(keyLookups).as("before exp").hasValue(1);

        clock.move(Duration.ofSeconds(1));
        tokens.verify(token);
        assertThat(keyLookups).as("at exp").hasValue(2);
    }

    @Test
    void a_token_that_failed_is_checked_in_full_every_time() throws Exception {
        String good = token(Duration.ofMinutes(30));
        tokens.verify(good);
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(EpsException.class);
        }

        assertThat(keyLookups).hasValue(4);
    }

    private String token(Duration validity) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = TokenClaims.write(new Caller.Application("supplier-1"), new JWTClaimsSet.Builder())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim(JWTClaimNames.ISSUED_AT, now.getEpochSecond())
                .claim(JWTClaimNames.EXPIRATION_TIME, now.plus(validity).getEpochSecond())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The system clock, moved forward by the test. */
    private static final class MovableClock extends Clock {
        private Duration moved = Duration.ZERO;

        void move(Duration by) {
            moved = moved.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(moved);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
