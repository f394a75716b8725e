package org.openeps.application.access;

import java.util.Set;
import org.openeps.domain.access.Feature;
import org.openeps.domain.access.SupplierSystem;
import org.openeps.domain.access.SupplierSystem.Status;

/** Supplier systems for the access tests. */
public final class SupplierSystems {

    private SupplierSystems() {
    }

    public static SupplierSystem system(String clientId, Status status, Feature... features) {
        return new SupplierSystem(clientId, "Example Supplier Ltd", "Example " + clientId, "2.4.1", Set.of(features),
                status);
    }

    public static SupplierSystem assured(String clientId, Feature... features) {
        return system(clientId, Status.ASSURED, features);
    }
}
