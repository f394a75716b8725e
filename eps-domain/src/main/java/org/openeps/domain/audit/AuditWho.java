package org.openeps.domain.audit;

import java.util.Optional;
import java.util.Set;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * Who made an audited request, in plain values that stay readable whatever becomes of the access model: the kind of
 * caller and whichever of its identifiers it has.
 *
 * <p>A patient acting for another person by delegated access is recorded here by their own NHS number; the NHS number
 * of the person they act for belongs in the {@link AuditRecord#nhsNumber() record's NHS number}, so that a search for
 * that person finds it.
 *
 * @param kind          {@value #USER}, {@value #APPLICATION}, {@value #PATIENT}, {@value #ADMINISTRATOR}, or
 *                      {@value #ANONYMOUS} for a caller not (validly) identified
 * @param userId        the SDS user ID of a user or administrator
 * @param roleProfileId the role profile a user selected
 * @param organisation  the ODS code of a user's organisation
 * @param clientId      the client ID of the supplier system the call came through
 * @param patient       the NHS number of a signed-in patient
 * @throws EpsException {@link ErrorCode#MISSING_VALUE} if the kind or any optional is missing, or a value present is
 *     blank; {@link ErrorCode#INVALID_VALUE} if the kind is none of these, or a value cannot be stored
 */
public record AuditWho(String kind, Optional<String> userId, Optional<String> roleProfileId,
                       Optional<String> organisation, Optional<String> clientId, Optional<String> patient) {

    public static final String USER = "user";
    public static final String APPLICATION = "application";
    public static final String PATIENT = "patient";
    public static final String ADMINISTRATOR = "administrator";
    public static final String ANONYMOUS = "anonymous";

    private static final Set<String> KINDS = Set.of(USER, APPLICATION, PATIENT, ADMINISTRATOR, ANONYMOUS);

    public AuditWho {
        AuditText.require(kind, "caller kind");
        EpsException.require(KINDS.contains(kind), ErrorCode.INVALID_VALUE,
                "The audit record's caller kind must be one of " + KINDS + ": '" + kind + "'");
        AuditText.requireOptional(userId, "user ID");
        AuditText.requireOptional(roleProfileId, "role profile ID");
        AuditText.requireOptional(organisation, "organisation");
        AuditText.requireOptional(clientId, "client ID");
        AuditText.requireOptional(patient, "patient");
    }

    /** The identifiers of a verified caller. */
    public static AuditWho of(Caller caller) {
        return switch (caller) {
            case Caller.User user -> new AuditWho(USER, Optional.of(user.sdsUserId()),
                    Optional.of(user.roleProfileId()), Optional.of(user.organisation().value()), user.clientId(),
                    Optional.empty());
            case Caller.Application application -> new AuditWho(APPLICATION, Optional.empty(), Optional.empty(),
                    Optional.empty(), application.clientId(), Optional.empty());
            case Caller.Patient patient -> new AuditWho(PATIENT, Optional.empty(), Optional.empty(), Optional.empty(),
                    patient.clientId(), Optional.of(patient.nhsNumber().value()));
            case Caller.Administrator administrator -> new AuditWho(ADMINISTRATOR,
                    Optional.of(administrator.sdsUserId()), Optional.empty(), Optional.empty(),
                    administrator.clientId(), Optional.empty());
        };
    }

    /** A caller whose access token was missing or not valid, so who they are is not known. */
    public static AuditWho anonymous() {
        return new AuditWho(ANONYMOUS, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
