package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /dev/token}: a token for every kind of caller that works where that kind may act, a clear refusal of a
 * body that describes no caller, and none of it in key-file mode, where tokens signed by the configured key are
 * accepted instead; a user's token only with the role profile it selected in {@code NHSD-Session-URID}; and the
 * settings that must stop the service at start.
 */
class DevTokensTest {

    private static final String PATIENT = "5839945242";
    private static final String OTHER_PATIENT = "9449304130";
    private static final String ISSUER = "https://identity.example.test";
    private static final String AUDIENCE = "openeps-test";

    private static RunningService service;
    private static Path directory;

    @BeforeAll
    static void start() throws IOException {
        service = RunningService.start();
        directory = Files.createTempDirectory("eps-dev-tokens-test");
    }

    @AfterAll
    static void stop() throws IOException {
        service.close();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    // ---- a token for each kind of caller ---------------------------------------------------------------------------

    @Test
    void a_user_token_reads_the_tracker_with_its_role_profile() {
        ObjectNode dispenser = Callers.dispenser("VNE51");
        String token = issued(dispenser, 3600);

        HttpResponse<String> response = call(get("/FHIR/R4/Task?patient:identifier=" + PATIENT), token,
                Optional.of(dispenser.path("roleProfileId").asString()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningService.json(response.body()).path("type").asString()).isEqualTo("searchset");
    }

    @Test
    void a_system_token_releases_nominated_prescriptions_without_a_user() {
        String token = issued(Callers.system(Callers.DISPENSING_SYSTEM), 3600);

        HttpResponse<String> response = call(HttpRequest.newBuilder(service.uri("/FHIR/R4/Task/$release"))
                .header("X-Request-ID", UUID.randomUUID().toString())
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        RunningService.example("release/nominated-release-req.json"))), token, Optional.empty());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void a_patient_token_reads_the_patients_own_prescriptions_and_no_one_elses() {
        String token = issued(Callers.patient(PATIENT), 3600);

        assertThat(call(get("/FHIR/R4/Task?patient:identifier=" + PATIENT), token, Optional.empty()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> other = call(get("/FHIR/R4/Task?patient:identifier=" + OTHER_PATIENT), token,
                Optional.empty());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
        assertThat(outcomeCode(other)).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void a_patient_token_acting_for_another_person_reads_that_persons_prescriptions() {
        String token = issued(Callers.patientActingFor(PATIENT, OTHER_PATIENT), 3600);

        HttpResponse<String> response = call(get("/FHIR/R4/Task?patient:identifier=" + OTHER_PATIENT), token,
                Optional.empty());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void an_administrator_token_verifies_the_audit_trail() {
        String token = issued(Callers.administrator(), 3600);

        HttpResponse<String> response = call(get("/api/admin/audit/verify"), token, Optional.empty());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningService.json(response.body()).path("intact").asBoolean()).isTrue();
    }

    @Test
    void a_token_lasts_as_long_as_asked() throws ParseException {
        ObjectNode body = Callers.system(Callers.TRACKER).put("expiresIn", 60);

        String token = issued(body, 60);

        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(claims.getIssuer()).isEqualTo("openeps-dev");
        assertThat(claims.getAudience()).containsExactly("openeps");
    }

    // ---- bodies that describe no caller ---------------------------------------------------------------------------

    static Stream<Arguments> bad_bodies() {
        return Stream.of(
                Arguments.of("unknown kind", "{\"kind\":\"robot\",\"clientId\":\"demo-tracker\"}", "INVALID_VALUE"),
                Arguments.of("kind not a string", "{\"kind\":42}", "INVALID_VALUE"),
                Arguments.of("no kind", "{\"clientId\":\"demo-tracker\"}", "MISSING_VALUE"),
                Arguments.of("system without client ID", "{\"kind\":\"system\"}", "MISSING_VALUE"),
                Arguments.of("blank client ID", "{\"kind\":\"system\",\"clientId\":\" \"}", "INVALID_VALUE"),
                Arguments.of("user without role profile", without(user(), "roleProfileId"), "MISSING_VALUE"),
                Arguments.of("user without activities", without(user(), "activities"), "MISSING_VALUE"),
                Arguments.of("activities empty", user().set("activities",
                        RunningService.JSON.createArrayNode()).toString(), "MISSING_VALUE"),
                Arguments.of("invalid ODS code", user().put("ods", "not an ODS code").toString(), "INVALID_VALUE"),
                Arguments.of("NHS number check digit", Callers.patient("5839945243").toString(), "INVALID_CHECK_DIGIT"),
                Arguments.of("NHS number not ten digits", Callers.patient("58399452").toString(), "INVALID_VALUE"),
                Arguments.of("acting for an invalid NHS number",
                        Callers.patientActingFor(PATIENT, "9449304131").toString(), "INVALID_CHECK_DIGIT"),
                Arguments.of("admin without SDS user ID", "{\"kind\":\"admin\"}", "MISSING_VALUE"),
                Arguments.of("expiresIn 0", Callers.system(Callers.TRACKER).put("expiresIn", 0).toString(),
                        "INVALID_VALUE"),
                Arguments.of("expiresIn over a day", Callers.system(Callers.TRACKER).put("expiresIn", 86_401)
                        .toString(), "INVALID_VALUE"),
                Arguments.of("expiresIn not a number", Callers.system(Callers.TRACKER).put("expiresIn", "soon")
                        .toString(), "INVALID_VALUE"),
                Arguments.of("not JSON", "kind=system", "INVALID_VALUE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bad_bodies(String what, String body, String code) {
        HttpResponse<String> response = requestToken(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(outcomeCode(response)).isEqualTo(code);
        assertThat(response.body()).doesNotContain("access_token");
    }

    // ---- the role profile a user token selected --------------------------------------------------------------------

    @Test
    void a_user_token_without_its_role_profile_header_or_with_another_is_unauthorised() {
        ObjectNode dispenser = Callers.dispenser("VNE51");
        String token = issued(dispenser, 3600);
        String path = "/FHIR/R4/Task?patient:identifier=" + PATIENT;

        for (Optional<String> roleProfile : List.of(Optional.<String>empty(), Optional.of("9555000000777"))) {
            HttpResponse<String> response = call(get(path), token, roleProfile);
            assertThat(response.statusCode()).as(roleProfile + ": " + response.body()).isEqualTo(401);
            assertThat(outcomeCode(response)).isEqualTo("UNAUTHORISED");
        }
    }

    // ---- key-file mode ---------------------------------------------------------------------------------------------

    @Test
    void with_a_key_file_there_are_no_development_tokens_and_tokens_signed_by_the_key_are_accepted() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        Path jwks = jwks(key);
        try (RunningService keyFile = RunningService.start(Clock.systemUTC(),
                config -> config.withAccess(AccessSettings.keyFile(jwks, ISSUER, AUDIENCE)))) {
            HttpResponse<String> devToken = keyFile.send(HttpRequest.newBuilder(keyFile.uri("/dev/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Callers.administrator().toString())).build());
            assertThat(devToken.statusCode()).as(devToken.body()).isEqualTo(404);
            assertThat(devToken.body()).doesNotContain("access_token");

            String roleProfile = "9555000000001";
            String token = userToken(key, roleProfile, ISSUER, AUDIENCE);
            HttpRequest.Builder read = HttpRequest.newBuilder(keyFile.uri("/api/organisations/VNE51"))
                    .header("Authorization", "Bearer " + token);
            assertThat(keyFile.send(read.copy().header("NHSD-Session-URID", roleProfile).GET().build()).statusCode())
                    .isEqualTo(200);
            assertUnauthorised(keyFile.send(read.copy().GET().build()));
            assertUnauthorised(keyFile.send(read.copy().header("NHSD-Session-URID", "9555000000002").GET().build()));

            RSAKey otherKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            for (String refused : List.of(userToken(otherKey, roleProfile, ISSUER, AUDIENCE),
                    userToken(key, roleProfile, "https://elsewhere.example.test", AUDIENCE),
                    userToken(key, roleProfile, ISSUER, "another-service"))) {
                assertUnauthorised(keyFile.send(HttpRequest.newBuilder(keyFile.uri("/api/organisations/VNE51"))
                        .header("Authorization", "Bearer " + refused)
                        .header("NHSD-Session-URID", roleProfile).GET().build()));
            }
            String devTokenFromElsewhere = issued(Callers.dispenser("VNE51"), 3600);
            assertUnauthorised(keyFile.send(HttpRequest.newBuilder(keyFile.uri("/api/organisations/VNE51"))
                    .header("Authorization", "Bearer " + devTokenFromElsewhere)
                    .header("NHSD-Session-URID", Callers.dispenser("VNE51").path("roleProfileId").asString())
                    .GET().build()));
        }
    }

    // ---- settings that stop the service at start -------------------------------------------------------------------

    @Test
    void development_tokens_and_a_key_file_together_stop_the_service() throws JOSEException {
        Path jwks = jwks(new RSAKeyGenerator(2048).generate());

        assertThatThrownBy(() -> new AccessSettings(true, Optional.of(jwks), Optional.empty(), Optional.of(ISSUER),
                Optional.of(AUDIENCE), 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPS_DEV_TOKENS")
                .hasMessageContaining("EPS_JWKS_FILE");
        for (Map<String, String> environment : List.of(
                Map.of("EPS_DEV_TOKENS", "true", "EPS_JWKS_FILE", jwks.toString(), "EPS_TOKEN_ISSUER", ISSUER,
                        "EPS_TOKEN_AUDIENCE", AUDIENCE),
                Map.of("EPS_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres", "EPS_DEV_TOKENS", "true",
                        "EPS_JWKS_FILE", jwks.toString(), "EPS_TOKEN_ISSUER", ISSUER, "EPS_TOKEN_AUDIENCE", AUDIENCE),
                Map.of("EPS_DEV_TOKENS", "true", "EPS_JWKS_URL", "https://identity.example.test/jwks",
                        "EPS_TOKEN_ISSUER", ISSUER, "EPS_TOKEN_AUDIENCE", AUDIENCE))) {
            assertThatThrownBy(() -> Configuration.fromEnvironment(environment))
                    .as(environment.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("EPS_DEV_TOKENS");
        }
    }

    @Test
    void an_external_database_with_no_key_source_and_no_development_tokens_stops_the_service() {
        assertThatThrownBy(() -> Configuration.fromEnvironment(Map.of("EPS_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPS_JWKS_FILE")
                .hasMessageContaining("EPS_JWKS_URL")
                .hasMessageContaining("EPS_DEV_TOKENS");
    }

    @Test
    void development_tokens_are_on_by_default_only_on_the_embedded_database() throws JOSEException {
        Path jwks = jwks(new RSAKeyGenerator(2048).generate());
        String database = "jdbc:postgresql://127.0.0.1:5432/postgres";

        assertThat(Configuration.fromEnvironment(Map.of()).access().devTokens()).isTrue();
        assertThat(Configuration.fromEnvironment(Map.of("EPS_DATABASE_URL", database, "EPS_DEV_TOKENS", "true"))
                .access().devTokens()).isTrue();
        AccessSettings production = Configuration.fromEnvironment(Map.of("EPS_DATABASE_URL", database,
                "EPS_JWKS_FILE", jwks.toString(), "EPS_TOKEN_ISSUER", ISSUER, "EPS_TOKEN_AUDIENCE", AUDIENCE)).access();
        assertThat(production.devTokens()).isFalse();
        assertThat(production.jwksFile()).contains(jwks.toAbsolutePath().normalize());
        assertThat(Configuration.fromEnvironment(Map.of("EPS_JWKS_FILE", jwks.toString(), "EPS_TOKEN_ISSUER", ISSUER,
                "EPS_TOKEN_AUDIENCE", AUDIENCE)).access().devTokens())
                .as("the embedded database with a key file").isFalse();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static HttpResponse<String> requestToken(String body) {
        return service.send(HttpRequest.newBuilder(service.uri("/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Asks for a token and checks the answer's shape; the token. */
    private static String issued(ObjectNode caller, long expiresIn) {
        HttpResponse<String> response = requestToken(caller.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = RunningService.json(response.body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in");
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").isIntegralNumber()).isTrue();
        assertThat(body.path("expires_in").asLong()).isEqualTo(expiresIn);
        String token = body.path("access_token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        return token;
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(service.uri(path)).GET();
    }

    private static HttpResponse<String> call(HttpRequest.Builder request, String token, Optional<String> roleProfile) {
        request.header("Authorization", "Bearer " + token).header("X-Request-ID", UUID.randomUUID().toString());
        roleProfile.ifPresent(role -> request.header("NHSD-Session-URID", role));
        return service.send(request.build());
    }

    private static ObjectNode user() {
        return Callers.dispenser("VNE51");
    }

    private static String without(ObjectNode body, String field) {
        body.remove(field);
        return body.toString();
    }

    /** A CIS2-shaped token for a dispenser at VNE51 who selected the given role profile, signed with the key. */
    private static String userToken(RSAKey key, String roleProfile, String issuer, String audience)
            throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("555000000001")
                // NumericDate seconds, as an identity provider writes them
                .claim(JWTClaimNames.ISSUED_AT, now.getEpochSecond())
                .claim(JWTClaimNames.EXPIRATION_TIME, now.plus(Duration.ofMinutes(10)).getEpochSecond())
                .jwtID(UUID.randomUUID().toString())
                .claim("nhsid_useruid", "555000000001")
                .claim("selected_roleid", roleProfile)
                .claim("nhsid_nrbac_roles", List.of(Map.of("person_roleid", roleProfile, "org_code", "VNE51",
                        "role_code", "R8000", "activity_codes", List.of("B0570"))))
                .claim("client_id", Callers.DISPENSING_SYSTEM)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The public half of a key as a JWKS document in a file. */
    private static Path jwks(RSAKey key) {
        try {
            Path file = Files.createTempFile(directory, "jwks", ".json");
            return Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertUnauthorised(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(RunningService.json(response.body()).path("code").asString()).isEqualTo("UNAUTHORISED");
    }

    private static String outcomeCode(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        JsonNode outcome = RunningService.json(response.body());
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        return outcome.path("issue").get(0).path("details").path("coding").get(0).path("code").asString();
    }
}
