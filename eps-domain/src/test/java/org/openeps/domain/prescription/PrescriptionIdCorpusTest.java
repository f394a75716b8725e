package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * Every short-form prescription ID in the published EPS example messages ({@code examples/eps-fhir-examples})
 * must parse, except the ones known to be wrong.
 *
 * <p>The corpus is found at {@code ../examples/eps-fhir-examples} (the copy kept in this repository) relative to the module directory (Maven's
 * working directory for tests), or wherever the system property {@code eps.examples.dir} points. A missing
 * corpus fails the test: it is never skipped.
 */
class PrescriptionIdCorpusTest {

    private static final String EXAMPLES_DIR_PROPERTY = "eps.examples.dir";
    private static final Path DEFAULT_EXAMPLES_DIR = Path.of("../examples/eps-fhir-examples");

    /** A short-form ID standing on its own (not part of a longer run of letters and digits). */
    private static final Pattern SHORT_FORM_ID = Pattern.compile(
            "(?<![A-Za-z0-9])[A-F0-9]{6}-[A-Z0-9]{6}-[A-F0-9]{5}[A-Z0-9+](?![A-Za-z0-9+])");

    /** IDs in the corpus whose check character is wrong, with the character it should be and where they are. */
    private static final Map<String, Character> DOCUMENTED_BAD = Map.of(
            // errors/prescription-order-invalid-checksum-req.json: deliberately wrong (INDEX.md, "Known defects").
            "269CA9-A99968-4577BP", 'F',
            // patient-tracker/pfp-success-cancelled-res.json, groupIdentifier of a cancelled prescription (from
            // NHSDigital/prescriptionsforpatients success-multiple-cancelled.json). Checked by hand: the weighted
            // sum of 29AE98C153C831BC6 is 1,546,756 = 8 mod 37, so the check value is (38 - 8) mod 37 = 30 = 'U'.
            "29AE98-C153C8-31BC6A", 'U');

    private static Path examplesDir;
    private static SortedMap<String, List<String>> idsFound;

    @BeforeAll
    static void findIdsInTheCorpus() throws IOException {
        String override = System.getProperty(EXAMPLES_DIR_PROPERTY);
        examplesDir = (override == null || override.isBlank() ? DEFAULT_EXAMPLES_DIR : Path.of(override))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(examplesDir)) {
            fail("EPS example corpus not found at " + examplesDir + " (working directory "
                    + Path.of("").toAbsolutePath() + "); set -D" + EXAMPLES_DIR_PROPERTY + "=<dir> to point at it");
        }
        idsFound = new TreeMap<>();
        try (Stream<Path> files = Files.walk(examplesDir)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .forEach(PrescriptionIdCorpusTest::collectIds);
        }
    }

    private static void collectIds(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Matcher matcher = SHORT_FORM_ID.matcher(text);
        while (matcher.find()) {
            idsFound.computeIfAbsent(matcher.group(), id -> new ArrayList<>())
                    .add(examplesDir.relativize(file).toString());
        }
    }

    @Test
    void corpus_holds_enough_prescription_ids_for_the_test_to_mean_something() {
        assertThat(idsFound.keySet()).as("distinct short-form IDs found under %s", examplesDir).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void every_prescription_id_in_the_published_examples_is_valid_except_the_documented_bad_ones() {
        List<String> failures = new ArrayList<>();
        idsFound.forEach((id, files) -> {
            if (DOCUMENTED_BAD.containsKey(id)) {
                return;
            }
            try {
                PrescriptionId.parse(id);
            } catch (EpsException e) {
                failures.add(id + " in " + new TreeSet<>(files) + ": " + e.code() + " " + e.getMessage());
            }
        });

        assertThat(failures).as("IDs in the corpus that do not parse").isEmpty();
    }

    @Test
    void documented_bad_ids_are_in_the_corpus_and_rejected_for_their_check_character() {
        assertThat(idsFound).containsKeys(DOCUMENTED_BAD.keySet().toArray(String[]::new));
        DOCUMENTED_BAD.forEach((id, expected) -> assertThatThrownBy(() -> PrescriptionId.parse(id))
                .as(id)
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CHECK_DIGIT))
                .hasMessageContaining("expected '" + expected + "'"));
    }
}
