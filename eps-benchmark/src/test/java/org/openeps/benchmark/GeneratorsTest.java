package org.openeps.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openeps.benchmark.Messages.Kind;
import org.openeps.benchmark.Messages.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import tools.jackson.databind.JsonNode;

/** The benchmark's generators: valid identifiers, and well-formed messages of every shape from the examples. */
class GeneratorsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("eps.examples.dir", "../examples/eps-fhir-examples"));
    private final Population population = new Population(42, 20, 5, 30, 0.1, 10_000, 0.85);
    private final Mix mix = new Mix(42, population, 0.1, 0.15, 0.1);

    @Test
    void nhs_numbers_are_valid_and_distinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String number = Population.nhsNumber(i);
            assertThat(NhsNumber.parse(number).value()).isEqualTo(number);
            assertThat(seen.add(number)).isTrue();
        }
    }

    @Test
    void prescriptions_have_valid_ids_and_are_the_same_for_the_same_number() {
        Set<String> ids = new HashSet<>();
        for (long n = 0; n < 5_000; n++) {
            Prescription p = mix.prescription(n, Instant.EPOCH);
            assertThat(PrescriptionId.parse(p.id()).value()).isEqualTo(p.id());
            assertThat(p.id().substring(7, 13)).endsWith(p.prescriber().ods());
            assertThat(p.items()).hasSizeBetween(1, 4).doesNotHaveDuplicates();
            assertThat(ids.add(p.id())).isTrue();
            assertThat(mix.prescription(n, Instant.EPOCH).id()).isEqualTo(p.id());
        }
    }

    @Test
    void the_mix_holds_every_kind_and_size() {
        Set<String> shapes = new HashSet<>();
        for (long n = 0; n < 5_000; n++) {
            Prescription p = mix.prescription(n, Instant.EPOCH);
            shapes.add(p.kind() + "/" + p.items().size() + "/" + p.isNominated());
        }
        assertThat(shapes).contains("GP_ACUTE/1/true", "GP_ACUTE/4/false", "GP_REPEAT/2/true", "GP_ERD/3/true",
                "TRUST_ACUTE/1/true");
    }

    @Test
    void every_message_renders_as_json_with_every_placeholder_filled() {
        Messages messages = new Messages(EXAMPLES);
        SplittableRandom random = new SplittableRandom(1);
        Population.Organisation pharmacy = population.pharmacies().get(0);
        for (Kind kind : Kind.values()) {
            for (int items = 1; items <= 4; items++) {
                for (boolean nominated : List.of(true, false)) {
                    Prescription p = Messages.newPrescription(random, kind, items, population.patient(7),
                            kind == Kind.TRUST_ACUTE ? population.trusts().get(0) : population.practices().get(0),
                            nominated ? pharmacy : null, 12, Instant.parse("2026-01-05T10:00:00Z"));
                    JsonNode order = parse(messages.order(p, "msg-1"));
                    List<JsonNode> requests = order.path("entry").valueStream().map(e -> e.path("resource"))
                            .filter(r -> r.path("resourceType").asString().equals("MedicationRequest")).toList();
                    assertThat(requests).hasSize(items);
                    assertThat(requests).allSatisfy(r -> {
                        assertThat(r.path("groupIdentifier").path("value").asString()).isEqualTo(p.id());
                        assertThat(r.path("dispenseRequest").has("performer")).isEqualTo(nominated);
                    });
                    assertThat(requests.stream().map(r -> r.path("identifier").get(0).path("value").asString()))
                            .containsExactlyElementsOf(p.items());
                    assertThat(order.toString()).contains(p.patient().nhsNumber(), p.prescriber().ods(),
                            p.prescriber().sdsUserId());

                    JsonNode dispense = parse(messages.dispense(p, pharmacy, java.util.Collections.nCopies(items, "0001"),
                            "0006", "dn-1", Instant.now(), random));
                    assertThat(dispense.toString()).contains(p.id(), pharmacy.ods(), pharmacy.sdsUserId());
                    JsonNode claim = parse(messages.claim(p, pharmacy, "claim-1", Instant.now(), random));
                    assertThat(claim.path("item").get(0).path("detail").size()).isEqualTo(items);
                    JsonNode update = parse(messages.statusUpdate(p, pharmacy, "With Pharmacy", "in-progress",
                            Instant.now(), random));
                    assertThat(update.path("entry").size()).isEqualTo(items);
                }
            }
        }
        assertThat(parse(messages.nominatedRelease(pharmacy)).toString()).contains(pharmacy.ods())
                .doesNotContain("group-identifier");
        assertThat(parse(messages.releaseById(pharmacy, "24F5DA-A83008-7EFE6Z")).toString())
                .contains("24F5DA-A83008-7EFE6Z");
    }

    @Test
    void the_directory_names_every_organisation() {
        String csv = population.directoryCsv();
        assertThat(csv).startsWith("ods,name,kind,address,postcode,telephone,website,country,status\n");
        assertThat(csv.lines()).hasSize(1 + 1 + 20 + 5 + 30);
        assertThat(csv).contains(",online-pharmacy,").contains(",nhs-trust,").contains(",gp-practice,");
    }

    private static JsonNode parse(String text) {
        assertThat(text).doesNotContain("@@");
        return Messages.JSON.readTree(text);
    }

    @Test
    void the_load_rises_in_a_straight_line_over_the_ramp_then_keeps_its_rate() {
        double perSecond = 100;
        long ramp = 10_000_000_000L;

        long[] due = java.util.stream.LongStream.range(0, 2_000).map(k -> Driver.arrival(k, perSecond, ramp)).toArray();

        assertThat(due[0]).isZero();
        for (int k = 1; k < due.length; k++) {
            assertThat(due[k]).as("request " + k).isGreaterThanOrEqualTo(due[k - 1]);
        }
        long inFirstSecond = java.util.Arrays.stream(due).filter(t -> t < 1_000_000_000L).count();
        long inTenthSecond = java.util.Arrays.stream(due).filter(t -> t >= 9_000_000_000L && t < 10_000_000_000L).count();
        long inRamp = java.util.Arrays.stream(due).filter(t -> t < ramp).count();
        assertThat(inFirstSecond).as("at 1/20 of the rate on average over the first second").isBetween(4L, 6L);
        assertThat(inTenthSecond).as("at 19/20 of the rate over the ramp's last second").isBetween(94L, 96L);
        assertThat(inRamp).as("half of what the full rate would send over the ramp").isBetween(499L, 501L);
        assertThat(due[1_500] - due[1_400]).as("then 100 a second").isEqualTo(1_000_000_000L);
        assertThat(Driver.arrival(7, perSecond, 0)).as("without a ramp").isEqualTo(70_000_000L);
    }
}
