package org.openeps.domain.audit;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The checks every text of an audit record passes: present and not blank, and storable exactly as given (no NUL
 * character, which PostgreSQL text cannot hold, and well-formed UTF-16, so that it reads back unchanged and its hash
 * still matches).
 */
final class AuditText {

    private AuditText() {
    }

    static void require(String value, String name) {
        EpsException.require(value != null && !value.isBlank(), ErrorCode.MISSING_VALUE,
                "The audit record's " + name + " is missing");
        EpsException.require(value.indexOf('\0') < 0 && StandardCharsets.UTF_8.newEncoder().canEncode(value),
                ErrorCode.INVALID_VALUE, "The audit record's " + name + " holds characters that cannot be stored");
    }

    static void requireOptional(Optional<String> value, String name) {
        EpsException.require(value != null, ErrorCode.MISSING_VALUE,
                "The audit record's " + name + " must be given (empty when there is none)");
        value.ifPresent(text -> require(text, name));
    }
}
