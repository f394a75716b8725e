package org.openeps.application.directory;

import java.util.Optional;
import java.util.regex.Pattern;
import org.openeps.domain.directory.OrganisationKind;
import org.openeps.domain.directory.Postcode;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * What to look for in the directory: at least one criterion; an organisation matches when it meets all of them.
 *
 * @param nameContains   text the name contains, ignoring case; stripped, 1 to 100 characters
 * @param postcodePrefix the start of the postcode, kept upper-cased without spaces ({@code "ls15 8"} is {@code LS158});
 *                       1 to 7 letters and digits
 * @param kind           the kind of organisation
 */
public record OrganisationSearch(Optional<String> nameContains, Optional<String> postcodePrefix,
                                 Optional<OrganisationKind> kind) {

    private static final Pattern POSTCODE_PREFIX = Pattern.compile("^[A-Z0-9]{1,7}$");

    public OrganisationSearch {
        EpsException.require(nameContains != null && postcodePrefix != null && kind != null, ErrorCode.MISSING_VALUE,
                "Search criteria must be given (empty when not searched by)");
        nameContains = nameContains.map(String::strip).filter(text -> !text.isEmpty());
        postcodePrefix = postcodePrefix.map(Postcode::compact).filter(text -> !text.isEmpty());
        EpsException.require(nameContains.isPresent() || postcodePrefix.isPresent() || kind.isPresent(),
                ErrorCode.MISSING_VALUE, "Search by at least one of name, postcode or kind");
        nameContains.ifPresent(text -> EpsException.require(text.length() <= 100, ErrorCode.INVALID_VALUE,
                "Name to search for is longer than 100 characters"));
        postcodePrefix.ifPresent(prefix -> EpsException.require(POSTCODE_PREFIX.matcher(prefix).matches(),
                ErrorCode.INVALID_VALUE, "Postcode to search for must be the start of a postcode: '" + prefix + "'"));
    }

    public static OrganisationSearch byName(String text) {
        return new OrganisationSearch(Optional.of(text), Optional.empty(), Optional.empty());
    }

    public static OrganisationSearch byPostcode(String prefix) {
        return new OrganisationSearch(Optional.empty(), Optional.of(prefix), Optional.empty());
    }

    public static OrganisationSearch byKind(OrganisationKind kind) {
        return new OrganisationSearch(Optional.empty(), Optional.empty(), Optional.of(kind));
    }
}
