package org.openeps.domain.prescription;

import java.util.Optional;
import java.util.regex.Pattern;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The four-digit prescription type code ({@code Extension-DM-PrescriptionType}), e.g. {@code 0101} primary care
 * medical prescriber or {@code 1001} outpatient community prescriber. Its leading digits give the care setting and
 * the country the prescription comes from.
 */
public record PrescriptionType(String code) {

    private static final Pattern FORMAT = Pattern.compile("^\\d{4}$");

    /** Primary care (GP practices) or secondary care (hospital trusts and their services). */
    public enum CareSetting { PRIMARY, SECONDARY }

    /** Where the prescriber is. */
    public enum Country { ENGLAND, WALES, ISLE_OF_MAN }

    public PrescriptionType {
        EpsException.require(code != null, ErrorCode.MISSING_VALUE, "Prescription type is required");
        EpsException.require(FORMAT.matcher(code).matches(), ErrorCode.INVALID_VALUE,
                "Prescription type must be four digits: " + code);
        EpsException.require(originOf(code).isPresent(), ErrorCode.INVALID_VALUE,
                "Prescription type " + code + " is not from England, Wales or the Isle of Man");
    }

    public CareSetting careSetting() {
        return code.startsWith("0") ? CareSetting.PRIMARY : CareSetting.SECONDARY;
    }

    public Country country() {
        return originOf(code).orElseThrow();
    }

    /** {@code 01xx}/{@code 1xxx} England, {@code 02xx}/{@code 2xxx} Wales, {@code 05xx}/{@code 50xx} Isle of Man. */
    private static Optional<Country> originOf(String code) {
        boolean primary = code.charAt(0) == '0';
        char countryDigit = primary ? code.charAt(1) : code.charAt(0);
        return switch (countryDigit) {
            case '1' -> Optional.of(Country.ENGLAND);
            case '2' -> Optional.of(Country.WALES);
            case '5' -> primary || code.charAt(1) == '0' ? Optional.of(Country.ISLE_OF_MAN) : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return code;
    }
}
