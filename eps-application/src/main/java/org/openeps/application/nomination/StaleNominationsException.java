package org.openeps.application.nomination;

/** The nominations were changed since the version the caller read (the HTTP adapter answers 412). */
public final class StaleNominationsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleNominationsException(String message) {
        super(message);
    }
}
