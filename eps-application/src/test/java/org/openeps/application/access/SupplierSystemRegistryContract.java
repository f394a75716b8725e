package org.openeps.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.access.SupplierSystems.assured;
import static org.openeps.application.access.SupplierSystems.system;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.access.Feature;
import org.openeps.domain.access.SupplierSystem;
import org.openeps.domain.access.SupplierSystem.Status;

/**
 * What every {@link SupplierSystemRegistry} does, run against the in-memory fake and against PostgreSQL. Each test
 * starts with an empty registry: implementations clear their store before each test.
 */
public abstract class SupplierSystemRegistryContract {

    /** The registry under test, empty when the test starts. */
    protected abstract SupplierSystemRegistry registry();

    /** Transactions that the registry's calls on the same thread join. */
    protected abstract Transactions transactions();

    @Test
    void saved_system_reads_back_equal_in_every_field() {
        SupplierSystem pharmacy = new SupplierSystem("pharmacy-system-7f3a", "Example Supplier Ltd",
                "Example Pharmacy 'Plus'", "10.2.0-rc1", Set.of(Feature.DISPENSING, Feature.TRACKING,
                Feature.STATUS_UPDATE), Status.ASSURED);
        SupplierSystem everything = system("everything", Status.WITHDRAWN, Feature.values());
        SupplierSystem nothing = system("nothing", Status.SUSPENDED);

        registry().save(pharmacy);
        registry().save(everything);
        registry().save(nothing);

        assertThat(registry().find("pharmacy-system-7f3a")).contains(pharmacy);
        assertThat(registry().find("everything")).contains(everything);
        assertThat(registry().find("nothing")).contains(nothing);
    }

    @Test
    void unknown_client_id_is_not_found() {
        registry().save(assured("known", Feature.TRACKING));

        assertThat(registry().find("unknown")).isEmpty();
        assertThat(registry().find("KNOWN")).isEmpty();
        assertThat(registry().all()).hasSize(1);
    }

    @Test
    void saving_again_replaces_the_system_registered_under_its_client_id() {
        registry().save(assured("gp-system", Feature.PRESCRIBING, Feature.TRACKING));
        SupplierSystem suspended = new SupplierSystem("gp-system", "Another Supplier", "GP System Two", "3.0.0",
                Set.of(Feature.PRESCRIBING), Status.SUSPENDED);

        registry().save(suspended);

        assertThat(registry().find("gp-system")).contains(suspended);
        assertThat(registry().all()).containsExactly(suspended);
    }

    @Test
    void all_is_ordered_by_client_id_by_character_code() {
        List.of("demo-tracker", "b", "B", "a_1", "a-1", "a", "demo-dispensing")
                .forEach(clientId -> registry().save(assured(clientId, Feature.TRACKING)));

        assertThat(registry().all()).extracting(SupplierSystem::clientId)
                .containsExactly("B", "a", "a-1", "a_1", "b", "demo-dispensing", "demo-tracker");
    }

    @Test
    void empty_registry_holds_nothing() {
        assertThat(registry().all()).isEmpty();
        assertThat(registry().addMissing(List.of())).isZero();
        assertThat(registry().all()).isEmpty();
    }

    @Test
    void add_missing_adds_only_client_ids_not_registered_and_counts_them() {
        SupplierSystem changedByOperator = system("demo-dispensing", Status.SUSPENDED, Feature.DISPENSING);
        registry().save(changedByOperator);
        SupplierSystem tracker = assured("demo-tracker", Feature.TRACKING);
        SupplierSystem prescribing = assured("demo-prescribing", Feature.PRESCRIBING);

        int added = registry().addMissing(
                List.of(tracker, assured("demo-dispensing", Feature.DISPENSING), prescribing));

        assertThat(added).isEqualTo(2);
        assertThat(registry().all()).containsExactly(changedByOperator, prescribing, tracker);
        assertThat(registry().addMissing(List.of(tracker, prescribing))).isZero();
        assertThat(registry().all()).hasSize(3);
    }

    @Test
    void add_missing_registers_a_client_id_given_twice_as_first_given() {
        SupplierSystem first = assured("twice", Feature.TRACKING);

        int added = registry().addMissing(List.of(first, system("twice", Status.WITHDRAWN, Feature.DISPENSING)));

        assertThat(added).isEqualTo(1);
        assertThat(registry().all()).containsExactly(first);
    }

    @Test
    void changes_in_a_transaction_that_fails_are_undone() {
        SupplierSystem before = assured("gp-system", Feature.PRESCRIBING);
        registry().save(before);

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            registry().save(system("gp-system", Status.WITHDRAWN, Feature.PRESCRIBING));
            registry().addMissing(List.of(assured("new-system", Feature.TRACKING)));
            throw new IllegalStateException("the rest of the work failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(registry().all()).containsExactly(before);
    }

    @Test
    void changes_in_a_transaction_are_seen_inside_it_and_kept_when_it_ends() {
        SupplierSystem system = assured("gp-system", Feature.PRESCRIBING);

        int added = transactions().inTransaction(() -> {
            registry().save(system);
            assertThat(registry().find("gp-system")).contains(system);
            return registry().addMissing(List.of(system, assured("tracker", Feature.TRACKING)));
        });

        assertThat(added).isEqualTo(1);
        assertThat(registry().all()).extracting(SupplierSystem::clientId).containsExactly("gp-system", "tracker");
    }
}
