package org.openeps.application.access;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.access.SupplierSystem;

/** {@link SupplierSystemRegistry} in a sorted map; a failed transaction puts back the registry it began with. */
public final class InMemorySupplierSystemRegistry implements SupplierSystemRegistry, InMemoryTransactions.Participant {

    private TreeMap<String, SupplierSystem> systems = new TreeMap<>();

    @Override
    public synchronized Optional<SupplierSystem> find(String clientId) {
        return Optional.ofNullable(systems.get(clientId));
    }

    @Override
    public synchronized List<SupplierSystem> all() {
        return List.copyOf(systems.values());
    }

    @Override
    public synchronized void save(SupplierSystem system) {
        systems.put(system.clientId(), system);
    }

    @Override
    public synchronized int addMissing(List<SupplierSystem> additions) {
        int added = 0;
        for (SupplierSystem system : additions) {
            if (systems.putIfAbsent(system.clientId(), system) == null) {
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized Runnable checkpoint() {
        TreeMap<String, SupplierSystem> then = new TreeMap<>(systems);
        return () -> {
            synchronized (this) {
                systems = then;
            }
        };
    }
}
