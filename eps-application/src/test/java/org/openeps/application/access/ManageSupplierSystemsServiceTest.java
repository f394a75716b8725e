package org.openeps.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.access.SupplierSystems.assured;
import static org.openeps.application.access.SupplierSystems.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.access.Feature;
import org.openeps.domain.access.SupplierSystem;
import org.openeps.domain.access.SupplierSystem.Status;

class ManageSupplierSystemsServiceTest {

    private final InMemorySupplierSystemRegistry registry = new InMemorySupplierSystemRegistry();
    private final InMemoryTransactions transactions = new InMemoryTransactions(registry);
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
    private final ManageSupplierSystemsService service = new ManageSupplierSystemsService(transactions, registry,
            new AuthorisationService.SupplierSystemCache(registry, clock, Duration.ofSeconds(60)));

    @Test
    void register_adds_or_replaces_by_client_id() {
        SupplierSystem tracker = assured("tracker", Feature.TRACKING);
        SupplierSystem gp = assured("gp-system", Feature.PRESCRIBING);
        SupplierSystem withdrawn = system("gp-system", Status.WITHDRAWN, Feature.PRESCRIBING);

        assertThat(service.register(tracker)).isEqualTo(tracker);
        service.register(gp);
        assertThat(service.register(withdrawn)).isEqualTo(withdrawn);

        assertThat(service.all()).containsExactly(withdrawn, tracker);
        assertThat(service.find("gp-system")).contains(withdrawn);
        assertThat(service.find("unknown")).isEmpty();
    }

    @Test
    void seed_adds_only_what_is_missing_and_keeps_an_administrators_changes() {
        SupplierSystem suspendedByAdministrator = system("demo-dispensing", Status.SUSPENDED, Feature.DISPENSING);
        service.register(suspendedByAdministrator);
        List<SupplierSystem> demo = List.of(assured("demo-dispensing", Feature.DISPENSING),
                assured("demo-tracker", Feature.TRACKING));

        assertThat(service.seed(demo)).isEqualTo(1);
        assertThat(service.seed(demo)).isZero();

        assertThat(service.all()).containsExactly(suspendedByAdministrator, assured("demo-tracker", Feature.TRACKING));
    }

    @Test
    void a_failed_seed_changes_nothing() {
        SupplierSystemRegistry brokenHalfway = new SupplierSystemRegistry() {
            @Override
            public Optional<SupplierSystem> find(String clientId) {
                return registry.find(clientId);
            }

            @Override
            public List<SupplierSystem> all() {
                return registry.all();
            }

            @Override
            public void save(SupplierSystem system) {
                registry.save(system);
            }

            @Override
            public int addMissing(List<SupplierSystem> systems) {
                registry.addMissing(systems.subList(0, 1));
                throw new IllegalStateException("the database went away");
            }
        };
        ManageSupplierSystemsService broken = new ManageSupplierSystemsService(transactions, brokenHalfway,
                new AuthorisationService.SupplierSystemCache(registry, clock, Duration.ZERO));

        assertThatThrownBy(() -> broken.seed(List.of(assured("a", Feature.TRACKING), assured("b", Feature.TRACKING))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(registry.all()).isEmpty();
    }
}
