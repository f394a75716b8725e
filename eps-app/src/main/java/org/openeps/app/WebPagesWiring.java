package org.openeps.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openeps.adapters.http.ErrorPages;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.BrowserSessions;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.web.Pages;
import org.openeps.adapters.http.web.WebAssets;
import org.openeps.adapters.http.web.patient.PatientPageRoutes;
import org.openeps.adapters.http.web.session.SessionSettings;
import org.openeps.adapters.http.web.session.WebSessions;
import org.openeps.adapters.http.web.signin.DemoUsers;
import org.openeps.adapters.http.web.signin.IdentityProvider;
import org.openeps.adapters.http.web.signin.SignInRoutes;
import org.openeps.adapters.http.web.tracker.TrackerPageRoutes;
import org.openeps.adapters.persistence.directory.JdbiOrganisationDirectory;
import org.openeps.adapters.persistence.prescription.JdbiPrescriptionHistory;
import org.openeps.adapters.persistence.prescription.JdbiPrescriptionRepository;
import org.openeps.adapters.persistence.tracker.JdbiTrackerQueries;
import org.openeps.adapters.persistence.tracking.JdbiPharmacyStatuses;
import org.openeps.application.directory.FindOrganisationsService;
import org.openeps.application.patient.ReadPatientPrescriptionsService;
import org.openeps.application.tracker.ListPrescriptionsService;
import org.openeps.application.tracker.SearchPatientsService;
import org.openeps.application.tracker.ViewPrescriptionService;

/**
 * The web pages wired to their use cases: the browser sessions, the sign-in (demo users with development tokens, else
 * the configured identity provider), the clinical tracker's pages and the patient page. Without development tokens
 * or an identity provider there are none, and the paths are the API's as before.
 */
final class WebPagesWiring {

    private final Optional<WebSessions> sessions;
    private final Optional<WebAssets> assets;
    private final Optional<Pages> pages;
    private final Optional<IdentityProvider> provider;
    private final String staffSystem;
    private final String patientSystem;

    private WebPagesWiring(Optional<WebSessions> sessions, Optional<WebAssets> assets, Optional<Pages> pages,
                           Optional<IdentityProvider> provider, String staffSystem, String patientSystem) {
        this.sessions = sessions;
        this.assets = assets;
        this.pages = pages;
        this.provider = provider;
        this.staffSystem = staffSystem;
        this.patientSystem = patientSystem;
    }

    /** The sessions and page renderer, before the routes (which need the access control built with the sessions). */
    static WebPagesWiring start(WebSettings settings, boolean devTokens) {
        if (!devTokens && settings.oidc().isEmpty()) {
            return new WebPagesWiring(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", "");
        }
        WebSessions sessions = new WebSessions(new SessionSettings(settings.secureCookie(), settings.sessionIdle(),
                WebSettings.MAX_SESSION), Clock.systemUTC());
        WebAssets assets = WebAssets.load();
        Pages pages = new Pages(assets, sessions);
        Optional<IdentityProvider> provider = settings.oidc().map(OidcProviders::connect);
        String staffSystem = settings.oidc().map(WebSettings.Oidc::clientId).orElse(DemoUsers.TRACKER_SYSTEM);
        String patientSystem = settings.oidc().map(WebSettings.Oidc::clientId).orElse(DemoUsers.PATIENT_APP);
        return new WebPagesWiring(Optional.of(sessions), Optional.of(assets), Optional.of(pages), provider,
                staffSystem, patientSystem);
    }

    Optional<BrowserSessions> sessions() {
        return sessions.map(BrowserSessions.class::cast);
    }

    Optional<ErrorPages> errorPages() {
        return pages.map(ErrorPages.class::cast);
    }

    /** The pages' routes (none without web pages). */
    List<Routes> routes(Jdbi jdbi, Clock clock, RequestAccess access) {
        if (sessions.isEmpty() || pages.isEmpty()) {
            return List.of();
        }
        WebSessions webSessions = sessions.orElseThrow();
        Pages renderer = pages.orElseThrow();
        JdbiOrganisationDirectory directory = new JdbiOrganisationDirectory(jdbi);
        List<Routes> routes = new ArrayList<>();
        routes.add(assets.orElseThrow());
        routes.add(new SignInRoutes(renderer, webSessions, new FindOrganisationsService(directory), provider,
                staffSystem, patientSystem));
        JdbiPrescriptionRepository prescriptions = new JdbiPrescriptionRepository(jdbi);
        JdbiPrescriptionHistory history = new JdbiPrescriptionHistory(jdbi);
        JdbiPharmacyStatuses pharmacyStatuses = new JdbiPharmacyStatuses(jdbi);
        JdbiTrackerQueries trackerQueries = new JdbiTrackerQueries(jdbi);
        routes.add(new TrackerPageRoutes(renderer, new ListPrescriptionsService(trackerQueries, clock),
                new SearchPatientsService(trackerQueries, clock),
                new ViewPrescriptionService(prescriptions, history, pharmacyStatuses, directory, clock), access,
                clock));
        routes.add(new PatientPageRoutes(renderer, webSessions, new ReadPatientPrescriptionsService(prescriptions,
                history, pharmacyStatuses, directory, clock), access));
        return routes;
    }
}
