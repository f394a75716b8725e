package org.openeps.application.shared;

/** Whether the things the service depends on answer. */
public interface ServiceHealth {

    /** True when the database answers a trivial query within a short time. */
    boolean databaseReachable();
}
