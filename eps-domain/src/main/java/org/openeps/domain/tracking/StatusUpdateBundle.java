package org.openeps.domain.tracking;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Prescription Status Update request as received: a FHIR Bundle that must be of type {@code transaction}, and its
 * entries, each a Task about one item.
 *
 * @param resourceType the body's {@code resourceType}, which must be {@code Bundle}
 * @param type         {@code Bundle.type}, which must be {@code transaction}
 * @param entries      {@code Bundle.entry}, in order; empty when it was not sent
 */
public record StatusUpdateBundle(Optional<String> resourceType, Optional<String> type, List<StatusUpdateEntry> entries) {

    public StatusUpdateBundle {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(type, "type");
        entries = List.copyOf(entries);
    }
}
