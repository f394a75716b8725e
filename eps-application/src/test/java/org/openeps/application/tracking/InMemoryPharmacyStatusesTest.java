package org.openeps.application.tracking;

class InMemoryPharmacyStatusesTest extends PharmacyStatusesContract {

    private final InMemoryPharmacyStatuses store = new InMemoryPharmacyStatuses();

    @Override
    protected PharmacyStatusLog log() {
        return store;
    }

    @Override
    protected PharmacyStatuses statuses() {
        return store;
    }
}
