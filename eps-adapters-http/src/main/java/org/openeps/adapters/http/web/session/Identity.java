package org.openeps.adapters.http.web.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.NhsNumber;

/** Who a person proved to be at sign-in, before they chose the role (if they have several) they act in. */
public sealed interface Identity {

    /** A name to greet them by. */
    String name();

    /**
     * A member of staff at a prescribing or dispensing site (NHS CIS2), with every role profile they hold.
     *
     * @param sdsUserId their SDS user ID
     */
    record Staff(String sdsUserId, String name, List<StaffRole> roles) implements Identity {
        public Staff {
            Objects.requireNonNull(sdsUserId, "sdsUserId");
            Objects.requireNonNull(name, "name");
            roles = List.copyOf(roles);
        }

        public Optional<StaffRole> role(String roleProfileId) {
            return roles.stream().filter(role -> role.roleProfileId().equals(roleProfileId)).findFirst();
        }
    }

    /**
     * A patient (NHS login at P9), optionally acting for another person by delegated access.
     *
     * @param actingForName the name of the person they act for, when known
     */
    record Patient(String name, NhsNumber nhsNumber, Optional<NhsNumber> actingFor, Optional<String> actingForName)
            implements Identity {
        public Patient {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(nhsNumber, "nhsNumber");
            Objects.requireNonNull(actingFor, "actingFor");
            Objects.requireNonNull(actingForName, "actingForName");
        }
    }
}
