package org.openeps.application.prescription;

/** A prescription changed between being loaded and being stored; the change was not applied. */
public final class ConcurrentUpdateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
