package org.openeps.domain.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * Who is calling, as their verified access token says: one of the identities the NHS issues, plus the service's own
 * administrators.
 */
public sealed interface Caller permits Caller.User, Caller.Application, Caller.Patient, Caller.Administrator {

    /** The supplier system the call comes through; administrators use the service's own console and have none. */
    Optional<String> clientId();

    /**
     * A user of a prescribing or dispensing site (NHS CIS2): acting for the organisation of the role profile they
     * selected, with the national RBAC activity codes of that role.
     *
     * @param sdsUserId     the user's SDS user ID
     * @param roleProfileId the selected role profile (sent again in {@code NHSD-Session-URID})
     * @param roleCode      the role's code, e.g. {@code R8000}
     * @param activities    the role's national RBAC activity codes, e.g. {@code B0278}
     * @param organisation  the organisation of the selected role
     * @param supplierSystem the client ID of the supplier system the user works in
     */
    record User(String sdsUserId, String roleProfileId, String roleCode, Set<String> activities, OdsCode organisation,
                String supplierSystem) implements Caller {
        public User {
            requireText(sdsUserId, "SDS user ID");
            requireText(roleProfileId, "role profile ID");
            requireText(roleCode, "role code");
            activities = Set.copyOf(Objects.requireNonNull(activities, "activities"));
            Objects.requireNonNull(organisation, "organisation");
            requireText(supplierSystem, "client ID");
        }

        @Override
        public Optional<String> clientId() {
            return Optional.of(supplierSystem);
        }

        /** Whether the role grants a permission through any activity of its family. */
        public boolean may(Permission permission) {
            return permission.grantedBy(activities);
        }
    }

    /** A supplier system acting on its own, without a user (application-restricted access). */
    record Application(String supplierSystem) implements Caller {
        public Application {
            requireText(supplierSystem, "client ID");
        }

        @Override
        public Optional<String> clientId() {
            return Optional.of(supplierSystem);
        }
    }

    /**
     * A patient signed in through NHS login at identity level P9, through a patient-facing supplier system, optionally
     * acting for another person by delegated access.
     */
    record Patient(NhsNumber nhsNumber, Optional<NhsNumber> actingFor, String supplierSystem) implements Caller {
        public Patient {
            Objects.requireNonNull(nhsNumber, "nhsNumber");
            Objects.requireNonNull(actingFor, "actingFor");
            requireText(supplierSystem, "client ID");
        }

        @Override
        public Optional<String> clientId() {
            return Optional.of(supplierSystem);
        }

        /** Whose prescriptions the patient sees: the person they act for, or themself. */
        public NhsNumber subject() {
            return actingFor.orElse(nhsNumber);
        }
    }

    /** An administrator of the service: manages the directory and the supplier registry, reads the audit trail. */
    record Administrator(String sdsUserId) implements Caller {
        public Administrator {
            requireText(sdsUserId, "SDS user ID");
        }

        @Override
        public Optional<String> clientId() {
            return Optional.empty();
        }
    }

    private static void requireText(String value, String name) {
        EpsException.require(value != null && !value.isBlank(), ErrorCode.MISSING_VALUE, "The " + name + " is missing");
    }
}
