package org.openeps.adapters.http.web.session;

import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.access.Caller;

/** The person signed in to a session: who the pages act for, and what the pages say about them. */
public sealed interface Person {

    /** The caller the routes authorise and audit, as an access token for the same person would give. */
    Caller caller();

    /**
     * A member of staff acting in one of their roles.
     *
     * @param organisationName the name of the role's organisation, from the directory (its ODS code when unknown)
     */
    record Staff(String name, StaffRole role, String organisationName, Caller.User caller) implements Person {
        public Staff {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(organisationName, "organisationName");
            Objects.requireNonNull(caller, "caller");
        }

        /** "Name, Role - Organisation (ODS)", as the confidentiality banner names who is viewing. */
        public String accessedBy() {
            return name + ", " + role.roleName() + " - " + organisationName + " (" + role.organisation().value() + ")";
        }
    }

    /** A patient, seeing their own prescriptions or those of the person they act for. */
    record Patient(String name, Optional<String> actingForName, Caller.Patient caller) implements Person {
        public Patient {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(actingForName, "actingForName");
            Objects.requireNonNull(caller, "caller");
        }
    }
}
