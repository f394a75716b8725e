package org.openeps.application.prescription;

class InMemoryCancellationPlaceholdersTest extends CancellationPlaceholdersContract {

    private final InMemoryCancellationPlaceholders placeholders = new InMemoryCancellationPlaceholders();

    @Override
    protected CancellationPlaceholders placeholders() {
        return placeholders;
    }
}
