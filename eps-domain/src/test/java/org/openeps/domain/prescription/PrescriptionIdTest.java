package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

class PrescriptionIdTest {

    private static final Pattern SHORT_FORM = Pattern.compile("^[A-F0-9]{6}-[A-Z0-9]{6}-[A-F0-9]{5}[A-Z0-9+]$");

    @Test
    void worked_example_from_the_reference_is_valid() {
        PrescriptionId id = PrescriptionId.parse("A0548B-A99968-451485");

        assertThat(id.value()).isEqualTo("A0548B-A99968-451485");
        assertThat(id).hasToString("A0548B-A99968-451485");
        assertThat(id.prescriberPart()).isEqualTo("A99968");
    }

    @Test
    void check_character_of_the_worked_example_is_5_with_or_without_hyphens() {
        assertThat(PrescriptionId.checkCharacter("A0548B-A99968-45148")).isEqualTo('5');
        assertThat(PrescriptionId.checkCharacter("A0548BA9996845148")).isEqualTo('5');
        assertThat(PrescriptionId.checkCharacter("a0548b-a99968-45148")).isEqualTo('5');
    }

    @ParameterizedTest
    @ValueSource(strings = {"4243A0-A99968-4E149+", "507FE8-A83008-4A859+"})
    void id_whose_check_character_is_plus_is_valid(String raw) {
        assertThat(PrescriptionId.parse(raw).value()).isEqualTo(raw);
        assertThat(PrescriptionId.checkCharacter(raw.substring(0, 19))).isEqualTo('+');
    }

    @ParameterizedTest
    @ValueSource(strings = {"24F5DA-A83008-7EFE6Z", "1A7D94-0RRERP-549310", "04F4C2-A99968-7F717P"})
    void other_published_ids_are_valid(String raw) {
        assertThat(PrescriptionId.parse(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource({
        "269CA9-A99968-4577BP, F",
        "03F4C2-A99968-7F717P, Y",
        "A0548B-A99968-451484, 5",
        "4243A0-A99968-4E149Z, +"
    })
    void id_with_wrong_check_character_is_rejected_naming_the_expected_one(String raw, char expected) {
        assertThatThrownBy(() -> PrescriptionId.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CHECK_DIGIT))
                .hasMessageContaining("expected '" + expected + "'");
    }

    @Test
    void lower_case_id_is_accepted_and_stored_upper_cased() {
        PrescriptionId id = PrescriptionId.parse("a0548b-a99968-451485");

        assertThat(id.value()).isEqualTo("A0548B-A99968-451485");
        assertThat(id).isEqualTo(new PrescriptionId("A0548B-A99968-451485"));
        assertThat(new PrescriptionId("4243a0-a99968-4e149+").value()).isEqualTo("4243A0-A99968-4E149+");
    }

    @Test
    void surrounding_whitespace_is_ignored_when_parsing() {
        assertThat(PrescriptionId.parse("  A0548B-A99968-451485 ").value()).isEqualTo("A0548B-A99968-451485");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "A0548BA99968451485",       // no hyphens
        "A0548B-A99968-45148",      // too short
        "A0548B-A99968-4514855",    // too long
        "G0548B-A99968-451485",     // random part not hex
        "A0548B-A9996!-451485",     // prescriber part not alphanumeric
        "A0548B-A99968-G51485",     // sequence not hex
        "A0548B_A99968_451485",     // wrong separators
        "A0548B-A99968-45148*",     // check character outside the alphabet
        "A0548B-A99968-451485-X",
        "20ba5fb5-cb58-462c-923e-22d180b09356"
    })
    void id_in_the_wrong_format_is_rejected(String raw) {
        assertThatThrownBy(() -> PrescriptionId.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void missing_id_is_rejected_when_parsing(String raw) {
        assertThatThrownBy(() -> PrescriptionId.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A0548B-A99968-4514", "A0548B-A99968-451485", "A0548B-A99968-4514+", ""})
    void check_character_needs_exactly_seventeen_letters_and_digits(String characters) {
        assertThatThrownBy(() -> PrescriptionId.checkCharacter(characters))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @ParameterizedTest
    @CsvSource({
        "FA565, 0FA565",
        "A83008, A83008",
        "RRERP, 0RRERP",
        "a83008, A83008",
        "X1, 0000X1",
        "ABCDEFGH, CDEFGH",
        "A-123456, 123456",
        "RQFZ1234, FZ1234"
    })
    void generated_ids_carry_the_prescriber_padded_or_cut_to_six_characters(String ods, String prescriberPart) {
        PrescriptionId id = PrescriptionId.generate(new OdsCode(ods), 1, new SplittableRandom(7));

        assertThat(id.prescriberPart()).isEqualTo(prescriberPart);
    }

    @Test
    void generated_ids_always_validate() {
        List<OdsCode> prescribers = List.of(new OdsCode("FA565"), new OdsCode("A83008"), new OdsCode("RRERP"),
                new OdsCode("T1450"), new OdsCode("ABCDEFGH"), new OdsCode("12345678"), new OdsCode("Y1"));
        SplittableRandom random = new SplittableRandom(20_240_601L);
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            OdsCode prescriber = prescribers.get(i % prescribers.size());
            String expectedPart = expectedPrescriberPart(prescriber.value());

            PrescriptionId id = PrescriptionId.generate(prescriber, i, random);

            assertThat(id.value()).matches(SHORT_FORM);
            assertThat(PrescriptionId.parse(id.value())).isEqualTo(id);
            assertThat(id.prescriberPart()).isEqualTo(expectedPart);
            assertThat(id.value().substring(14, 19)).isEqualTo(String.format("%05X", i));
            seen.add(id.value());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void every_check_character_including_plus_is_produced_by_generation() {
        SplittableRandom random = new SplittableRandom(99);
        Set<Character> checkCharacters = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            String value = PrescriptionId.generate(new OdsCode("A83008"), i, random).value();
            checkCharacters.add(value.charAt(19));
        }
        assertThat(checkCharacters).hasSize(37).contains('+');
    }

    @ParameterizedTest
    @CsvSource({
        "0, 00000",
        "42, 0002A",
        "1048575, FFFFF",
        "1048576, 00000",
        "1048618, 0002A",
        "-1, FFFFF"
    })
    void generated_sequence_is_taken_modulo_0x100000_as_five_hex_digits(int sequence, String sequencePart) {
        PrescriptionId id = PrescriptionId.generate(new OdsCode("A83008"), sequence, new SplittableRandom(1));

        assertThat(id.value().substring(14, 19)).isEqualTo(sequencePart);
    }

    @Test
    void same_seed_generates_the_same_id() {
        OdsCode prescriber = new OdsCode("FA565");

        assertThat(PrescriptionId.generate(prescriber, 5, new SplittableRandom(42)))
                .isEqualTo(PrescriptionId.generate(prescriber, 5, new SplittableRandom(42)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB-12", "A-B", "ABC-EFGH"})
    void ods_code_whose_prescriber_part_would_hold_a_hyphen_cannot_generate_an_id(String ods) {
        assertThatThrownBy(() -> PrescriptionId.generate(new OdsCode(ods), 1, new SplittableRandom(1)))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    private static String expectedPrescriberPart(String ods) {
        if (ods.length() >= 6) {
            return ods.substring(ods.length() - 6);
        }
        return "0".repeat(6 - ods.length()) + ods;
    }
}
