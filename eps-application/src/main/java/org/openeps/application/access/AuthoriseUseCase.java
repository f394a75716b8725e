package org.openeps.application.access;

import org.openeps.domain.access.AccessPolicy;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** Decides whether a caller may do what it asks, by {@link AccessPolicy} and the registry of supplier systems. */
public interface AuthoriseUseCase {

    /**
     * Returns when the caller may do the action, and throws otherwise.
     *
     * @throws EpsException {@link ErrorCode#ACCESS_DENIED} when the caller's kind or role may not,
     *     {@link ErrorCode#SUPPLIER_SYSTEM_NOT_ASSURED} when its supplier system is unknown, not assured for the
     *     action's feature, suspended or withdrawn
     */
    void authorise(Caller caller, Action action);
}
