package org.openeps.application.directory;

import java.util.List;
import java.util.Optional;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.shared.OdsCode;

/** Looks organisations up in the directory: by ODS code, or by name, postcode and kind. */
public interface FindOrganisationsUseCase {

    Optional<Organisation> find(OdsCode ods);

    /** At most {@link OrganisationDirectory#SEARCH_LIMIT}, ordered by name. */
    List<Organisation> search(OrganisationSearch search);
}
