package org.openeps.application.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.access.SupplierSystem;

/**
 * Reads the registry itself (never the cache), writes it in a transaction, and once that has ended drops what the
 * {@link AuthorisationService.SupplierSystemCache} it shares with the {@link AuthorisationService} held for the
 * systems changed.
 */
public final class ManageSupplierSystemsService implements ManageSupplierSystemsUseCase {

    private final Transactions transactions;
    private final SupplierSystemRegistry registry;
    private final AuthorisationService.SupplierSystemCache cache;

    public ManageSupplierSystemsService(Transactions transactions, SupplierSystemRegistry registry,
                                        AuthorisationService.SupplierSystemCache cache) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public List<SupplierSystem> all() {
        return registry.all();
    }

    @Override
    public Optional<SupplierSystem> find(String clientId) {
        return registry.find(clientId);
    }

    @Override
    public SupplierSystem register(SupplierSystem system) {
        Objects.requireNonNull(system, "system");
        try {
            transactions.inTransaction(() -> {
                registry.save(system);
                return null;
            });
        } finally {
            cache.forget(system.clientId());
        }
        return system;
    }

    @Override
    public int seed(List<SupplierSystem> systems) {
        List<SupplierSystem> seeds = List.copyOf(systems);
        try {
            return transactions.inTransaction(() -> registry.addMissing(seeds));
        } finally {
            seeds.forEach(system -> cache.forget(system.clientId()));
        }
    }
}
