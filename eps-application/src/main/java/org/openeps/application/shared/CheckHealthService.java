package org.openeps.application.shared;

/** Asks each dependency whether it answers. */
public final class CheckHealthService implements CheckHealthUseCase {

    private final ServiceHealth health;

    public CheckHealthService(ServiceHealth health) {
        this.health = health;
    }

    @Override
    public HealthReport check() {
        return new HealthReport(health.databaseReachable());
    }
}
