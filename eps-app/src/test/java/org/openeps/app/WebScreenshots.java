package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.Examples.DISPENSE_SOME;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;
import static org.openeps.app.Examples.RELEASE_BY_ID;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Screenshots of the web pages for the documentation, in {@code docs/screenshots/}: not a test (its name keeps it out
 * of {@code mvn verify}), run on its own from the repository root with
 * <pre>
 * mvn -B verify -pl eps-app -am -Dtest=WebScreenshots -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -Deps.screenshots.dir=} to write elsewhere). It starts the service on a test database with a few
 * prescriptions for the demo patient, one of them released, dispensed in part and ready to collect, and photographs
 * each page in the machine's Chromium.
 */
class WebScreenshots {

    private static final Path DIRECTORY = Path.of(System.getProperty("eps.screenshots.dir", "../docs/screenshots"));
    private static final String PATIENT = "9449304130";
    private static final String ITEM_1 = "a54219b8-f741-4c47-b662-e4f8dfa49ab6";
    private static final int DESKTOP = 1280;
    private static final int PHONE = 390;

    @Test
    void photograph_the_main_pages() {
        MutableClock clock = new MutableClock(LocalDate.of(2022, 10, 21).atTime(9, 30)
                .atZone(ZoneId.of("Europe/London")).toInstant());
        SplittableRandom random = new SplittableRandom(7);
        try (RunningService service = RunningService.start(clock);
             WebBrowser browser = WebBrowser.start(service.uri("/"))) {
            EpsClient eps = new EpsClient(service);
            String older = Examples.newPrescriptionId(random);
            ok(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, older, "5839945242", PATIENT)));
            String erd = Examples.newPrescriptionId(random);
            ok(eps.send("/FHIR/R4/$process-message", "prescription-order/primary-erd-4items-req.json",
                    Map.of(FOUR_ITEMS_ID, erd)));
            clock.advance(Duration.ofMinutes(20));
            String id = Examples.newPrescriptionId(random);
            Map<String, String> replacements = Map.of(FOUR_ITEMS_ID, id, "5839945242", PATIENT);
            ok(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS, replacements));
            clock.advance(Duration.ofMinutes(45));
            ok(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, replacements));
            clock.advance(Duration.ofMinutes(10));
            ok(statusUpdate(service, clock, id, "With Pharmacy"));
            clock.advance(Duration.ofMinutes(50));
            ok(eps.send("/FHIR/R4/$process-message", DISPENSE_SOME, replacements));
            clock.advance(Duration.ofMinutes(5));
            ok(statusUpdate(service, clock, id, "Ready to collect"));
            clock.advance(Duration.ofMinutes(5));

            browser.open("/signin");
            browser.screenshot(DIRECTORY.resolve("sign-in.png"), DESKTOP);
            browser.choose("#user-two-roles").click("#sign-in");
            browser.screenshot(DIRECTORY.resolve("select-role.png"), DESKTOP);
            browser.forgetCookies().open("/signin").choose("#user-pharmacist").click("#sign-in");
            browser.screenshot(DIRECTORY.resolve("search.png"), DESKTOP);
            browser.open("/site/?by=details").type("#familyName", "Twitchett").type("#dob-month", "13")
                    .click("#search");
            browser.screenshot(DIRECTORY.resolve("search-errors.png"), DESKTOP);
            browser.open("/site/prescriptions?nhsNumber=" + PATIENT);
            browser.screenshot(DIRECTORY.resolve("results.png"), DESKTOP);
            browser.open("/site/patients?familyName=twitchett&day=30&month=4&year=1948");
            browser.screenshot(DIRECTORY.resolve("patient-search-results.png"), DESKTOP);
            browser.open("/site/prescriptions/" + id);
            assertThat(browser.text("#timeline")).contains("Pharmacy status update");
            browser.screenshot(DIRECTORY.resolve("details.png"), DESKTOP);
            browser.screenshot(DIRECTORY.resolve("details-phone.png"), PHONE);
            browser.open("/site/prescriptions/" + erd);
            browser.screenshot(DIRECTORY.resolve("details-erd.png"), DESKTOP);
            browser.forgetCookies().open("/signin").choose("#user-patient").click("#sign-in");
            browser.screenshot(DIRECTORY.resolve("patient.png"), DESKTOP);
            browser.screenshot(DIRECTORY.resolve("patient-phone.png"), PHONE);
        }
    }

    private static HttpResponse<String> statusUpdate(RunningService service, MutableClock clock, String id,
                                                     String businessStatus) {
        String body = new String(RunningService.example("status-update/ready-to-collect-req.json"),
                StandardCharsets.UTF_8)
                .replace("24F5DA-A83008-7EFE6Z", id)
                .replace("6989b7bd-8db6-428c-a593-4022e3044c00", ITEM_1)
                .replace("4d70678c-81e4-4ff4-8c67-17596fd0aa46", UUID.randomUUID().toString())
                .replace("\"Ready to collect\"", "\"" + businessStatus + "\"")
                .replace("2023-09-11T10:11:12Z", clock.instant().minusSeconds(60).toString())
                .replace("C9Z1O", "VNE51");
        return service.post("/prescription-status-update/", body.getBytes(StandardCharsets.UTF_8),
                "application/fhir+json", UUID.randomUUID().toString(), Callers.dispenser("VNE51"));
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }
}
