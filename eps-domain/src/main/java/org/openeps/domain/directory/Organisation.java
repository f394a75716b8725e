package org.openeps.domain.directory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/**
 * An organisation EPS serves, as the organisation directory knows it: a prescriber (GP practice, NHS trust), a
 * dispenser (community or online pharmacy, dispensing appliance contractor, dispensing doctor practice) or the
 * NHSBSA (and its Welsh counterpart), by its ODS code.
 *
 * <p>Rules: a name of at most 200 characters; one to six address lines (the postcode apart) of at most 100
 * characters each; a telephone number, when given, of digits, spaces, {@code +}, {@code -} and brackets; a website,
 * when given, an absolute {@code http} or {@code https} address. An {@link OrganisationKind#ONLINE_PHARMACY online
 * pharmacy} must give its website (patients choose it there); any other kind may. Text is stored stripped of
 * surrounding whitespace.
 *
 * @param addressLines the address without the postcode, first line first
 * @param open         false once the organisation has closed: it stays in the directory so that prescriptions
 *                     naming it can still be shown
 * @throws EpsException {@link ErrorCode#MISSING_VALUE} for an absent value, {@link ErrorCode#INVALID_VALUE} for an
 *     unacceptable one
 */
public record Organisation(
        OdsCode ods,
        String name,
        OrganisationKind kind,
        List<String> addressLines,
        Postcode postcode,
        Optional<String> telephone,
        Optional<String> website,
        Country country,
        boolean open) {

    /** The most address lines kept, the postcode apart. */
    public static final int MAX_ADDRESS_LINES = 6;

    private static final Pattern TELEPHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]{4,24}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public Organisation {
        EpsException.require(ods != null, ErrorCode.MISSING_VALUE, "Organisation ODS code is missing");
        EpsException.require(kind != null, ErrorCode.MISSING_VALUE, "Organisation " + ods + ": kind is missing");
        EpsException.require(postcode != null, ErrorCode.MISSING_VALUE, "Organisation " + ods + ": postcode is missing");
        EpsException.require(country != null, ErrorCode.MISSING_VALUE, "Organisation " + ods + ": country is missing");
        EpsException.require(telephone != null && website != null && addressLines != null, ErrorCode.MISSING_VALUE,
                "Organisation " + ods + ": telephone, website and address lines must be given (empty when unknown)");
        name = text(ods, "name", name, 200);
        EpsException.require(!addressLines.isEmpty(), ErrorCode.MISSING_VALUE,
                "Organisation " + ods + ": at least one address line is required");
        EpsException.require(addressLines.size() <= MAX_ADDRESS_LINES, ErrorCode.INVALID_VALUE,
                "Organisation " + ods + ": at most " + MAX_ADDRESS_LINES + " address lines, not " + addressLines.size());
        addressLines = addressLines.stream().map(line -> text(ods, "address line", line, 100)).toList();
        telephone = telephone.map(String::strip);
        telephone.ifPresent(number -> EpsException.require(TELEPHONE.matcher(number).matches(), ErrorCode.INVALID_VALUE,
                "Organisation " + ods + ": telephone must be digits, spaces, +, - and brackets: '" + number + "'"));
        website = website.map(String::strip);
        website.ifPresent(address -> requireWebsite(ods, address));
        EpsException.require(kind != OrganisationKind.ONLINE_PHARMACY || website.isPresent(), ErrorCode.MISSING_VALUE,
                "Organisation " + ods + ": an online pharmacy must give its website");
    }

    /** Whether patients may nominate it, and prescriptions be nominated to it, as this kind of dispenser now. */
    public boolean canBeNominatedAs(DispensingSiteType type) {
        return open && kind.dispensesAs(type);
    }

    private static String text(OdsCode ods, String field, String value, int maxLength) {
        EpsException.require(value != null && !value.isBlank(), ErrorCode.MISSING_VALUE,
                "Organisation " + ods + ": " + field + " is missing");
        String stripped = value.strip();
        EpsException.require(stripped.length() <= maxLength, ErrorCode.INVALID_VALUE,
                "Organisation " + ods + ": " + field + " is longer than " + maxLength + " characters");
        EpsException.require(!CONTROL.matcher(stripped).find(), ErrorCode.INVALID_VALUE,
                "Organisation " + ods + ": " + field + " contains a control character");
        return stripped;
    }

    private static void requireWebsite(OdsCode ods, String address) {
        boolean valid;
        try {
            URI uri = new URI(address);
            valid = uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && address.length() <= 300;
        } catch (URISyntaxException e) {
            valid = false;
        }
        EpsException.require(valid, ErrorCode.INVALID_VALUE,
                "Organisation " + ods + ": website must be an http or https address: '" + address + "'");
    }
}
