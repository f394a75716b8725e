package org.openeps.application.access;

import java.util.List;
import java.util.Optional;
import org.openeps.domain.access.SupplierSystem;

/** Where the registry of assured supplier systems is kept, by client ID. */
public interface SupplierSystemRegistry {

    Optional<SupplierSystem> find(String clientId);

    /** Every registered system, ordered by client ID (by character code, as {@link String#compareTo} orders). */
    List<SupplierSystem> all();

    /** Registers the system, replacing whatever was registered under its client ID. */
    void save(SupplierSystem system);

    /**
     * Registers those systems whose client ID is not registered yet, leaving the others as they are (a client ID
     * given twice is registered as first given), and returns how many it registered. Safe when two processes seed at
     * once: a client ID is registered by one of them.
     */
    int addMissing(List<SupplierSystem> systems);
}
