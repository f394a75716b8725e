package org.openeps.application.tracking;

import java.util.List;

/**
 * A status update bundle holds a Task ID already stored (a resent update), or the same Task ID twice: nothing of the
 * bundle is stored. The Prescription Status Update API answers it 409 {@code duplicate}.
 */
public final class DuplicateStatusUpdateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> taskIds;

    public DuplicateStatusUpdateException(List<String> taskIds) {
        super("Task IDs already stored: " + taskIds);
        this.taskIds = List.copyOf(taskIds);
    }

    /** The Task IDs already stored (or given twice), in the order of the bundle. */
    public List<String> taskIds() {
        return taskIds;
    }
}
