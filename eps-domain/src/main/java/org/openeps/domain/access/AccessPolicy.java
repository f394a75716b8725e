package org.openeps.domain.access;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * Decides whether a caller may do what it asks: by the table in {@link Action}, the caller's role, its supplier
 * system's assurance, and whether the organisation and user a message names are the caller's own.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /**
     * Refuses the action unless the caller may do it.
     *
     * @param supplierSystems the registry, by client ID
     * @throws EpsException {@link ErrorCode#ACCESS_DENIED} when the caller's kind or role may not,
     *     {@link ErrorCode#SUPPLIER_SYSTEM_NOT_ASSURED} when its supplier system is unknown, not assured for the
     *     action's feature, suspended or withdrawn
     */
    public static void authorise(Caller caller, Action action,
                                 Function<String, Optional<SupplierSystem>> supplierSystems) {
        EpsException.require(allowed(caller, action.who()), ErrorCode.ACCESS_DENIED,
                describe(caller) + " may not " + describe(action));
        Set<Feature> features = action.features(caller);
        if (features.isEmpty()) {
            return;
        }
        String clientId = caller.clientId().orElseThrow(() -> new EpsException(ErrorCode.ACCESS_DENIED,
                describe(caller) + " may not " + describe(action)));
        boolean assured = supplierSystems.apply(clientId)
                .filter(system -> features.stream().anyMatch(system::permits))
                .isPresent();
        EpsException.require(assured, ErrorCode.SUPPLIER_SYSTEM_NOT_ASSURED,
                "Supplier system " + clientId + " is not assured to " + describe(action));
    }

    private static boolean allowed(Caller caller, Action.Who who) {
        return switch (who) {
            case PRESCRIBER -> caller instanceof Caller.User user && user.may(Permission.PRESCRIBE);
            case DISPENSER -> caller instanceof Caller.User user && user.may(Permission.DISPENSE);
            case DISPENSER_OR_APPLICATION -> caller instanceof Caller.Application
                    || caller instanceof Caller.User user && user.may(Permission.DISPENSE);
            case CLINICIAN_OR_PATIENT -> caller instanceof Caller.Patient
                    || caller instanceof Caller.User user && (user.may(Permission.PRESCRIBE) || user.may(Permission.DISPENSE));
            case ANYONE -> true;
            case ADMINISTRATOR -> caller instanceof Caller.Administrator;
        };
    }

    /**
     * The organisation a message acts for, once checked against the caller: a user must be the user the message
     * names (when it names one) and act for the organisation it names; a supplier system on its own acts for the
     * organisation its message names.
     *
     * @throws EpsException {@link ErrorCode#IDENTITY_MISMATCH} when the message names another organisation or user
     */
    public static OdsCode actsFor(Caller caller, Actor named) {
        OdsCode organisation = named.organisation().orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                "The message does not name the organisation it acts for"));
        return switch (caller) {
            case Caller.User user -> {
                EpsException.require(organisation.equals(user.organisation()), ErrorCode.IDENTITY_MISMATCH,
                        "The message acts for organisation " + organisation + " but the access token's role is for "
                                + user.organisation());
                EpsException.require(named.person().map(user.sdsUserId()::equals).orElse(true),
                        ErrorCode.IDENTITY_MISMATCH,
                        "The message names a user other than the one the access token identifies");
                yield organisation;
            }
            case Caller.Application application -> organisation;
            case Caller.Patient patient -> throw new EpsException(ErrorCode.ACCESS_DENIED,
                    "A patient may not act for an organisation");
            case Caller.Administrator administrator -> throw new EpsException(ErrorCode.ACCESS_DENIED,
                    "An administrator may not act for an organisation");
        };
    }

    /**
     * Whether the caller may see a patient's records: users of prescribing and dispensing sites may (their access is
     * audited), a patient only their own or those of the person they act for.
     */
    public static boolean maySee(Caller caller, NhsNumber patient) {
        return switch (caller) {
            case Caller.User user -> user.may(Permission.PRESCRIBE) || user.may(Permission.DISPENSE);
            case Caller.Patient self -> self.subject().equals(patient);
            case Caller.Application application -> false;
            case Caller.Administrator administrator -> false;
        };
    }

    private static String describe(Caller caller) {
        return switch (caller) {
            case Caller.User user -> "A user with role " + user.roleCode() + " at " + user.organisation();
            case Caller.Application application -> "A supplier system without a user";
            case Caller.Patient patient -> "A patient";
            case Caller.Administrator administrator -> "An administrator";
        };
    }

    private static String describe(Action action) {
        return action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
