package org.openeps.domain.prescription;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * Builds {@link PrescriptionOrder}s for tests: by default a valid acute primary-care prescription from England
 * with one item, signed 2026-03-10T09:00:00Z and starting that day. Each method changes one thing.
 */
final class PrescriptionOrderBuilder {

    static final Instant AUTHORED_ON = Instant.parse("2026-03-10T09:00:00Z");
    static final LocalDate PRESCRIPTION_DATE = LocalDate.of(2026, 3, 10);

    private PrescriptionType type = new PrescriptionType("0101");
    private TreatmentType treatmentType = TreatmentType.ACUTE;
    private List<LineItem> items = List.of(item(1));
    private Optional<NominatedDispenser> nomination = Optional.empty();
    private Instant authoredOn = AUTHORED_ON;
    private LocalDate startDate = PRESCRIPTION_DATE;
    private Optional<Integer> daysSupply = Optional.empty();
    private int numberOfIssues = 1;

    static PrescriptionOrderBuilder anOrder() {
        return new PrescriptionOrderBuilder();
    }

    /** An eRD prescription with this many issues, each supplying 28 days. */
    static PrescriptionOrderBuilder anErdOrder(int numberOfIssues) {
        return anOrder().treatmentType(TreatmentType.REPEAT_DISPENSING).numberOfIssues(numberOfIssues).daysSupply(28);
    }

    /** Item {@code n} (1, 2, ...): a distinct line item ID for each n. */
    static LineItem item(int n) {
        LineItemId id = new LineItemId(String.format(Locale.ROOT, "a54219b8-f741-4c47-b662-%012d", n));
        return new LineItem(id, new Medication("39720311000001101", "Paracetamol 500mg soluble tablets"),
                new Quantity(new BigDecimal("60"), "tablet"), "2 tablets up to four times a day");
    }

    /**
     * Item statuses for items 1, 2, ... in order, by EPS code: {@code itemStatuses("0001", "0004")} gives item 1
     * fully dispensed and item 2 not dispensed owing. For issues and dispense notifications.
     */
    static Map<LineItemId, ItemStatus> itemStatuses(String... codes) {
        Map<LineItemId, ItemStatus> statuses = new LinkedHashMap<>();
        for (int n = 1; n <= codes.length; n++) {
            statuses.put(item(n).id(), ItemStatus.fromCode(codes[n - 1]));
        }
        return statuses;
    }

    PrescriptionOrderBuilder type(String code) {
        this.type = new PrescriptionType(code);
        return this;
    }

    PrescriptionOrderBuilder treatmentType(TreatmentType treatmentType) {
        this.treatmentType = treatmentType;
        return this;
    }

    /** Items 1 to {@code count}. */
    PrescriptionOrderBuilder items(int count) {
        List<LineItem> numbered = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            numbered.add(item(n));
        }
        this.items = numbered;
        return this;
    }

    PrescriptionOrderBuilder items(LineItem... items) {
        this.items = List.of(items);
        return this;
    }

    PrescriptionOrderBuilder nominatedTo(String odsCode) {
        this.nomination = Optional.of(new NominatedDispenser(new OdsCode(odsCode), DispensingSiteType.PHARMACY));
        return this;
    }

    PrescriptionOrderBuilder startDate(LocalDate startDate) {
        this.startDate = startDate;
        return this;
    }

    PrescriptionOrderBuilder daysSupply(int days) {
        this.daysSupply = Optional.of(days);
        return this;
    }

    PrescriptionOrderBuilder noDaysSupply() {
        this.daysSupply = Optional.empty();
        return this;
    }

    PrescriptionOrderBuilder numberOfIssues(int numberOfIssues) {
        this.numberOfIssues = numberOfIssues;
        return this;
    }

    PrescriptionOrder build() {
        return new PrescriptionOrder(
                new PrescriptionId("A0548B-A99968-451485"),
                new LongFormPrescriptionId("20ba5fb5-cb58-462c-923e-22d180b09356"),
                type,
                treatmentType,
                new Prescriber(Optional.of("Dr Jane Smith"), Optional.of("555086689106"),
                        Optional.of("555086718101"), Optional.of("R8000"), new OdsCode("A83008"),
                        Optional.of("Halton Clinic")),
                new Patient(new NhsNumber("9449304130"), Optional.of("Taylor"), List.of("Ellie"),
                        Optional.of(LocalDate.of(2013, 5, 5)), Optional.of("female"), Optional.of("LS6 1JL")),
                items,
                nomination,
                authoredOn,
                startDate,
                daysSupply,
                numberOfIssues);
    }
}
