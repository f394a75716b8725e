package org.openeps.domain.shared;

import java.util.Objects;

/**
 * The one exception the domain throws when a rule of EPS is broken. It carries the EPS {@link ErrorCode}
 * so that any adapter can report it to the caller in the caller's own terms.
 */
public final class EpsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public EpsException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The EPS error code of the broken rule. */
    public ErrorCode code() {
        return code;
    }

    /** Throws an {@code EpsException} with this code and message unless the condition holds. */
    public static void require(boolean condition, ErrorCode code, String message) {
        if (!condition) {
            throw new EpsException(code, message);
        }
    }
}
