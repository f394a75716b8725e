package org.openeps.adapters.http.web.session;

import java.util.Objects;
import java.util.Set;
import org.openeps.domain.shared.OdsCode;

/**
 * One role profile of a member of staff (NHS CIS2): the role they may choose to act in when they sign in.
 *
 * @param roleProfileId the role profile ID (URID)
 * @param roleCode      the national role code, e.g. {@code R8000}
 * @param roleName      how the role is shown, e.g. "Clinical Practitioner"
 * @param activities    its national RBAC activity codes, e.g. {@code B0278}
 * @param organisation  the organisation the role is at
 */
public record StaffRole(String roleProfileId, String roleCode, String roleName, Set<String> activities,
                        OdsCode organisation) {

    public StaffRole {
        Objects.requireNonNull(roleProfileId, "roleProfileId");
        Objects.requireNonNull(roleCode, "roleCode");
        Objects.requireNonNull(roleName, "roleName");
        activities = Set.copyOf(activities);
        Objects.requireNonNull(organisation, "organisation");
    }

    /** The name of a national role code, for roles whose identity provider gives none. */
    public static String nameOf(String roleCode) {
        return switch (roleCode) {
            case "R8000" -> "Clinical Practitioner";
            case "R8001" -> "Nurse";
            case "R8003" -> "Health Professional";
            case "R8004" -> "Healthcare Student";
            case "R8008" -> "Admin/Clinical Support";
            default -> roleCode;
        };
    }
}
