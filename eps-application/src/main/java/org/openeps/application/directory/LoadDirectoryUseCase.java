package org.openeps.application.directory;

import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * Loads the organisation directory from a directory file: the whole directory is replaced in one transaction, or,
 * when the file has a malformed row, nothing changes.
 */
public interface LoadDirectoryUseCase {

    /**
     * Replaces the whole directory with the file's organisations (an administrator's reload).
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} naming every malformed line; the directory is unchanged
     */
    DirectoryLoaded load(LoadDirectoryCommand command);

    /** Loads the file only when the directory holds no organisation (at start); empty when it held some. */
    Optional<DirectoryLoaded> loadIfEmpty(LoadDirectoryCommand command);

    /** @param content the directory file's text */
    record LoadDirectoryCommand(String content) {
        public LoadDirectoryCommand {
            EpsException.require(content != null && !content.isBlank(), ErrorCode.MISSING_VALUE,
                    "The directory file is empty");
        }
    }

    /** @param organisations how many organisations the directory now holds */
    record DirectoryLoaded(int organisations) {
    }
}
