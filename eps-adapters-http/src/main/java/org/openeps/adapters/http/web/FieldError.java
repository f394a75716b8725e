package org.openeps.adapters.http.web;

import java.util.List;
import java.util.Optional;

/**
 * A problem with what someone entered in a form: shown in the error summary at the top of the page, linking to the
 * field, and again beside the field.
 *
 * @param field   the ID of the input it concerns (the summary links to it)
 * @param message what to do about it, as the NHS design system's error messages say it
 */
public record FieldError(String field, String message) {

    /** The error for a field, if any. */
    public static Optional<String> messageFor(List<FieldError> errors, String field) {
        return errors.stream().filter(error -> error.field().equals(field)).map(FieldError::message).findFirst();
    }

    /** Whether any error concerns one of the fields. */
    public static boolean any(List<FieldError> errors, String... fields) {
        return errors.stream().anyMatch(error -> List.of(fields).contains(error.field()));
    }
}
