package org.openeps.application.prescription;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.prescription.CancellationPlaceholder;
import org.openeps.domain.prescription.PrescriptionId;

/** {@link CancellationPlaceholders} in memory: the first cancellation kept per ID, undone with a failed transaction. */
public final class InMemoryCancellationPlaceholders implements CancellationPlaceholders, InMemoryTransactions.Participant {

    private final Map<PrescriptionId, CancellationPlaceholder> kept = new LinkedHashMap<>();

    @Override
    public synchronized void keep(CancellationPlaceholder placeholder) {
        kept.putIfAbsent(placeholder.prescriptionId(), placeholder);
    }

    @Override
    public synchronized Optional<CancellationPlaceholder> take(PrescriptionId id) {
        return Optional.ofNullable(kept.remove(id));
    }

    @Override
    public synchronized Optional<CancellationPlaceholder> find(PrescriptionId id) {
        return Optional.ofNullable(kept.get(id));
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<PrescriptionId, CancellationPlaceholder> then = new LinkedHashMap<>(kept);
        return () -> {
            synchronized (this) {
                kept.clear();
                kept.putAll(then);
            }
        };
    }
}
