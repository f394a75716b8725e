package org.openeps.adapters.http.web.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One browser's session, kept on the server: the browser holds only its random ID in a cookie. Its CSRF token goes
 * into every form the pages send, and a form posted without it is refused.
 */
public final class WebSession {

    private final String id;
    private final String csrfToken;
    private final Instant started;
    private volatile Instant lastSeen;
    private volatile SessionState state;

    WebSession(String id, String csrfToken, Instant started, SessionState state) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.started = started;
        this.lastSeen = started;
        this.state = Objects.requireNonNull(state, "state");
    }

    String id() {
        return id;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public SessionState state() {
        return state;
    }

    void moveTo(SessionState next) {
        this.state = Objects.requireNonNull(next, "state");
    }

    /** The person signed in, if anyone is. */
    public Optional<Person> person() {
        return state instanceof SessionState.SignedIn(Person person) ? Optional.of(person) : Optional.empty();
    }

    Instant started() {
        return started;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void seen(Instant now) {
        this.lastSeen = now;
    }
}
