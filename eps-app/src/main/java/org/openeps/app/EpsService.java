package org.openeps.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.HttpServer;
import org.openeps.adapters.http.ProcessMessageRoutes;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.prescription.PrescriptionOrderHandler;
import org.openeps.adapters.http.prescription.PrescriptionOrderMapper;
import org.openeps.adapters.http.prescription.TaskMapper;
import org.openeps.adapters.http.prescription.TaskRoutes;
import org.openeps.adapters.http.system.SystemRoutes;
import org.openeps.adapters.persistence.DatabaseSettings;
import org.openeps.adapters.persistence.JdbiTransactions;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.embedded.EmbeddedPostgres;
import org.openeps.adapters.persistence.prescription.JdbiPrescriptionRepository;
import org.openeps.adapters.persistence.shared.JdbiRecordedReplies;
import org.openeps.adapters.persistence.shared.JdbiServiceHealth;
import org.openeps.application.prescription.CreatePrescriptionService;
import org.openeps.application.prescription.FindPrescriptionsService;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.application.shared.CheckHealthService;
import org.openeps.application.shared.ProcessOnceService;
import org.openeps.application.shared.Transactions;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: its database (the embedded one unless configured otherwise), the use cases wired to their
 * adapters with plain constructors, and the HTTP server. {@link #close()} stops everything in reverse order.
 */
public final class EpsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EpsService.class);

    private final List<AutoCloseable> resources;
    private final HttpServer server;

    private EpsService(List<AutoCloseable> resources, HttpServer server) {
        this.resources = resources;
        this.server = server;
    }

    public static EpsService start(Configuration configuration, Clock clock) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            DatabaseSettings settings = configuration.database().orElseGet(() -> {
                LOG.info("No EPS_DATABASE_URL set: starting the embedded PostgreSQL in {}", configuration.dataDirectory());
                EmbeddedPostgres embedded = EmbeddedPostgres.start(configuration.dataDirectory());
                resources.add(embedded);
                return new DatabaseSettings(embedded.jdbcUrl("postgres"), embedded.user(), "",
                        configuration.embeddedPoolSize());
            });
            PostgresDatabase database = PostgresDatabase.open(settings);
            resources.add(database);
            HttpServer server = HttpServer.start(configuration.port(), configuration.maxRequestBytes(),
                    configuration.httpThreads(), routes(database.jdbi(), clock));
            resources.add(server);
            return new EpsService(resources, server);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static List<Routes> routes(Jdbi jdbi, Clock clock) {
        Transactions transactions = new JdbiTransactions(jdbi);
        PrescriptionRepository prescriptions = new JdbiPrescriptionRepository(jdbi);
        FhirJson json = new FhirJson();
        return List.of(
                new SystemRoutes(json, new CheckHealthService(new JdbiServiceHealth(jdbi)), version(), clock),
                new ProcessMessageRoutes(json, new ProcessOnceService(transactions, new JdbiRecordedReplies(jdbi)),
                        List.of(new PrescriptionOrderHandler(json, new PrescriptionOrderMapper(),
                                new CreatePrescriptionService(transactions, prescriptions, clock)))),
                new TaskRoutes(json, new TaskMapper(), new FindPrescriptionsService(prescriptions)));
    }

    private static String version() {
        return Optional.ofNullable(EpsService.class.getPackage().getImplementationVersion()).orElse("development");
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("Failed to stop {}", resources.get(i), e);
            }
        }
        resources.clear();
    }
}
