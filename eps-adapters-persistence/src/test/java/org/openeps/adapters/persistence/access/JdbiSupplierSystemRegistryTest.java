package org.openeps.adapters.persistence.access;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openeps.adapters.persistence.JdbiTransactions;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.application.access.SupplierSystemRegistry;
import org.openeps.application.access.SupplierSystemRegistryContract;
import org.openeps.application.shared.Transactions;

class JdbiSupplierSystemRegistryTest extends SupplierSystemRegistryContract {

    private static PostgresDatabase database;
    private static JdbiSupplierSystemRegistry registry;
    private static JdbiTransactions transactions;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        registry = new JdbiSupplierSystemRegistry(database.jdbi());
        transactions = new JdbiTransactions(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    /** The contract starts each test with an empty registry. */
    @BeforeEach
    void emptyRegistry() {
        database.jdbi().useHandle(handle -> handle.execute("delete from supplier_system"));
    }

    @Override
    protected SupplierSystemRegistry registry() {
        return registry;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
