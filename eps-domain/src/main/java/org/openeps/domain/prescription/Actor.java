package org.openeps.domain.prescription;

import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/**
 * Who made a change to a prescription, as its history records it: the organisation, and the person acting for it when
 * the message names one. Both are empty for the changes the service makes itself (expiry, no-claim, issues becoming
 * available).
 *
 * @param organisation the organisation that made the change
 * @param person       the SDS user ID of the user who acted
 */
public record Actor(Optional<OdsCode> organisation, Optional<String> person) {

    /** The service itself, acting on the clock. */
    public static final Actor SERVICE = new Actor(Optional.empty(), Optional.empty());

    public Actor {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(person, "person");
        EpsException.require(person.filter(String::isBlank).isEmpty(), ErrorCode.MISSING_VALUE,
                "An SDS user ID must not be blank");
    }

    /** An organisation acting through the user its message names, if it names one. */
    public static Actor of(OdsCode organisation, Optional<String> person) {
        return new Actor(Optional.of(organisation), person);
    }
}
