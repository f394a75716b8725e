package org.openeps.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.access.AccessControl;
import org.openeps.adapters.http.access.AccessTokens;
import org.openeps.adapters.http.access.AdminRoutes;
import org.openeps.adapters.http.access.Authentication;
import org.openeps.adapters.http.access.DevTokenRoutes;
import org.openeps.adapters.http.access.DevTokens;
import org.openeps.adapters.http.access.RateLimits;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.persistence.access.DemoSupplierRegistry;
import org.openeps.adapters.persistence.access.JdbiSupplierSystemRegistry;
import org.openeps.adapters.persistence.audit.JdbiAuditTrail;
import org.openeps.application.access.AuthorisationService;
import org.openeps.application.access.AuthorisationService.SupplierSystemCache;
import org.openeps.application.access.ManageSupplierSystemsService;
import org.openeps.application.access.ManageSupplierSystemsUseCase;
import org.openeps.application.audit.AuditTrail;
import org.openeps.application.audit.ReadAuditTrailService;
import org.openeps.application.audit.RecordAuditService;
import org.openeps.adapters.http.directory.DirectoryRoutes;
import org.openeps.adapters.http.directory.OrganisationMapper;
import org.openeps.adapters.http.nomination.PatientMapper;
import org.openeps.adapters.http.nomination.PatientRoutes;
import org.openeps.adapters.persistence.nomination.JdbiNominationRepository;
import org.openeps.application.directory.NominatedOrganisations;
import org.openeps.application.nomination.ChangeNominationsService;
import org.openeps.application.nomination.FindNominationsService;
import org.openeps.application.nomination.NominationRepository;
import org.openeps.adapters.http.dispensing.ClaimMapper;
import org.openeps.adapters.http.dispensing.ClaimRoutes;
import org.openeps.adapters.http.dispensing.DispenseNotificationHandler;
import org.openeps.adapters.http.dispensing.DispenseNotificationMapper;
import org.openeps.adapters.http.dispensing.DispenserTaskMapper;
import org.openeps.adapters.http.dispensing.DispenserTaskRoutes;
import org.openeps.adapters.http.dispensing.ReleaseMapper;
import org.openeps.adapters.http.dispensing.ReleaseRoutes;
import org.openeps.adapters.http.prescription.CancelHandler;
import org.openeps.adapters.http.prescription.CancelMapper;
import org.openeps.adapters.persistence.directory.DirectoryCsv;
import org.openeps.adapters.persistence.directory.JdbiOrganisationDirectory;
import org.openeps.adapters.persistence.prescription.JdbiCancellationPlaceholders;
import org.openeps.adapters.persistence.prescription.JdbiPrescriptionHistory;
import org.openeps.application.directory.FindOrganisationsService;
import org.openeps.application.directory.LoadDirectoryService;
import org.openeps.application.directory.LoadDirectoryUseCase;
import org.openeps.application.directory.LoadDirectoryUseCase.LoadDirectoryCommand;
import org.openeps.application.directory.OrganisationDirectory;
import org.openeps.application.dispensing.ClaimPrescriptionService;
import org.openeps.application.dispensing.DispensePrescriptionService;
import org.openeps.application.dispensing.ReleasePrescriptionsService;
import org.openeps.application.dispensing.ReturnPrescriptionService;
import org.openeps.application.dispensing.RunScheduledWorkService;
import org.openeps.application.dispensing.RunScheduledWorkUseCase;
import org.openeps.application.dispensing.RunScheduledWorkUseCase.ScheduledWork;
import org.openeps.application.dispensing.WithdrawDispenseService;
import org.openeps.application.prescription.CancelPrescriptionService;
import org.openeps.application.prescription.CancellationPlaceholders;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.shared.ProcessOnceUseCase;
import org.openeps.adapters.http.HttpServer;
import org.openeps.adapters.http.ProcessMessageRoutes;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.prescription.PrescriptionOrderHandler;
import org.openeps.adapters.http.prescription.PrescriptionOrderMapper;
import org.openeps.adapters.http.prescription.TaskMapper;
import org.openeps.adapters.http.prescription.TaskRoutes;
import org.openeps.adapters.http.patient.PatientBundleMapper;
import org.openeps.adapters.http.patient.PatientPrescriptionRoutes;
import org.openeps.adapters.persistence.tracking.JdbiPharmacyStatuses;
import org.openeps.application.patient.ReadPatientPrescriptionsService;
import org.openeps.adapters.http.system.SystemRoutes;
import org.openeps.adapters.http.tracker.TrackerRoutes;
import org.openeps.adapters.persistence.tracker.JdbiTrackerQueries;
import org.openeps.application.tracker.ListPrescriptionsService;
import org.openeps.application.tracker.SearchPatientsService;
import org.openeps.application.tracker.ViewPrescriptionService;
import org.openeps.adapters.http.tracking.StatusUpdateMapper;
import org.openeps.adapters.http.tracking.StatusUpdateRoutes;
import org.openeps.application.tracking.UpdatePrescriptionStatusService;
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
import org.openeps.domain.shared.EpsException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: its database (the embedded one unless configured otherwise), the use cases wired to their
 * adapters with plain constructors, and the HTTP server. {@link #close()} stops everything in reverse order.
 */
public final class EpsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EpsService.class);
    /** How long a supplier system's registry entry is trusted before it is read again (changes made here apply at once). */
    private static final Duration SUPPLIER_SYSTEM_CACHE = Duration.ofSeconds(30);

    private final List<AutoCloseable> resources;
    private final HttpServer server;
    private final RunScheduledWorkUseCase scheduledWork;

    private EpsService(List<AutoCloseable> resources, HttpServer server, RunScheduledWorkUseCase scheduledWork) {
        this.resources = resources;
        this.server = server;
        this.scheduledWork = scheduledWork;
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
            Wiring wiring = new Wiring(database.jdbi(), clock, configuration.access(), configuration.web());
            loadDirectory(configuration, wiring.loadDirectory);
            if (configuration.access().devTokens()) {
                int added = wiring.supplierSystems.seed(DemoSupplierRegistry.systems());
                LOG.warn("Development tokens are on: anyone who can reach POST /dev/token can act as anyone. {} demo"
                        + " supplier systems added to the registry", added);
            }
            HttpServer server = HttpServer.start(configuration.port(), configuration.maxRequestBytes(),
                    configuration.httpThreads(), configuration.admission(), wiring.routes, wiring.accessControl,
                    wiring.web.errorPages());
            resources.add(server);
            if (!configuration.schedulerInterval().isZero()) {
                resources.add(new Scheduler(wiring.scheduledWork, configuration.schedulerInterval(),
                        configuration.schedulerBatchSize()));
            }
            return new EpsService(resources, server, wiring.scheduledWork);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * Loads the organisation directory when it is empty: from {@code EPS_DIRECTORY_CSV} when configured, else, on the
     * embedded default, from the sample shipped with the service. A malformed file stops the start.
     */
    private static void loadDirectory(Configuration configuration, LoadDirectoryUseCase directory) {
        String source;
        String content;
        if (configuration.directoryFile().isPresent()) {
            Path file = configuration.directoryFile().orElseThrow();
            source = file.toString();
            try {
                content = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("EPS_DIRECTORY_CSV: cannot read " + file + " as UTF-8 text", e);
            }
        } else if (configuration.database().isEmpty()) {
            source = "the sample shipped with the service";
            content = DirectoryCsv.sample();
        } else {
            return;
        }
        try {
            directory.loadIfEmpty(new LoadDirectoryCommand(content)).ifPresentOrElse(
                    loaded -> LOG.info("Organisation directory loaded from {}: {} organisations", source,
                            loaded.organisations()),
                    () -> LOG.info("Organisation directory already holds organisations; {} not loaded", source));
        } catch (EpsException e) {
            throw new EpsException(e.code(), "Organisation directory " + source + ": " + e.getMessage());
        }
    }

    /** The use cases on their adapters, with plain constructors in dependency order. */
    private static final class Wiring {
        private final List<Routes> routes;
        private final RunScheduledWorkUseCase scheduledWork;
        private final LoadDirectoryUseCase loadDirectory;
        private final ManageSupplierSystemsUseCase supplierSystems;
        private final AccessControl accessControl;
        private final WebPagesWiring web;

        Wiring(Jdbi jdbi, Clock clock, AccessSettings settings, WebSettings webSettings) {
            Transactions transactions = new JdbiTransactions(jdbi);
            AuditTrail auditTrail = new JdbiAuditTrail(jdbi);
            SupplierSystemCache supplierSystemCache = new SupplierSystemCache(new JdbiSupplierSystemRegistry(jdbi),
                    Clock.systemUTC(), SUPPLIER_SYSTEM_CACHE);
            this.supplierSystems = new ManageSupplierSystemsService(transactions,
                    new JdbiSupplierSystemRegistry(jdbi), supplierSystemCache);
            RequestAccess access = new RequestAccess(new AuthorisationService(supplierSystemCache),
                    new RecordAuditService(transactions, auditTrail), clock);
            Optional<DevTokens> devTokens = settings.devTokens()
                    ? Optional.of(DevTokens.generate(Clock.systemUTC())) : Optional.empty();
            this.web = WebPagesWiring.start(webSettings, settings.devTokens());
            this.accessControl = new AccessControl(new Authentication(devTokens.map(DevTokens::verifier)
                    .orElseGet(() -> verifier(settings)), web.sessions()), new RateLimits(settings.rateLimitPerMinute()),
                    access);
            PrescriptionRepository prescriptions = new JdbiPrescriptionRepository(jdbi);
            JdbiTrackerQueries trackerQueries = new JdbiTrackerQueries(jdbi);
            PrescriptionChanges changes = new PrescriptionChanges(prescriptions, new JdbiPrescriptionHistory(jdbi));
            CancellationPlaceholders placeholders = new JdbiCancellationPlaceholders(jdbi);
            ProcessOnceUseCase processOnce = new ProcessOnceService(transactions, new JdbiRecordedReplies(jdbi));
            FhirJson json = new FhirJson();
            this.scheduledWork = new RunScheduledWorkService(transactions, prescriptions, changes, clock);
            OrganisationDirectory directory = new JdbiOrganisationDirectory(jdbi);
            this.loadDirectory = new LoadDirectoryService(transactions, new DirectoryCsv(), directory);
            NominatedOrganisations nominatedOrganisations = new NominatedOrganisations(directory);
            NominationRepository nominations = new JdbiNominationRepository(jdbi);
            List<Routes> routes = new ArrayList<>(List.of(
                    new SystemRoutes(json, new CheckHealthService(new JdbiServiceHealth(jdbi)), version(), clock),
                    new ProcessMessageRoutes(json, processOnce, access, List.of(
                            new PrescriptionOrderHandler(json, new PrescriptionOrderMapper(),
                                    new CreatePrescriptionService(transactions, prescriptions, changes, placeholders,
                                            nominatedOrganisations, clock)),
                            new CancelHandler(json, new CancelMapper(),
                                    new CancelPrescriptionService(transactions, prescriptions, changes, placeholders,
                                            clock), clock),
                            new DispenseNotificationHandler(json, new DispenseNotificationMapper(),
                                    new DispensePrescriptionService(transactions, changes, clock)))),
                    new TaskRoutes(json, new TaskMapper(), new FindPrescriptionsService(prescriptions), access),
                    new TrackerRoutes(json, new ListPrescriptionsService(trackerQueries, clock),
                            new SearchPatientsService(trackerQueries, clock),
                            new ViewPrescriptionService(prescriptions, new JdbiPrescriptionHistory(jdbi),
                                    new JdbiPharmacyStatuses(jdbi), directory, clock), access),
                    new PatientPrescriptionRoutes(json, new PatientBundleMapper(),
                            new ReadPatientPrescriptionsService(prescriptions, new JdbiPrescriptionHistory(jdbi),
                                    new JdbiPharmacyStatuses(jdbi), directory, clock), access),
                    new ReleaseRoutes(json, processOnce, new ReleaseMapper(json),
                            new ReleasePrescriptionsService(transactions, prescriptions, changes, clock), access),
                    new DispenserTaskRoutes(json, processOnce, new DispenserTaskMapper(),
                            new ReturnPrescriptionService(transactions, changes, clock),
                            new WithdrawDispenseService(transactions, changes, clock), access),
                    new ClaimRoutes(json, processOnce, new ClaimMapper(),
                            new ClaimPrescriptionService(transactions, changes, clock), access),
                    new DirectoryRoutes(json, new OrganisationMapper(), new FindOrganisationsService(directory),
                            loadDirectory, access),
                    new PatientRoutes(json, new PatientMapper(), new FindNominationsService(nominations),
                            new ChangeNominationsService(transactions, nominations, nominatedOrganisations, clock),
                            access),
                    new AdminRoutes(json, access, supplierSystems, new ReadAuditTrailService(auditTrail))));
            devTokens.ifPresent(tokens -> routes.add(new DevTokenRoutes(json, tokens)));
            routes.add(new StatusUpdateRoutes(json, new StatusUpdateMapper(),
                    new UpdatePrescriptionStatusService(transactions, new JdbiPharmacyStatuses(jdbi), clock), access,
                    clock));
            routes.addAll(web.routes(jdbi, clock, access));
            this.routes = List.copyOf(routes);
        }

        /** The production key source: a JWKS file or URL, with the issuer and audience tokens must name. */
        private static AccessTokens verifier(AccessSettings settings) {
            String issuer = settings.issuer().orElseThrow();
            String audience = settings.audience().orElseThrow();
            return settings.jwksFile()
                    .map(file -> AccessTokens.fromFile(file, issuer, audience))
                    .orElseGet(() -> AccessTokens.fromUrl(settings.jwksUrl().orElseThrow(), issuer, audience));
        }
    }

    private static String version() {
        return Optional.ofNullable(EpsService.class.getPackage().getImplementationVersion()).orElse("development");
    }

    public int port() {
        return server.port();
    }

    /** Runs one batch of the time-driven work now, as the scheduler would (for tests that move the clock). */
    ScheduledWork runScheduledWork(int batchSize) {
        return scheduledWork.runOnce(batchSize);
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
