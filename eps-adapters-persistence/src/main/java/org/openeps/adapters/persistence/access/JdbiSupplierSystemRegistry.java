package org.openeps.adapters.persistence.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.openeps.application.access.SupplierSystemRegistry;
import org.openeps.domain.access.Feature;
import org.openeps.domain.access.SupplierSystem;

/**
 * The registry in the {@code supplier_system} table, one row per client ID. Saving upserts on the primary key;
 * adding the missing ones inserts with {@code on conflict do nothing}, so two processes seeding at once do not fail.
 */
public final class JdbiSupplierSystemRegistry implements SupplierSystemRegistry {

    private final Dao dao;

    public JdbiSupplierSystemRegistry(Jdbi jdbi) {
        this.dao = jdbi.onDemand(Dao.class);
    }

    @Override
    public Optional<SupplierSystem> find(String clientId) {
        return dao.find(clientId).map(JdbiSupplierSystemRegistry::toSystem);
    }

    @Override
    public List<SupplierSystem> all() {
        return dao.all().stream().map(JdbiSupplierSystemRegistry::toSystem).toList();
    }

    @Override
    public void save(SupplierSystem system) {
        dao.save(toRow(system));
    }

    @Override
    public int addMissing(List<SupplierSystem> systems) {
        if (systems.isEmpty()) {
            return 0;
        }
        return Arrays.stream(dao.addMissing(systems.stream().map(JdbiSupplierSystemRegistry::toRow).toList())).sum();
    }

    private static SupplierSystemRow toRow(SupplierSystem system) {
        String[] features = system.features().stream().sorted().map(Feature::name).toArray(String[]::new);
        return new SupplierSystemRow(system.clientId(), system.supplier(), system.product(), system.version(), features,
                system.status().name());
    }

    private static SupplierSystem toSystem(SupplierSystemRow row) {
        EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
        Arrays.stream(row.features()).map(Feature::valueOf).forEach(features::add);
        return new SupplierSystem(row.clientId(), row.supplier(), row.product(), row.version(), features,
                SupplierSystem.Status.valueOf(row.status()));
    }

    /** A row of {@code supplier_system}, without {@code updated_at}; features by name, in the enum's order. */
    public record SupplierSystemRow(String clientId, String supplier, String product, String version,
                                    String[] features, String status) {
    }

    @RegisterConstructorMapper(SupplierSystemRow.class)
    interface Dao {
        @SqlQuery("""
                select client_id, supplier, product, version, features, status
                from supplier_system where client_id = :clientId
                """)
        Optional<SupplierSystemRow> find(@Bind("clientId") String clientId);

        @SqlQuery("""
                select client_id, supplier, product, version, features, status
                from supplier_system
                order by client_id collate "C"
                """)
        List<SupplierSystemRow> all();

        @SqlUpdate("""
                insert into supplier_system (client_id, supplier, product, version, features, status)
                values (:clientId, :supplier, :product, :version, :features, :status)
                on conflict (client_id) do update
                set supplier = excluded.supplier, product = excluded.product, version = excluded.version,
                    features = excluded.features, status = excluded.status, updated_at = now()
                """)
        void save(@BindMethods SupplierSystemRow row);

        @SqlBatch("""
                insert into supplier_system (client_id, supplier, product, version, features, status)
                values (:clientId, :supplier, :product, :version, :features, :status)
                on conflict (client_id) do nothing
                """)
        int[] addMissing(@BindMethods List<SupplierSystemRow> rows);
    }
}
