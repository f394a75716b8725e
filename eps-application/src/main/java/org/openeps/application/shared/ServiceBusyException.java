package org.openeps.application.shared;

/**
 * The service could not take the request on now (no database connection became free in time): nothing was changed,
 * and the same request may be sent again shortly.
 */
public final class ServiceBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
