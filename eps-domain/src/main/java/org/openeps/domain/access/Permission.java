package org.openeps.domain.access;

import java.util.Collection;
import java.util.Set;

/**
 * What a user's role allows in EPS, each granted by a family of national RBAC activity codes: a parent activity and
 * its children.
 */
public enum Permission {
    /** Create and cancel prescriptions: B0278 and its children B0058, B0420, B0440. */
    PRESCRIBE(Set.of("B0278", "B0058", "B0420", "B0440")),
    /** Release, dispense, withdraw, return and claim: B0570 and its children B0571, B0572. */
    DISPENSE(Set.of("B0570", "B0571", "B0572"));

    private final Set<String> activities;

    Permission(Set<String> activities) {
        this.activities = activities;
    }

    /** The activity codes that grant this permission. */
    public Set<String> activities() {
        return activities;
    }

    boolean grantedBy(Collection<String> held) {
        return held.stream().anyMatch(activities::contains);
    }
}
