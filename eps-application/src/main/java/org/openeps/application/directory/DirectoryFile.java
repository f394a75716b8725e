package org.openeps.application.directory;

import java.util.List;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** Reads a directory file (the documented CSV format, docs/directory-csv.md) into organisations. */
public interface DirectoryFile {

    /**
     * Every organisation in the file, in file order, or none at all.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} naming the line of every malformed row, when any row is
     *                      malformed, a code repeats or the file holds no organisation
     */
    List<Organisation> read(String content);
}
