package org.openeps.adapters.http.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openeps.application.patient.PatientItem;
import org.openeps.application.patient.PatientOrganisation;
import org.openeps.application.patient.PatientPrescription;
import org.openeps.application.patient.PatientPrescriptions;
import org.openeps.domain.tracking.PatientFacingStatus;
import org.openeps.domain.tracking.PatientItemStatus.Phase;
import tools.jackson.databind.JsonNode;

/**
 * The patient's view model in the shape of the Prescriptions for Patients API: the fields its schema requires, the
 * status extension, references that resolve inside each collection, and organisations only with what is known.
 */
class PatientBundleMapperTest {

    private static final Instant READ_AT = Instant.parse("2024-02-01T11:20:05.123456Z");
    private static final PatientOrganisation PRACTICE = new PatientOrganisation("A83008", Optional.of("HALLGARTH SURGERY"),
            List.of("HALLGARTH SURGERY", "CHEAPSIDE"), Optional.of("DL4 2HP"), Optional.of("0115 9737320"),
            Optional.empty());
    private static final PatientOrganisation ONLINE = new PatientOrganisation("FZ001", Optional.of("EXAMPLE ONLINE"),
            List.of("UNIT 4"), Optional.of("CF23 8RS"), Optional.empty(), Optional.of("https://pharmacy.example/"));

    private final PatientBundleMapper mapper = new PatientBundleMapper();

    @Test
    void each_prescription_is_a_collection_in_a_searchset_named_after_the_request() {
        JsonNode bundle = mapper.searchset(new PatientPrescriptions("9449304130", false,
                List.of(prescription("24F5DA-A83008-7EFE6Z", Optional.of(ONLINE)),
                        prescription("16B2E0-A83008-81C13H", Optional.empty())), READ_AT), "request-1");

        assertThat(bundle.path("resourceType").asString()).isEqualTo("Bundle");
        assertThat(bundle.path("id").asString()).isEqualTo("request-1");
        assertThat(bundle.path("type").asString()).isEqualTo("searchset");
        assertThat(bundle.path("total").asInt()).isEqualTo(2);
        assertThat(bundle.path("meta").path("lastUpdated").asString()).isEqualTo("2024-02-01T11:20:05Z");
        assertThat(bundle.path("entry").valueStream().map(entry -> entry.path("resource").path("type").asString()))
                .containsOnly("collection");
    }

    @Test
    void a_medication_request_carries_every_field_the_schema_requires_and_the_status_extension() {
        JsonNode collection = mapper.searchset(new PatientPrescriptions("9449304130", false,
                List.of(prescription("24F5DA-A83008-7EFE6Z", Optional.of(ONLINE))), READ_AT), "r")
                .path("entry").get(0).path("resource");

        JsonNode request = collection.path("entry").get(0).path("resource");
        assertThat(request.propertyNames()).contains("resourceType", "identifier", "status", "intent",
                "medicationCodeableConcept", "subject", "requester", "groupIdentifier", "courseOfTherapyType",
                "dispenseRequest", "substitution");
        assertThat(request.path("status").asString()).isEqualTo("completed");
        assertThat(request.path("groupIdentifier").path("value").asString()).isEqualTo("24F5DA-A83008-7EFE6Z");
        assertThat(request.path("courseOfTherapyType").path("coding").get(0).path("display").asString())
                .isEqualTo("Continuous long term (repeat dispensing)");
        assertThat(request.path("dispenseRequest").path("validityPeriod").path("start").asString()).isEqualTo("2024-01-17");
        assertThat(request.path("dispenseRequest").path("quantity").path("value").decimalValue())
                .isEqualByComparingTo("20.5");
        JsonNode status = request.path("extension").get(0);
        assertThat(status.path("url").asString()).isEqualTo(PatientBundleMapper.STATUS_HISTORY);
        assertThat(status.path("extension").get(0).path("valueCoding").path("code").asString()).isEqualTo("Collected");
        assertThat(status.path("extension").get(1).path("valueDateTime").asString()).isEqualTo("2024-02-01T11:14:21Z");
    }

    @Test
    void references_resolve_to_the_prescriber_and_the_dispenser_in_the_same_collection() {
        JsonNode collection = mapper.searchset(new PatientPrescriptions("9449304130", false,
                List.of(prescription("24F5DA-A83008-7EFE6Z", Optional.of(ONLINE))), READ_AT), "r")
                .path("entry").get(0).path("resource");
        JsonNode request = collection.path("entry").get(0).path("resource");

        JsonNode role = resolve(collection, request.path("requester").path("reference").asString());
        JsonNode practitioner = resolve(collection, role.path("practitioner").path("reference").asString());
        JsonNode practice = resolve(collection, role.path("organization").path("reference").asString());
        JsonNode dispenser = resolve(collection, request.path("dispenseRequest").path("performer").path("reference").asString());

        assertThat(practitioner.path("name").get(0).path("text").asString()).isEqualTo("DR C BOIN");
        assertThat(practice.path("name").asString()).isEqualTo("HALLGARTH SURGERY");
        assertThat(practice.path("telecom").get(0).path("system").asString()).isEqualTo("phone");
        assertThat(practice.path("address").get(0).path("postalCode").asString()).isEqualTo("DL4 2HP");
        assertThat(dispenser.path("identifier").get(0).path("value").asString()).isEqualTo("FZ001");
        assertThat(dispenser.path("telecom").get(0).path("system").asString()).isEqualTo("url");
        assertThat(dispenser.path("telecom").get(0).path("value").asString()).isEqualTo("https://pharmacy.example/");
    }

    @Test
    void without_a_dispenser_there_is_no_performer_and_an_unknown_organisation_has_only_its_ods_code() {
        PatientOrganisation unknown = new PatientOrganisation("RRERP", Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
        PatientPrescription prescription = new PatientPrescription("16B2E0-A83008-81C13H", "9449304130",
                LocalDate.of(2024, 1, 17), LocalDate.of(2024, 1, 17), "acute", 1, 1, Optional.empty(), unknown,
                Optional.empty(), false, List.of(item()));

        JsonNode collection = mapper.searchset(new PatientPrescriptions("9449304130", false, List.of(prescription),
                READ_AT), "r").path("entry").get(0).path("resource");

        JsonNode request = collection.path("entry").get(0).path("resource");
        assertThat(request.path("dispenseRequest").has("performer")).isFalse();
        JsonNode role = resolve(collection, request.path("requester").path("reference").asString());
        assertThat(role.has("practitioner")).isFalse();
        JsonNode organisation = resolve(collection, role.path("organization").path("reference").asString());
        assertThat(organisation.propertyNames()).containsExactlyInAnyOrder("resourceType", "id", "identifier");
        assertThat(collection.path("entry").valueStream()
                .map(entry -> entry.path("resource").path("resourceType").asString()))
                .containsExactly("MedicationRequest", "PractitionerRole", "Organization");
    }

    private static PatientPrescription prescription(String id, Optional<PatientOrganisation> dispenser) {
        return new PatientPrescription(id, "9449304130", LocalDate.of(2024, 1, 17), LocalDate.of(2024, 1, 17),
                "continuous-repeat-dispensing", 1, 3, Optional.of("DR C BOIN"), PRACTICE, dispenser,
                dispenser.isPresent(), List.of(item()));
    }

    private static PatientItem item() {
        return new PatientItem("a54219b8-f741-4c47-b662-e4f8dfa49ab6", "39732311000001104", "Amoxicillin 250mg capsules",
                new BigDecimal("20.5"), "tablet", "2 times a day", PatientFacingStatus.COLLECTED, "Collected",
                Instant.parse("2024-02-01T11:14:21Z"), Phase.COMPLETED);
    }

    private static JsonNode resolve(JsonNode collection, String reference) {
        return collection.path("entry").valueStream()
                .filter(entry -> entry.path("fullUrl").asString().equals(reference))
                .map(entry -> entry.path("resource"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(reference + " does not resolve"));
    }
}
