package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openeps.adapters.persistence.directory.DirectoryCsv;
import tools.jackson.databind.JsonNode;

/**
 * The organisation directory over its JSON API, on the default set-up a new user starts with (the embedded
 * PostgreSQL, nothing configured): the shipped sample is loaded at the first start, it is looked up and searched, and
 * an administrator's reload replaces it without a restart, or changes nothing when the file is malformed.
 */
class DirectoryApiTest {

    private static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    private static final String HEADER = "ods,name,kind,address,postcode,telephone,website,country,status\n";

    @TempDir
    static Path dataDirectory;

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.embedded(dataDirectory);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void every_organisation_the_example_messages_name_is_in_the_directory_after_a_fresh_start() {
        Set<String> named = odsCodesInExamples();
        assertThat(named).contains("A83008", "FA565", "T1450", "X2601").hasSizeGreaterThan(20);

        for (String ods : named) {
            HttpResponse<String> found = get("/api/organisations/" + ods);
            assertThat(found.statusCode()).as(ods + ": " + found.body()).isEqualTo(200);
            assertThat(RunningService.json(found.body()).path("ods").asString()).isEqualTo(ods);
        }
        assertThat(get("/api/organisations/RQFZ1").body()).contains("\"country\":\"wales\"", "\"kind\":\"nhsbsa\"");
    }

    @Test
    void lookup_answers_the_organisation_as_json() {
        HttpResponse<String> found = get("/api/organisations/a83008");

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        JsonNode organisation = RunningService.json(found.body());
        assertThat(organisation.path("ods").asString()).isEqualTo("A83008");
        assertThat(organisation.path("name").asString()).isEqualTo("HALLGARTH SURGERY");
        assertThat(organisation.path("kind").asString()).isEqualTo("gp-practice");
        assertThat(organisation.path("address").path("lines").get(1).asString()).isEqualTo("CHEAPSIDE");
        assertThat(organisation.path("address").path("postcode").asString()).isEqualTo("DL4 2HP");
        assertThat(organisation.path("telephone").asString()).isEqualTo("0115 9737320");
        assertThat(organisation.has("website")).isFalse();
        assertThat(organisation.path("country").asString()).isEqualTo("england");
        assertThat(organisation.path("status").asString()).isEqualTo("open");
    }

    @Test
    void unknown_or_malformed_ods_code_is_a_problem() {
        assertProblem(get("/api/organisations/ZZZ99"), 404, "RESOURCE_NOT_FOUND", "ZZZ99");
        assertProblem(get("/api/organisations/TOO-LONG-CODE"), 400, "INVALID_VALUE", "ODS code");
        assertProblem(get("/api/nothing-here"), 404, "NOT_FOUND", "");
    }

    @Test
    void search_by_name_postcode_and_kind() {
        assertThat(odsCodes(get("/api/organisations?name=simple%20pharm"))).containsExactly("VNE51", "VNFKT");
        assertThat(odsCodes(get("/api/organisations?postcode=dl42"))).containsExactly("A83008");
        assertThat(odsCodes(get("/api/organisations?postcode=TA1%205"))).containsExactly("A99968", "RBA");
        assertThat(odsCodes(get("/api/organisations?kind=appliance-contractor"))).containsExactly("FZ002");
        assertThat(odsCodes(get("/api/organisations?kind=gp-practice&postcode=IM"))).containsExactly("Z99902");
        assertThat(odsCodes(get("/api/organisations?name=somewhere%20else"))).isEmpty();

        JsonNode online = RunningService.json(get("/api/organisations?kind=online-pharmacy").body())
                .path("organisations").get(0);
        assertThat(online.path("website").asString()).startsWith("https://");
        assertThat(RunningService.json(get("/api/organisations?name=closed").body()).path("organisations").get(0)
                .path("status").asString()).isEqualTo("closed");
    }

    @Test
    void search_needs_a_criterion_and_a_known_kind() {
        assertProblem(get("/api/organisations"), 400, "MISSING_VALUE", "at least one");
        assertProblem(get("/api/organisations?name="), 400, "MISSING_VALUE", "at least one");
        assertProblem(get("/api/organisations?kind=pharmacy"), 400, "INVALID_VALUE", "community-pharmacy");
        assertProblem(get("/api/organisations?town=Leeds"), 400, "INVALID_VALUE", "town");
        assertProblem(get("/api/organisations?postcode=LS%25"), 400, "INVALID_VALUE", "postcode");
    }

    @Test
    void reload_replaces_the_directory_without_a_restart_and_a_malformed_file_changes_nothing() {
        try {
            String changed = HEADER
                    + "A83008,HALLGARTH MEDICAL CENTRE,gp-practice,CHEAPSIDE|SHILDON,DL4 2HP,,,england,open\n"
                    + "FN001,NEW PHARMACY,community-pharmacy,1 NEW ROAD|LEEDS,LS1 1AA,,,england,open\n";
            HttpResponse<String> reloaded = reload(changed, "text/csv; charset=utf-8");
            assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
            assertThat(RunningService.json(reloaded.body()).path("organisations").asInt()).isEqualTo(2);
            assertThat(get("/api/organisations/A83008").body()).contains("HALLGARTH MEDICAL CENTRE");
            assertThat(get("/api/organisations/FN001").statusCode()).isEqualTo(200);
            assertThat(get("/api/organisations/FA565").statusCode()).isEqualTo(404);

            String malformed = HEADER
                    + "A83008,HALLGARTH SURGERY,gp-practice,CHEAPSIDE,DL4 2HP,,,england,open\n"
                    + "FA565,ASDA INSTORE PHARMACY,pharmacy,ADDRESS NOT KNOWN,ZZ99 3WZ,,,england,open\n";
            assertProblem(reload(malformed, "text/csv"), 400, "INVALID_VALUE", "line 3");
            assertThat(get("/api/organisations/A83008").body()).contains("HALLGARTH MEDICAL CENTRE");
            assertThat(get("/api/organisations/FN001").statusCode()).isEqualTo(200);
            assertThat(get("/api/organisations/FA565").statusCode()).isEqualTo(404);

            assertProblem(reload(changed, "application/json"), 415, "UNSUPPORTED_MEDIA_TYPE", "text/csv");
        } finally {
            assertThat(reload(DirectoryCsv.sample(), "text/csv").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void fhir_errors_stay_operation_outcomes() {
        HttpResponse<String> response = service.get("/FHIR/R4/Nothing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/fhir+json"));
        assertThat(response.body()).contains("OperationOutcome");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        JsonNode problem = RunningService.json(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("about:blank");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("detail").asString()).contains(detail);
    }

    private static java.util.List<String> odsCodes(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningService.json(response.body()).path("organisations").valueStream()
                .map(organisation -> organisation.path("ods").asString())
                .toList();
    }

    /** Every value of the ODS organisation code system in the example messages. */
    private static Set<String> odsCodesInExamples() {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RunningService.EXAMPLES)) {
            files.filter(file -> file.toString().endsWith(".json")).forEach(file -> {
                try {
                    collect(RunningService.json(Files.readString(file, StandardCharsets.UTF_8)), codes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }

    private static void collect(JsonNode node, Set<String> codes) {
        if (node.isObject() && node.path("system").asString("").equals(ODS_SYSTEM) && node.has("value")) {
            codes.add(node.path("value").asString());
        }
        node.values().forEach(child -> collect(child, codes));
    }

    private HttpResponse<String> get(String path) {
        return service.get(path);
    }

    private HttpResponse<String> reload(String csv, String contentType) {
        return service.post("/api/admin/directory/reload", csv.getBytes(StandardCharsets.UTF_8), contentType, null);
    }
}
