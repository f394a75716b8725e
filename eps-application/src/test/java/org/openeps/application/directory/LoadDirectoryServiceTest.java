package org.openeps.application.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.directory.Organisations.hallgarth;
import static org.openeps.application.directory.Organisations.onlinePharmacy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openeps.application.directory.LoadDirectoryUseCase.DirectoryLoaded;
import org.openeps.application.directory.LoadDirectoryUseCase.LoadDirectoryCommand;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

class LoadDirectoryServiceTest {

    /** Files by name: "bad" is malformed on line 3. */
    private static final Map<String, List<Organisation>> FILES = Map.of(
            "first", List.of(hallgarth()),
            "second", List.of(onlinePharmacy()));

    private final InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory();
    private final DirectoryFile file = content -> {
        if (!FILES.containsKey(content)) {
            throw new EpsException(ErrorCode.INVALID_VALUE, "line 3: kind is missing");
        }
        return FILES.get(content);
    };
    private final LoadDirectoryService service =
            new LoadDirectoryService(new InMemoryTransactions(directory), file, directory);
    private final FindOrganisationsService find = new FindOrganisationsService(directory);

    @Test
    void load_replaces_the_whole_directory() {
        service.load(new LoadDirectoryCommand("first"));

        DirectoryLoaded loaded = service.load(new LoadDirectoryCommand("second"));

        assertThat(loaded.organisations()).isEqualTo(1);
        assertThat(find.find(new OdsCode("A83008"))).isEmpty();
        assertThat(find.find(new OdsCode("FZ001"))).contains(onlinePharmacy());
    }

    @Test
    void malformed_file_changes_nothing() {
        service.load(new LoadDirectoryCommand("first"));

        assertThatThrownBy(() -> service.load(new LoadDirectoryCommand("bad")))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.getMessage()).contains("line 3"));

        assertThat(find.find(new OdsCode("A83008"))).contains(hallgarth());
        assertThat(directory.count()).isEqualTo(1);
    }

    @Test
    void load_if_empty_loads_only_an_empty_directory() {
        assertThat(service.loadIfEmpty(new LoadDirectoryCommand("first"))).contains(new DirectoryLoaded(1));

        assertThat(service.loadIfEmpty(new LoadDirectoryCommand("second"))).isEmpty();

        assertThat(find.find(new OdsCode("A83008"))).contains(hallgarth());
        assertThat(find.find(new OdsCode("FZ001"))).isEmpty();
    }

    @Test
    void empty_file_is_refused() {
        assertThatThrownBy(() -> new LoadDirectoryCommand(" \n"))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }
}
