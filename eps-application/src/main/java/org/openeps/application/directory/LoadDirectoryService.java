package org.openeps.application.directory;

import java.util.List;
import java.util.Optional;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.directory.Organisation;

/** Reads the whole file first, then replaces the directory in one transaction. */
public final class LoadDirectoryService implements LoadDirectoryUseCase {

    private final Transactions transactions;
    private final DirectoryFile file;
    private final OrganisationDirectory directory;

    public LoadDirectoryService(Transactions transactions, DirectoryFile file, OrganisationDirectory directory) {
        this.transactions = transactions;
        this.file = file;
        this.directory = directory;
    }

    @Override
    public DirectoryLoaded load(LoadDirectoryCommand command) {
        List<Organisation> organisations = file.read(command.content());
        return transactions.inTransaction(() -> {
            directory.replaceAll(organisations);
            return new DirectoryLoaded(organisations.size());
        });
    }

    @Override
    public Optional<DirectoryLoaded> loadIfEmpty(LoadDirectoryCommand command) {
        List<Organisation> organisations = file.read(command.content());
        return transactions.inTransaction(() -> {
            if (directory.count() > 0) {
                return Optional.empty();
            }
            directory.replaceAll(organisations);
            return Optional.of(new DirectoryLoaded(organisations.size()));
        });
    }
}
