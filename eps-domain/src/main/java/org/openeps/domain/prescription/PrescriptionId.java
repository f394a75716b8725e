package org.openeps.domain.prescription;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/**
 * The short-form prescription ID {@code XXXXXX-OOOOOO-SSSSSC} that keys a prescription and is printed on the
 * token: six random hex characters, the prescriber's ODS code left-padded with {@code 0} to six characters, a
 * five hex-digit sequence number, and an ISO 7064 MOD 37-2 check character.
 *
 * <p>The check character is computed over the 17 characters left when the hyphens are dropped: each character
 * has the value {@code int(ch, 36)} (0-9 then A-Z), the first is weighted 2<sup>17</sup> down to the 17th
 * weighted 2<sup>1</sup>, and the check value is {@code (38 - sum mod 37) mod 37}, written with the alphabet
 * {@code 0-9A-Z+} ({@code +} is 36). For example {@code A0548B-A99968-451485}: the sum is 1,688,824, which is 33
 * mod 37, so the check character is {@code 5}.
 *
 * @param value the ID, upper-cased
 * @throws EpsException {@link ErrorCode#MISSING_VALUE} if the value is null, {@link ErrorCode#INVALID_VALUE}
 *     if it does not match {@code ^[A-F0-9]{6}-[A-Z0-9]{6}-[A-F0-9]{5}[A-Z0-9+]$} (after upper-casing),
 *     {@link ErrorCode#INVALID_CHECK_DIGIT} if the check character is wrong
 */
public record PrescriptionId(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[A-F0-9]{6}-[A-Z0-9]{6}-[A-F0-9]{5}[A-Z0-9+]$");

    private static final String CHECK_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+";
    private static final int MODULUS = 37;
    private static final int CHECKED_LENGTH = 17;
    private static final int PRESCRIBER_PART_LENGTH = 6;
    private static final int SEQUENCE_RANGE = 0x100000;

    public PrescriptionId {
        EpsException.require(value != null, ErrorCode.MISSING_VALUE, "prescription ID is missing");
        value = value.toUpperCase(Locale.ROOT);
        EpsException.require(FORMAT.matcher(value).matches(), ErrorCode.INVALID_VALUE,
                "prescription ID must have the form XXXXXX-OOOOOO-SSSSSC: '" + value + "'");
        char expected = checkCharacter(value.substring(0, value.length() - 1));
        char actual = value.charAt(value.length() - 1);
        EpsException.require(actual == expected, ErrorCode.INVALID_CHECK_DIGIT,
                "prescription ID " + value + " has check character '" + actual + "' but expected '" + expected + "'");
    }

    /**
     * Parses a short-form prescription ID as received at the edge of the system; surrounding whitespace is
     * ignored and lower case is accepted.
     *
     * @throws EpsException {@link ErrorCode#MISSING_VALUE} if {@code raw} is null or blank, otherwise as the
     *     constructor
     */
    public static PrescriptionId parse(String raw) {
        EpsException.require(raw != null && !raw.isBlank(), ErrorCode.MISSING_VALUE, "prescription ID is missing");
        return new PrescriptionId(raw.strip());
    }

    /**
     * The ISO 7064 MOD 37-2 check character for the first 17 characters of a short-form ID. Hyphens are ignored,
     * so both {@code A0548B-A99968-45148} and {@code A0548BA9996845148} give {@code '5'}; lower case is accepted.
     *
     * @param first17 the ID without its check character, with or without hyphens
     * @return one of {@code 0-9}, {@code A-Z} or {@code +}
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} unless exactly 17 letters and digits remain once the
     *     hyphens are dropped
     */
    public static char checkCharacter(String first17) {
        EpsException.require(first17 != null, ErrorCode.MISSING_VALUE, "characters to check are missing");
        String characters = first17.replace("-", "").toUpperCase(Locale.ROOT);
        EpsException.require(characters.length() == CHECKED_LENGTH, ErrorCode.INVALID_VALUE,
                "a check character is computed over 17 letters and digits: '" + first17 + "'");
        int remainder = 0;
        for (int i = 0; i < CHECKED_LENGTH; i++) {
            int characterValue = CHECK_ALPHABET.indexOf(characters.charAt(i));
            EpsException.require(characterValue >= 0 && characterValue < 36, ErrorCode.INVALID_VALUE,
                    "a check character is computed over letters and digits only: '" + first17 + "'");
            // Horner's rule for sum(value_i * 2^(18 - i)) mod 37, i = 1..17: the same sum, kept small.
            remainder = ((remainder + characterValue) * 2) % MODULUS;
        }
        return CHECK_ALPHABET.charAt((MODULUS + 1 - remainder) % MODULUS);
    }

    /**
     * Generates a new short-form ID for a prescriber.
     *
     * <p>The prescriber part is the ODS code left-padded with {@code 0} to six characters ({@code FA565} gives
     * {@code 0FA565}). An ODS code longer than six characters (ODS codes may have up to eight) does not fit,
     * so its <em>last</em> six characters are used: {@code ABCDEFGH} gives {@code CDEFGH}. An ODS code whose
     * prescriber part would contain a hyphen cannot be written in a short-form ID and is refused.
     *
     * @param prescriber the prescribing organisation
     * @param sequence the prescriber's sequence number; it is taken modulo 0x100000 (a negative number wraps
     *     round as {@link Math#floorMod(int, int)} does) and written as five hex digits
     * @param random the source of the six random hex characters; pass a seeded generator for repeatable IDs
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the prescriber part would contain a hyphen
     */
    public static PrescriptionId generate(OdsCode prescriber, int sequence, RandomGenerator random) {
        Objects.requireNonNull(prescriber, "prescriber");
        Objects.requireNonNull(random, "random");
        String ods = prescriber.value();
        String prescriberPart = ods.length() > PRESCRIBER_PART_LENGTH
                ? ods.substring(ods.length() - PRESCRIBER_PART_LENGTH)
                : "0".repeat(PRESCRIBER_PART_LENGTH - ods.length()) + ods;
        EpsException.require(prescriberPart.indexOf('-') < 0, ErrorCode.INVALID_VALUE,
                "ODS code " + ods + " cannot be written in a short-form prescription ID: it has a hyphen");
        String randomPart = String.format(Locale.ROOT, "%06X", random.nextInt(0x1000000));
        String sequencePart = String.format(Locale.ROOT, "%05X", Math.floorMod(sequence, SEQUENCE_RANGE));
        String first17 = randomPart + "-" + prescriberPart + "-" + sequencePart;
        return new PrescriptionId(first17 + checkCharacter(first17));
    }

    /** The middle segment: the prescriber's ODS code as padded (or cut) to six characters. */
    public String prescriberPart() {
        return value.substring(7, 13);
    }

    /** The ID in upper case, with its hyphens. */
    @Override
    public String toString() {
        return value;
    }
}
