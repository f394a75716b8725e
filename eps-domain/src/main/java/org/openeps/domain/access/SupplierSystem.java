package org.openeps.domain.access;

import java.util.Objects;
import java.util.Set;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * A supplier's system as the registry holds it: who makes it, which version is assured, for which features, and
 * whether that assurance stands.
 *
 * @param clientId the client ID its access tokens carry
 */
public record SupplierSystem(String clientId, String supplier, String product, String version, Set<Feature> features,
                             Status status) {

    /** Where the system's assurance stands; only an assured system may call. */
    public enum Status { ASSURED, SUSPENDED, WITHDRAWN }

    public SupplierSystem {
        for (String[] field : new String[][] {{clientId, "client ID"}, {supplier, "supplier"}, {product, "product"},
                {version, "version"}}) {
            EpsException.require(field[0] != null && !field[0].isBlank(), ErrorCode.MISSING_VALUE,
                    "The supplier system's " + field[1] + " is missing");
        }
        EpsException.require(clientId.length() <= 100 && clientId.strip().equals(clientId), ErrorCode.INVALID_VALUE,
                "A client ID is at most 100 characters without surrounding spaces");
        features = Set.copyOf(Objects.requireNonNull(features, "features"));
        Objects.requireNonNull(status, "status");
    }

    /** Whether calls through this system may use the feature now. */
    public boolean permits(Feature feature) {
        return status == Status.ASSURED && features.contains(feature);
    }
}
