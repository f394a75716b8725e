package org.openeps.application.access;

import java.util.List;
import java.util.Optional;
import org.openeps.domain.access.SupplierSystem;

/**
 * The registry of assured supplier systems as an administrator keeps it: a system is registered, reassured for other
 * features, suspended or withdrawn by registering it again under its client ID. A change applies to the next call
 * this process authorises; other processes see it once their cached copy expires.
 */
public interface ManageSupplierSystemsUseCase {

    /** Every registered system, ordered by client ID. */
    List<SupplierSystem> all();

    Optional<SupplierSystem> find(String clientId);

    /** Registers the system, replacing what was registered under its client ID, and returns it as registered. */
    SupplierSystem register(SupplierSystem system);

    /**
     * Registers the systems whose client ID is not registered yet (the demo registry, at start), leaving an
     * administrator's changes to the others alone; returns how many it registered.
     */
    int seed(List<SupplierSystem> systems);
}
