package org.openeps.adapters.http.web.signin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.BrowserSessions;
import org.openeps.adapters.http.web.FieldError;
import org.openeps.adapters.http.web.Pages;
import org.openeps.adapters.http.web.Service;
import org.openeps.adapters.http.web.session.Identity;
import org.openeps.adapters.http.web.session.Person;
import org.openeps.adapters.http.web.session.SessionState;
import org.openeps.adapters.http.web.session.StaffRole;
import org.openeps.adapters.http.web.session.WebSession;
import org.openeps.adapters.http.web.session.WebSessions;
import org.openeps.application.directory.FindOrganisationsUseCase;
import org.openeps.domain.access.Caller;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/**
 * Signing in to the web pages and out again. With development tokens on, {@code /signin} lists the demo users to
 * pick from; otherwise it sends the browser to the configured identity provider (OpenID Connect), which sends it back
 * to {@code /signin/callback}. Staff with several roles then choose one at {@code /signin/role}. Signed in, staff go
 * to the tracker ({@code /site/}) and patients to their page ({@code /patient/}), or back to the page they asked for.
 */
public final class SignInRoutes implements Routes {

    static final String ROLE = BrowserSessions.SIGN_IN + "/role";
    static final String START = BrowserSessions.SIGN_IN + "/start";
    static final String CALLBACK = BrowserSessions.SIGN_IN + "/callback";

    private final Pages pages;
    private final WebSessions sessions;
    private final FindOrganisationsUseCase organisations;
    private final Optional<IdentityProvider> provider;
    private final String staffSystem;
    private final String patientSystem;

    /**
     * @param provider      the identity provider; empty for the demo users (development tokens)
     * @param staffSystem   the client ID staff's pages act through (the tracker), assured for tracking
     * @param patientSystem the client ID patients' pages act through
     */
    public SignInRoutes(Pages pages, WebSessions sessions, FindOrganisationsUseCase organisations,
                        Optional<IdentityProvider> provider, String staffSystem, String patientSystem) {
        this.pages = pages;
        this.sessions = sessions;
        this.organisations = organisations;
        this.provider = provider;
        this.staffSystem = staffSystem;
        this.patientSystem = patientSystem;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(BrowserSessions.HOME, this::home);
        routes.get(BrowserSessions.SIGN_IN, this::signInPage);
        routes.post(BrowserSessions.SIGN_IN, this::signInAsDemoUser);
        routes.get(START, this::startSignIn);
        routes.get(CALLBACK, this::finishSignIn);
        routes.get(ROLE, this::rolePage);
        routes.post(ROLE, this::chooseRole);
        routes.post(BrowserSessions.SIGN_OUT, this::signOut);
    }

    private void home(Context ctx) {
        Pages.redirect(ctx, sessions.current(ctx).flatMap(WebSession::person).map(SignInRoutes::homeOf)
                .orElse(BrowserSessions.SIGN_IN));
    }

    private void signInPage(Context ctx) {
        WebSession session = sessions.currentOrStart(ctx);
        if (session.person().isPresent()) {
            Pages.redirect(ctx, homeOf(session.person().orElseThrow()));
            return;
        }
        showSignIn(ctx, 200, List.of(), ctx.queryParam("signedout") != null);
    }

    private void showSignIn(Context ctx, int status, List<FieldError> errors, boolean signedOut) {
        List<UserOption> users = provider.isPresent() ? List.of() : DemoUsers.all().stream()
                .map(user -> new UserOption(user.key(), user.identity().name(), user.description()))
                .toList();
        pages.render(ctx, status, "signin.jte", pages.layout(ctx, errors.isEmpty() ? "Sign in" : "Error: Sign in",
                Service.TRACKER), Map.of("page", new SignInPage(provider.isEmpty(), users, errors, signedOut)));
    }

    private void signInAsDemoUser(Context ctx) {
        if (provider.isPresent()) {
            throw new EpsException(ErrorCode.ACCESS_DENIED, "Sign in with your identity provider");
        }
        WebSession session = sessions.currentOrStart(ctx);
        sessions.requireCsrf(ctx, session);
        Optional<DemoUsers.DemoUser> user = Optional.ofNullable(ctx.formParam("user")).flatMap(DemoUsers::find);
        if (user.isEmpty()) {
            showSignIn(ctx, 400, List.of(new FieldError("user-" + DemoUsers.all().getFirst().key(),
                    "Select who to sign in as")), false);
            return;
        }
        signedIn(ctx, session, user.orElseThrow().identity());
    }

    private void startSignIn(Context ctx) {
        IdentityProvider identityProvider = provider.orElseThrow(() -> new EpsException(ErrorCode.RESOURCE_NOT_FOUND,
                "Sign in by choosing a demo user"));
        WebSession session = sessions.currentOrStart(ctx);
        SessionState.PendingAuthorisation pending = identityProvider.newAuthorisation();
        Optional<String> returnTo = session.state() instanceof SessionState.SigningIn signingIn
                ? signingIn.returnTo() : Optional.empty();
        sessions.update(session, new SessionState.SigningIn(returnTo, Optional.of(pending)));
        Pages.redirect(ctx, identityProvider.authorisationRequest(pending).toString());
    }

    private void finishSignIn(Context ctx) {
        IdentityProvider identityProvider = provider.orElseThrow(() -> new EpsException(ErrorCode.RESOURCE_NOT_FOUND,
                "Sign in by choosing a demo user"));
        WebSession session = sessions.current(ctx).orElseThrow(() -> new EpsException(ErrorCode.ACCESS_DENIED,
                "Your sign-in took too long or started in another browser. Start again."));
        if (!(session.state() instanceof SessionState.SigningIn(var returnTo, var pending)) || pending.isEmpty()) {
            throw new EpsException(ErrorCode.ACCESS_DENIED, "No sign-in was under way in this browser. Start again.");
        }
        // the pending request is used once, whatever the answer
        sessions.update(session, new SessionState.SigningIn(returnTo, Optional.empty()));
        signedIn(ctx, session, identityProvider.identify(ctx.queryParamMap(), pending.orElseThrow()));
    }

    private void signedIn(Context ctx, WebSession session, Identity identity) {
        Optional<String> returnTo = session.state() instanceof SessionState.SigningIn signingIn
                ? signingIn.returnTo() : Optional.empty();
        switch (identity) {
            case Identity.Staff staff when staff.roles().isEmpty() -> throw new EpsException(ErrorCode.ACCESS_DENIED,
                    "You have no role at a prescribing or dispensing site");
            case Identity.Staff staff when staff.roles().size() == 1 ->
                    finish(ctx, session, staffMember(staff, staff.roles().getFirst()), returnTo);
            case Identity.Staff staff -> {
                sessions.renew(ctx, session, new SessionState.ChoosingRole(staff, returnTo));
                Pages.redirect(ctx, ROLE);
            }
            case Identity.Patient patient -> finish(ctx, session, new Person.Patient(patient.name(),
                    patient.actingForName(), new Caller.Patient(patient.nhsNumber(), patient.actingFor(),
                    patientSystem)), returnTo);
        }
    }

    private void finish(Context ctx, WebSession session, Person person, Optional<String> returnTo) {
        sessions.renew(ctx, session, new SessionState.SignedIn(person));
        String home = homeOf(person);
        Pages.redirect(ctx, returnTo.filter(path -> path.startsWith(home)).orElse(home));
    }

    private Person.Staff staffMember(Identity.Staff staff, StaffRole role) {
        return new Person.Staff(staff.name(), role, organisationName(role.organisation()),
                new Caller.User(staff.sdsUserId(), role.roleProfileId(), role.roleCode(), role.activities(),
                        role.organisation(), staffSystem));
    }

    private void rolePage(Context ctx) {
        Optional<WebSession> session = sessions.current(ctx);
        if (session.isEmpty() || !(session.orElseThrow().state() instanceof SessionState.ChoosingRole choosing)) {
            Pages.redirect(ctx, BrowserSessions.SIGN_IN);
            return;
        }
        showRoles(ctx, 200, choosing.staff(), List.of());
    }

    private void showRoles(Context ctx, int status, Identity.Staff staff, List<FieldError> errors) {
        List<RoleOption> roles = new ArrayList<>();
        for (StaffRole role : staff.roles()) {
            roles.add(new RoleOption(role.roleProfileId(), role.roleName(), organisationName(role.organisation()),
                    role.organisation().value()));
        }
        pages.render(ctx, status, "role.jte", pages.layout(ctx, errors.isEmpty() ? "Select your role"
                : "Error: Select your role", Service.TRACKER), Map.of("page", new RolePage(staff.name(), roles, errors)));
    }

    private void chooseRole(Context ctx) {
        Optional<WebSession> current = sessions.current(ctx);
        if (current.isEmpty() || !(current.orElseThrow().state() instanceof SessionState.ChoosingRole choosing)) {
            Pages.redirect(ctx, BrowserSessions.SIGN_IN);
            return;
        }
        WebSession session = current.orElseThrow();
        sessions.requireCsrf(ctx, session);
        Optional<StaffRole> role = Optional.ofNullable(ctx.formParam("role")).flatMap(choosing.staff()::role);
        if (role.isEmpty()) {
            showRoles(ctx, 400, choosing.staff(), List.of(new FieldError(
                    "role-" + choosing.staff().roles().getFirst().roleProfileId(), "Select your role")));
            return;
        }
        finish(ctx, session, staffMember(choosing.staff(), role.orElseThrow()), choosing.returnTo());
    }

    private void signOut(Context ctx) {
        Optional<WebSession> session = sessions.current(ctx);
        if (session.isPresent()) {
            sessions.requireCsrf(ctx, session.orElseThrow());
        }
        sessions.end(ctx);
        Pages.redirect(ctx, BrowserSessions.SIGN_IN + "?signedout");
    }

    private String organisationName(OdsCode ods) {
        return organisations.find(ods).map(Organisation::name).orElse(ods.value());
    }

    private static String homeOf(Person person) {
        return switch (person) {
            case Person.Staff ignored -> Service.TRACKER.home();
            case Person.Patient ignored -> Service.PATIENT.home();
        };
    }

    /** The sign-in page: the demo users to choose from, or a button to the identity provider. */
    public record SignInPage(boolean demo, List<UserOption> users, List<FieldError> errors, boolean signedOut) {
    }

    public record UserOption(String key, String name, String description) {
    }

    /** The role selection page. */
    public record RolePage(String name, List<RoleOption> roles, List<FieldError> errors) {
    }

    public record RoleOption(String roleProfileId, String roleName, String organisationName, String ods) {
    }
}
