package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.Examples.CANCEL_ITEM_4;
import static org.openeps.app.Examples.CLAIM;
import static org.openeps.app.Examples.DISPENSE_ALL;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;
import static org.openeps.app.Examples.RELEASE_BY_ID;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The clinical prescription tracker and the patient page in a real browser against the real service and PostgreSQL:
 * the three searches and their validation errors, the prescription list with its tabs and sorting, the details page
 * with its items, organisations, eRD issues and history, pharmacy status updates posted through the API, and a
 * prescription driven through its whole lifecycle seen step by step by a pharmacist and by the patient. Each page is
 * checked with axe-core (WCAG 2.2 AA: no serious or critical violation).
 */
class WebTrackerTest {

    /** The demo patient the sign-in page offers; the published four-item prescription is re-addressed to them. */
    private static final String PATIENT = "9449304130";
    private static final String EXAMPLE_PATIENT = "5839945242";
    private static final String ERD = "prescription-order/primary-erd-4items-req.json";
    private static final String ITEM_1 = "a54219b8-f741-4c47-b662-e4f8dfa49ab6";
    private static final String ITEM_4 = "5cb17f5a-11ac-4e18-825f-6470467238b3";
    private static final SplittableRandom RANDOM = new SplittableRandom(31);

    private static MutableClock clock;
    private static RunningService service;
    private static EpsClient eps;
    private static WebBrowser staff;
    private static WebBrowser patient;

    @BeforeAll
    static void start() {
        clock = new MutableClock(LocalDate.of(2022, 10, 21).atTime(12, 0).atZone(ZoneId.of("Europe/London"))
                .toInstant());
        service = RunningService.start(clock);
        eps = new EpsClient(service);
        staff = WebBrowser.start(service.uri("/"));
        patient = WebBrowser.start(service.uri("/"));
        staff.open("/signin").choose("#user-pharmacist").click("#sign-in");
        patient.open("/signin").choose("#user-patient").click("#sign-in");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {staff, patient, service}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the others still close
            }
        }
    }

    @Test
    void a_prescription_found_by_its_id_opens_with_its_items_organisations_and_history() {
        String id = create();

        staff.open("/site/");
        staff.assertAccessible("search");
        staff.type("#prescriptionId", id.toLowerCase()).click("#search");

        assertThat(staff.text("#patient-banner")).contains("STACEY", "TWITCHETT", "944 930 4130", "30 April 1948",
                "KT11 2QY");
        assertThat(staff.text("#confidential-banner")).contains("accessed by Ravi Shah, Pharmacist - The Simple"
                + " Pharmacy (VNE51)");
        assertThat(row(id).getText()).contains("Acute", "Available to download");
        staff.assertAccessible("results");

        staff.click("[data-prescription-id='" + id + "'] a");

        assertThat(staff.path()).isEqualTo("/site/prescriptions/" + id);
        assertThat(staff.text("#prescription-banner")).contains(id, "21 October 2022", "Available to download",
                "Acute");
        assertThat(staff.all("#items [data-item-id]")).hasSize(4);
        assertThat(staff.text("#items")).contains("Item to be dispensed", "None received");
        assertThat(staff.text("#prescriber")).contains("HALLGARTH SURGERY", "A83008");
        assertThat(staff.text("#nominated-dispenser")).contains("ASDA INSTORE PHARMACY", "FA565");
        assertThat(staff.text("#current-dispenser")).contains("Not downloaded by a dispenser");
        assertThat(staff.text("#timeline")).contains("Prescription upload successful", "Available to download");
        staff.assertAccessible("details");
    }

    @Test
    void a_search_by_nhs_number_lists_the_patients_prescriptions_in_tabs_sorted_by_column() {
        String first = create();
        String second = create();
        String erd = createErd();

        staff.open("/site/?by=nhs").type("#nhsNumber", "944 930 4130").click("#search");

        assertThat(staff.text("#tab-current")).matches("Current \\(\\d+\\)");
        assertThat(staff.text("#tab-future")).matches("Future \\(\\d+\\)");
        assertThat(staff.all("#prescriptions [data-prescription-id]")).extracting(row -> row.getAttribute(
                "data-prescription-id")).contains(first, second, erd);
        assertThat(row(erd).getText()).contains("eRD 1 of 7");
        staff.assertAccessible("results");

        staff.click("#sort-id a");
        assertThat(staff.find("#sort-id").getAttribute("aria-sort")).isEqualTo("ascending");
        List<String> ascending = ids();
        assertThat(ascending).isSorted();

        staff.click("#sort-id a");
        assertThat(staff.find("#sort-id").getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(ids()).isEqualTo(ascending.reversed());

        staff.click("#tab-past");
        assertThat(staff.find("#tab-past").getAttribute("aria-current")).isEqualTo("page");
        assertThat(staff.main()).containsAnyOf("There are no past prescriptions.", "Past prescriptions");
    }

    @Test
    void a_search_by_basic_details_finds_the_patient_and_leads_to_their_prescriptions() {
        String id = create();

        staff.open("/site/?by=details").type("#familyName", "twitchett").type("#dob-day", "30")
                .type("#dob-month", "4").type("#dob-year", "1948").type("#postcode", "kt11 2qy").click("#search");

        assertThat(staff.text("#patients")).contains("STACEY MARISA TWITCHETT", "944 930 4130", "30 April 1948");
        staff.assertAccessible("patient search results");

        staff.clickLink("STACEY MARISA TWITCHETT");

        assertThat(staff.path()).isEqualTo("/site/prescriptions?nhsNumber=" + PATIENT);
        assertThat(row(id).getText()).contains("Available to download");

        staff.open("/site/?by=details").type("#familyName", "Nobody").type("#dob-day", "1").type("#dob-month", "1")
                .type("#dob-year", "1990").click("#search");
        assertThat(staff.text("#no-results")).contains("No patients");
    }

    @Test
    void each_search_shows_its_validation_errors_in_the_error_summary() {
        staff.open("/site/").click("#search");
        assertThat(staff.title()).startsWith("Error: ");
        assertThat(staff.text("#error-summary")).contains("Enter a prescription ID");
        assertThat(staff.text("#prescriptionId-error")).contains("Enter a prescription ID");
        staff.assertAccessible("search with an error");

        staff.type("#prescriptionId", "24F5DA-A83008-7EFE6A").click("#search");
        assertThat(staff.text("#error-summary")).contains("Enter a prescription ID in the correct format");
        assertThat(staff.find("#prescriptionId").getAttribute("value")).isEqualTo("24F5DA-A83008-7EFE6A");

        staff.open("/site/?by=nhs").type("#nhsNumber", "12345").click("#search");
        assertThat(staff.text("#error-summary")).contains("NHS number must be 10 digits");
        staff.type("#nhsNumber", "9449304131").click("#search");
        assertThat(staff.text("#error-summary")).contains("Enter a valid NHS number");
        staff.assertAccessible("NHS number search with an error");

        staff.open("/site/?by=details").click("#search");
        assertThat(staff.text("#error-summary")).contains("Enter the patient's last name",
                "Enter the patient's date of birth");
        staff.assertAccessible("basic details search with errors");
        staff.choose("#error-summary a[href='#dob-day']");
        assertThat(staff.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("dob-day");
        staff.type("#familyName", "Twitchett").type("#dob-day", "31").type("#dob-month", "2")
                .type("#dob-year", "1948").click("#search");
        assertThat(staff.text("#error-summary")).contains("Date of birth must be a real date")
                .doesNotContain("last name");
        staff.type("#dob-day", "").type("#dob-month", "2").type("#dob-year", "1948").click("#search");
        assertThat(staff.text("#dob-error")).contains("Date of birth must include a day");
    }

    @Test
    void an_erd_prescription_moves_between_its_issues() {
        String id = createErd();

        staff.open("/site/prescriptions/" + id);
        assertThat(staff.text("#issue-shown")).isEqualTo("eRD 1 of 7");
        assertThat(staff.all("#previous-issue")).isEmpty();
        staff.assertAccessible("eRD details");

        staff.click("#next-issue");
        assertThat(staff.path()).isEqualTo("/site/prescriptions/" + id + "?issue=2");
        assertThat(staff.text("#issue-shown")).isEqualTo("eRD 2 of 7");
        assertThat(staff.text("#prescription-status")).isEqualTo("Future eRD issue");

        staff.click("#previous-issue");
        assertThat(staff.text("#issue-shown")).isEqualTo("eRD 1 of 7");
    }

    @Test
    void a_prescription_driven_through_its_lifecycle_shows_each_step_to_the_pharmacist_and_the_patient() {
        String id = create();
        assertThat(timeline(id)).contains("Prescription upload successful");
        assertThat(patientItem(id, ITEM_1)).contains("Prescriber Approved");
        patient.assertAccessible("patient");

        step();
        assertOk(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, replacements(id)));
        assertThat(timeline(id)).contains("Release request successful", "Downloaded by a dispenser");
        assertThat(staff.text("#current-dispenser")).contains("The Simple Pharmacy", "VNE51");

        step();
        assertOk(statusUpdate(id, "With Pharmacy", "in-progress"));
        assertThat(timeline(id)).contains("Pharmacy status update");
        assertThat(staff.text("[data-item-id='" + ITEM_1 + "'] [data-field='pharmacy-status']"))
                .contains("With Pharmacy", "VNE51");
        assertThat(patientItem(id, ITEM_1)).contains("With Pharmacy");
        assertThat(patientReady(id)).isFalse();

        step();
        assertOk(statusUpdate(id, "Ready to collect", "in-progress"));
        assertThat(timeline(id)).contains("Ready to Collect");
        assertThat(staff.text("[data-item-id='" + ITEM_1 + "'] [data-field='pharmacy-status']"))
                .contains("Ready to Collect");
        staff.assertAccessible("details with pharmacy status");
        assertThat(patientItem(id, ITEM_1)).contains("Ready to Collect");
        assertThat(patientReady(id)).isTrue();
        patient.assertAccessible("patient with an item ready");

        step();
        assertOk(eps.send("/FHIR/R4/$process-message", DISPENSE_ALL, replacements(id)));
        assertThat(timeline(id)).contains("Dispense notification successful", "All items dispensed",
                "Item fully dispensed");
        assertThat(staff.text("#prescription-status")).isEqualTo("All items dispensed");
        assertThat(patientItem(id, ITEM_4)).contains("Prescriber Cancelled");

        step();
        Map<String, String> claim = new HashMap<>(replacements(id));
        claim.put("a76599c5-bbdd-4581-bb4d-377b348dd1e4", UUID.randomUUID().toString());
        assertOk(eps.send("/FHIR/R4/Claim", CLAIM, claim));
        String history = timeline(id);
        assertThat(history).contains("Dispense claim successful", "Claimed");
        assertThat(staff.all("#timeline li[data-event]")).extracting(entry -> entry.getAttribute("data-event"))
                .containsSubsequence("prescription-order", "release", "status-update", "status-update",
                        "dispense-notification", "claim");
        staff.assertAccessible("details after the whole lifecycle");
        assertThat(patientCard(id).getText()).contains(id, "HALLGARTH SURGERY");
    }

    @Test
    void the_reason_an_item_was_cancelled_is_shown_with_the_item() {
        String id = create();
        step();
        // the published cancel of item 4 names the demo patient, to whom create() addresses the prescription
        HttpResponse<String> cancelled = eps.send("/FHIR/R4/$process-message", CANCEL_ITEM_4,
                Map.of(FOUR_ITEMS_ID, id));
        assertThat(cancelled.body()).contains("R-0001");

        staff.open("/site/prescriptions/" + id);

        assertThat(staff.text("[data-item-id='" + ITEM_4 + "'] [data-field='item-status']")).isEqualTo("Item cancelled");
        assertThat(staff.text("[data-item-id='" + ITEM_4 + "'] [data-field='reason']"))
                .isEqualTo("Reason: Clinical contra-indication");
        assertThat(staff.all("[data-item-id='" + ITEM_1 + "'] [data-field='reason']")).isEmpty();
        staff.assertAccessible("details with a cancelled item");
    }

    // ---- steps ----------------------------------------------------------------------------------------------------

    private static String create() {
        String id = Examples.newPrescriptionId(RANDOM);
        assertOk(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS, replacements(id)));
        return id;
    }

    private static String createErd() {
        String id = Examples.newPrescriptionId(RANDOM);
        assertOk(eps.send("/FHIR/R4/$process-message", ERD, Map.of(FOUR_ITEMS_ID, id)));
        return id;
    }

    /** The four-item example under a new ID, for the demo patient. */
    private static Map<String, String> replacements(String id) {
        return Map.of(FOUR_ITEMS_ID, id, EXAMPLE_PATIENT, PATIENT);
    }

    /** A pharmacy status update about item 1 from the dispenser holding the prescription, dated now. */
    private static HttpResponse<String> statusUpdate(String id, String businessStatus, String taskStatus) {
        byte[] bundle = StatusUpdates.bundle(List.of(StatusUpdates.entry(id, PATIENT, ITEM_1, "VNE51", businessStatus,
                taskStatus, clock.instant().minusSeconds(30))));
        return service.post(StatusUpdates.PATH, bundle, "application/fhir+json", UUID.randomUUID().toString(),
                Callers.dispenser("VNE51"));
    }

    private static void step() {
        clock.advance(Duration.ofMinutes(5));
    }

    private static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    // ---- what the browsers show -----------------------------------------------------------------------------------

    private static WebElement row(String id) {
        return staff.find("#prescriptions [data-prescription-id='" + id + "']");
    }

    private static List<String> ids() {
        return staff.all("#prescriptions [data-prescription-id]").stream()
                .map(row -> row.getAttribute("data-prescription-id")).toList();
    }

    /** Opens the prescription's details in the pharmacist's browser and reads its history. */
    private static String timeline(String id) {
        staff.open("/site/prescriptions/" + id);
        return staff.text("#timeline");
    }

    private static WebElement patientCard(String id) {
        patient.open("/patient/");
        return patient.find("[data-prescription-id='" + id + "']");
    }

    private static String patientItem(String id, String itemId) {
        return patientCard(id).findElement(By.cssSelector("[data-item-id='" + itemId + "']"))
                .getText();
    }

    private static boolean patientReady(String id) {
        return Boolean.parseBoolean(patientCard(id).findElement(By.cssSelector("[data-ready]"))
                .getAttribute("data-ready"));
    }
}
