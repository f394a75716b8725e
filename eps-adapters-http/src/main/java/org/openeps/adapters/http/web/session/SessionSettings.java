package org.openeps.adapters.http.web.session;

import java.time.Duration;

/**
 * How browser sessions behave.
 *
 * @param secureCookie whether the session cookie is marked {@code Secure} (sent over HTTPS only)
 * @param idleTimeout  how long a session lasts without a request before the person must sign in again
 * @param maxLifetime  how long a session lasts at most, however busy
 */
public record SessionSettings(boolean secureCookie, Duration idleTimeout, Duration maxLifetime) {

    public SessionSettings {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxLifetime.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("A session's idle timeout must be positive and at most its lifetime");
        }
    }
}
