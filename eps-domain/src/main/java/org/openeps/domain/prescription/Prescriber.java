package org.openeps.domain.prescription;

import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.OdsCode;

/**
 * Who wrote the prescription: the person (SDS user ID and name), the role they acted in (SDS role profile ID and
 * job role code) and the organisation the prescription comes from.
 */
public record Prescriber(
        Optional<String> name,
        Optional<String> sdsUserId,
        Optional<String> roleProfileId,
        Optional<String> roleCode,
        OdsCode organisation,
        Optional<String> organisationName) {

    public Prescriber {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sdsUserId, "sdsUserId");
        Objects.requireNonNull(roleProfileId, "roleProfileId");
        Objects.requireNonNull(roleCode, "roleCode");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(organisationName, "organisationName");
    }
}
