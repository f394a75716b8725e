package org.openeps.application.prescription;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.PrescriptionId;

/**
 * {@link PrescriptionHistory} in memory, behaving as {@code JdbiPrescriptionHistory} does (the
 * {@link PrescriptionHistoryContract} holds both to it): times kept to the microsecond, a prescription's events oldest
 * first, those at the same moment in the order recorded. Pass it to {@link InMemoryTransactions} so that a transaction
 * that fails undoes what it recorded.
 */
public final class InMemoryPrescriptionHistory implements PrescriptionHistory, InMemoryTransactions.Participant {

    private final List<HistoryEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(HistoryEvent event) {
        events.add(new HistoryEvent(event.prescriptionId(), event.issueNumber(), event.at().truncatedTo(ChronoUnit.MICROS),
                event.organisation(), event.person(), event.event(), event.status(), event.itemStatuses(),
                event.messageId(), event.reasons()));
    }

    @Override
    public synchronized List<HistoryEvent> findFor(PrescriptionId id) {
        return events.stream()
                .filter(event -> event.prescriptionId().equals(id))
                .sorted(Comparator.comparing(HistoryEvent::at))
                .toList();
    }

    @Override
    public synchronized Runnable checkpoint() {
        List<HistoryEvent> then = List.copyOf(events);
        return () -> {
            synchronized (this) {
                events.clear();
                events.addAll(then);
            }
        };
    }
}
