package org.openeps.adapters.http.access;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * The claims an access token carries for each kind of caller, in the shape the NHS identity services issue them:
 * <ul>
 * <li>a user (NHS CIS2): {@code nhsid_useruid} (SDS user ID), {@code selected_roleid} (the role profile chosen at
 * sign-in) and {@code nhsid_nrbac_roles}, a list of role profiles each with {@code person_roleid}, {@code org_code},
 * {@code role_code} and {@code activity_codes}; and {@code client_id}, the supplier system;</li>
 * <li>a patient (NHS login): {@code nhs_number}, {@code identity_proofing_level} (must be {@code P9}), optionally
 * {@code acting_for_nhs_number} for delegated access, and {@code client_id};</li>
 * <li>a supplier system on its own (application-restricted): {@code client_id} only;</li>
 * <li>an administrator of the service: {@code openeps_role} {@code administrator} and {@code nhsid_useruid}.</li>
 * </ul>
 */
final class TokenClaims {

    static final String CLIENT_ID = "client_id";
    static final String SDS_USER_ID = "nhsid_useruid";
    static final String SELECTED_ROLE = "selected_roleid";
    static final String ROLES = "nhsid_nrbac_roles";
    static final String ROLE_PROFILE_ID = "person_roleid";
    static final String ORGANISATION = "org_code";
    static final String ROLE_CODE = "role_code";
    static final String ACTIVITIES = "activity_codes";
    static final String NHS_NUMBER = "nhs_number";
    static final String IDENTITY_LEVEL = "identity_proofing_level";
    static final String ACTING_FOR = "acting_for_nhs_number";
    static final String SERVICE_ROLE = "openeps_role";
    static final String ADMINISTRATOR = "administrator";

    private TokenClaims() {
    }

    /** Writes a caller's claims into a token being built. */
    static JWTClaimsSet.Builder write(Caller caller, JWTClaimsSet.Builder claims) {
        return switch (caller) {
            case Caller.User user -> claims.subject(user.sdsUserId())
                    .claim(SDS_USER_ID, user.sdsUserId())
                    .claim(SELECTED_ROLE, user.roleProfileId())
                    .claim(ROLES, List.of(role(user)))
                    .claim(CLIENT_ID, user.supplierSystem());
            case Caller.Application application -> claims.subject(application.supplierSystem())
                    .claim(CLIENT_ID, application.supplierSystem());
            case Caller.Patient patient -> {
                claims.subject(patient.nhsNumber().value())
                        .claim(NHS_NUMBER, patient.nhsNumber().value())
                        .claim(IDENTITY_LEVEL, "P9")
                        .claim(CLIENT_ID, patient.supplierSystem());
                patient.actingFor().ifPresent(other -> claims.claim(ACTING_FOR, other.value()));
                yield claims;
            }
            case Caller.Administrator administrator -> claims.subject(administrator.sdsUserId())
                    .claim(SDS_USER_ID, administrator.sdsUserId())
                    .claim(SERVICE_ROLE, ADMINISTRATOR);
        };
    }

    private static Map<String, Object> role(Caller.User user) {
        Map<String, Object> role = new LinkedHashMap<>();
        role.put(ROLE_PROFILE_ID, user.roleProfileId());
        role.put(ORGANISATION, user.organisation().value());
        role.put(ROLE_CODE, user.roleCode());
        role.put(ACTIVITIES, List.copyOf(user.activities()));
        return role;
    }

    /**
     * Reads the caller from a verified token's claims.
     *
     * @throws EpsException {@link ErrorCode#UNAUTHORISED} when the claims describe no caller, or a user's selected
     *     role is not among their roles; {@link ErrorCode#ACCESS_DENIED} for a patient below identity level P9
     */
    static Caller read(JWTClaimsSet claims) {
        try {
            if (ADMINISTRATOR.equals(claims.getStringClaim(SERVICE_ROLE))) {
                return new Caller.Administrator(required(claims.getStringClaim(SDS_USER_ID)));
            }
            String clientId = required(claims.getStringClaim(CLIENT_ID));
            if (claims.getClaim(NHS_NUMBER) != null) {
                EpsException.require("P9".equals(claims.getStringClaim(IDENTITY_LEVEL)), ErrorCode.ACCESS_DENIED,
                        "Patients need identity level P9");
                return new Caller.Patient(NhsNumber.parse(claims.getStringClaim(NHS_NUMBER)),
                        Optional.ofNullable(claims.getStringClaim(ACTING_FOR)).map(NhsNumber::parse), clientId);
            }
            if (claims.getClaim(SDS_USER_ID) != null) {
                return user(claims, clientId);
            }
            return new Caller.Application(clientId);
        } catch (ParseException | ClassCastException | EpsException e) {
            if (e instanceof EpsException eps && eps.code() == ErrorCode.ACCESS_DENIED) {
                throw eps;
            }
            throw Authentication.invalid();
        }
    }

    private static Caller.User user(JWTClaimsSet claims, String clientId) throws ParseException {
        String selected = required(claims.getStringClaim(SELECTED_ROLE));
        Object roles = claims.getClaim(ROLES);
        if (!(roles instanceof List<?> list)) {
            throw Authentication.invalid();
        }
        for (Object entry : list) {
            if (entry instanceof Map<?, ?> role && selected.equals(role.get(ROLE_PROFILE_ID))) {
                Set<String> activities = new HashSet<>();
                if (role.get(ACTIVITIES) instanceof List<?> codes) {
                    codes.forEach(code -> activities.add(String.valueOf(code)));
                }
                return new Caller.User(required(claims.getStringClaim(SDS_USER_ID)), selected,
                        required((String) role.get(ROLE_CODE)), activities,
                        OdsCode.parse((String) role.get(ORGANISATION)), clientId);
            }
        }
        throw Authentication.invalid();
    }

    private static String required(String value) {
        if (value == null || value.isBlank()) {
            throw Authentication.invalid();
        }
        return value;
    }
}
