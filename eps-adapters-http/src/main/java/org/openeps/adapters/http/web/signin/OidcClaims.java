package org.openeps.adapters.http.web.signin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openeps.adapters.http.web.session.Identity;
import org.openeps.adapters.http.web.session.StaffRole;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * Who signed in, from the claims of the ID token and UserInfo, named as the NHS identity services name them (and as
 * this service's access tokens carry them):
 * <ul>
 * <li>staff (NHS CIS2): {@code nhsid_useruid} and {@code nhsid_nrbac_roles}, each role with {@code person_roleid},
 * {@code org_code}, {@code role_code} (the last {@code R} code of a {@code S..:G..:R..} path counts),
 * {@code role_name} when given and {@code activity_codes};</li>
 * <li>patients (NHS login): {@code nhs_number} with {@code identity_proofing_level} {@code P9} (lower levels are
 * refused), optionally {@code acting_for_nhs_number} and {@code acting_for_name} for delegated access;</li>
 * <li>the name from {@code name}, else {@code given_name} and {@code family_name}.</li>
 * </ul>
 */
final class OidcClaims {

    private OidcClaims() {
    }

    static Identity identity(Map<String, Object> claims) {
        String name = text(claims, "name").orElseGet(() -> String.join(" ",
                text(claims, "given_name").orElse(""), text(claims, "family_name").orElse("")).strip());
        if (claims.get("nhs_number") != null) {
            EpsException.require("P9".equals(claims.get("identity_proofing_level")), ErrorCode.ACCESS_DENIED,
                    "Your NHS login must be fully verified (P9) to see prescriptions");
            return new Identity.Patient(name.isEmpty() ? "Patient" : name, parse(claims, "nhs_number"),
                    text(claims, "acting_for_nhs_number").map(NhsNumber::parse), text(claims, "acting_for_name"));
        }
        String sdsUserId = text(claims, "nhsid_useruid").orElseThrow(() -> new EpsException(ErrorCode.ACCESS_DENIED,
                "Your account is neither a member of staff nor a patient this service knows"));
        List<StaffRole> roles = new ArrayList<>();
        if (claims.get("nhsid_nrbac_roles") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> role && role.get("person_roleid") != null
                        && role.get("org_code") != null && role.get("role_code") != null) {
                    String code = roleCode(String.valueOf(role.get("role_code")));
                    Set<String> activities = new HashSet<>();
                    if (role.get("activity_codes") instanceof List<?> codes) {
                        codes.forEach(activity -> activities.add(String.valueOf(activity)));
                    }
                    String roleName = role.get("role_name") == null ? StaffRole.nameOf(code)
                            : lastPart(String.valueOf(role.get("role_name")));
                    roles.add(new StaffRole(String.valueOf(role.get("person_roleid")), code, roleName, activities,
                            OdsCode.parse(String.valueOf(role.get("org_code")))));
                }
            }
        }
        return new Identity.Staff(sdsUserId, name.isEmpty() ? sdsUserId : name, roles);
    }

    /** {@code S8000:G8000:R8000} is {@code R8000}; a plain code is itself. */
    private static String roleCode(String path) {
        String[] parts = path.split(":");
        return parts[parts.length - 1].strip();
    }

    /** CIS2 role names come as a quoted path ({@code "Clinical":"Clinical Provision":"Nurse Access Role"}). */
    private static String lastPart(String roleName) {
        String[] parts = roleName.split(":");
        return parts[parts.length - 1].replace("\"", "").strip();
    }

    private static NhsNumber parse(Map<String, Object> claims, String name) {
        return NhsNumber.parse(text(claims, name).orElseThrow());
    }

    private static Optional<String> text(Map<String, Object> claims, String name) {
        return Optional.ofNullable(claims.get(name)).map(String::valueOf).map(String::strip)
                .filter(value -> !value.isEmpty());
    }
}
