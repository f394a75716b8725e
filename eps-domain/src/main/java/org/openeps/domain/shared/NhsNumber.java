package org.openeps.domain.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A patient's NHS number: ten digits, the last a Modulus 11 check digit.
 *
 * <p>The check digit is computed from digits 1 to 9 weighted 10 down to 2: {@code check = 11 - (sum mod 11)},
 * where 11 becomes 0 and 10 means no valid NHS number has these first nine digits. For example
 * {@code 9449304130} is valid.
 *
 * @param value the ten digits, without spaces
 * @throws EpsException {@link ErrorCode#MISSING_VALUE} if the value is null, {@link ErrorCode#INVALID_VALUE}
 *     if it is not exactly ten digits, {@link ErrorCode#INVALID_CHECK_DIGIT} if the check digit does not match
 */
public record NhsNumber(String value) {

    private static final Pattern TEN_DIGITS = Pattern.compile("^[0-9]{10}$");

    public NhsNumber {
        EpsException.require(value != null, ErrorCode.MISSING_VALUE, "NHS number is missing");
        EpsException.require(TEN_DIGITS.matcher(value).matches(), ErrorCode.INVALID_VALUE,
                "NHS number must be exactly 10 digits: '" + value + "'");
        int expected = checkDigit(value);
        EpsException.require(expected != 10, ErrorCode.INVALID_CHECK_DIGIT,
                "NHS number " + value + " is invalid: its first nine digits give check value 10");
        EpsException.require(value.charAt(9) - '0' == expected, ErrorCode.INVALID_CHECK_DIGIT,
                "NHS number " + value + " has check digit " + value.charAt(9) + " but expected " + expected);
    }

    /**
     * Parses an NHS number as received at the edge of the system; surrounding whitespace is ignored.
     *
     * @throws EpsException {@link ErrorCode#MISSING_VALUE} if {@code raw} is null or blank, otherwise as the
     *     constructor
     */
    public static NhsNumber parse(String raw) {
        EpsException.require(raw != null && !raw.isBlank(), ErrorCode.MISSING_VALUE, "NHS number is missing");
        return new NhsNumber(raw.strip());
    }

    /**
     * The NHS number made of these nine digits and their check digit; empty when the nine digits give check value 10,
     * which no NHS number has.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} if {@code firstNine} is not nine digits
     */
    public static Optional<NhsNumber> withCheckDigit(String firstNine) {
        EpsException.require(firstNine != null && firstNine.matches("[0-9]{9}"), ErrorCode.INVALID_VALUE,
                "The first nine digits of an NHS number must be nine digits: '" + firstNine + "'");
        int check = checkDigit(firstNine);
        return check == 10 ? Optional.empty() : Optional.of(new NhsNumber(firstNine + check));
    }

    /**
     * A random valid NHS number starting with 9 (the range 900 000 0000 to 999 999 9999 is not issued to patients in
     * England, so it is safe for test data).
     */
    public static NhsNumber generate(RandomGenerator random) {
        while (true) {
            Optional<NhsNumber> number = withCheckDigit("9" + String.format(Locale.ROOT, "%08d",
                    random.nextInt(100_000_000)));
            if (number.isPresent()) {
                return number.get();
            }
        }
    }

    /** The Modulus 11 check value (0..10) of the first nine digits; 10 means the number cannot be valid. */
    private static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    /** The ten digits. */
    @Override
    public String toString() {
        return value;
    }
}
