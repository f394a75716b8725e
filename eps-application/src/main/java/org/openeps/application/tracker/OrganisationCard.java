package org.openeps.application.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.OdsCode;

/**
 * A prescriber or dispenser card: the organisation as the directory knows it, or only its ODS code (and, for the
 * prescriber, the name the prescription gives) when the directory does not know it.
 *
 * @param odsCode      the ODS code, always known
 * @param name         the name
 * @param addressLines the address without the postcode, first line first; empty when unknown
 * @param postcode     the postcode
 * @param telephone    the telephone number
 * @param inDirectory  whether the organisation directory knows it
 */
public record OrganisationCard(
        OdsCode odsCode,
        Optional<String> name,
        List<String> addressLines,
        Optional<String> postcode,
        Optional<String> telephone,
        boolean inDirectory) {

    public OrganisationCard {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(name, "name");
        addressLines = List.copyOf(addressLines);
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(telephone, "telephone");
    }

    /** An organisation the directory does not know: its code, and the name the prescription gives, if any. */
    public static OrganisationCard unknown(OdsCode odsCode, Optional<String> name) {
        return new OrganisationCard(odsCode, name, List.of(), Optional.empty(), Optional.empty(), false);
    }

    /** The address on one line, postcode last, e.g. {@code 1 High Street, Leeds, LS1 1AA}; empty when unknown. */
    public Optional<String> address() {
        List<String> parts = new ArrayList<>(addressLines);
        postcode.ifPresent(parts::add);
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }
}
