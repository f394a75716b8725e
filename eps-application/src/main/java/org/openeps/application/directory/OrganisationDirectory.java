package org.openeps.application.directory;

import java.util.List;
import java.util.Optional;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.shared.OdsCode;

/** Where the organisation directory is kept. */
public interface OrganisationDirectory {

    /** The most organisations one search returns. */
    int SEARCH_LIMIT = 50;

    Optional<Organisation> find(OdsCode ods);

    /**
     * The organisations matching every criterion the search gives, ordered by name (ignoring case, then by ODS code),
     * at most {@link #SEARCH_LIMIT}: the name contains the given text ignoring case, the postcode starts with the given
     * prefix ignoring spaces and case, the kind is the given one.
     */
    List<Organisation> search(OrganisationSearch search);

    /**
     * Replaces the whole directory with these organisations (ODS codes unique), in the caller's transaction: until it
     * commits other transactions see the directory as it was, and if it rolls back nothing changed. Concurrent
     * replacements happen one after the other.
     */
    void replaceAll(List<Organisation> organisations);

    /** How many organisations the directory holds. */
    int count();
}
