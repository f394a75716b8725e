package org.openeps.application.shared;

import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * What makes two requests "the same request sent again": the kind of identifier and its value, for example
 * ({@code bundle}, the message Bundle.identifier) or ({@code request}, the X-Request-ID of a Parameters body).
 */
public record RequestKey(String scope, String value) {

    public RequestKey {
        EpsException.require(scope != null && !scope.isBlank(), ErrorCode.MISSING_VALUE, "Request key scope is required");
        EpsException.require(value != null && !value.isBlank(), ErrorCode.MISSING_VALUE, "Request identifier is required");
        EpsException.require(value.length() <= 200, ErrorCode.INVALID_VALUE, "Request identifier is too long");
    }
}
