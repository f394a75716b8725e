package org.openeps.application.directory;

import java.util.List;
import java.util.Optional;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.shared.OdsCode;

/** Reads the directory. */
public final class FindOrganisationsService implements FindOrganisationsUseCase {

    private final OrganisationDirectory directory;

    public FindOrganisationsService(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Organisation> find(OdsCode ods) {
        return directory.find(ods);
    }

    @Override
    public List<Organisation> search(OrganisationSearch search) {
        return directory.search(search);
    }
}
