package org.openeps.application.shared;

/** An operator or load balancer asks whether the service can do its work. */
public interface CheckHealthUseCase {

    HealthReport check();

    /** @param databaseReachable whether the database answered */
    record HealthReport(boolean databaseReachable) {
        public boolean healthy() {
            return databaseReachable;
        }
    }
}
