package org.openeps.application.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.openeps.application.directory.Organisations;
import org.openeps.domain.prescription.CancellationPlaceholder;
import org.openeps.domain.shared.OdsCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openeps.application.prescription.CreatePrescriptionUseCase.CreatePrescriptionCommand;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;

class CreatePrescriptionServiceTest {

    /** 10:15 on 10 March 2026 in London (GMT). */
    private static final Instant NOW = Instant.parse("2026-03-10T10:15:30Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final InMemoryPrescriptionRepository prescriptions = new InMemoryPrescriptionRepository();
    private final InMemoryPrescriptionHistory history = new InMemoryPrescriptionHistory();
    private final InMemoryCancellationPlaceholders placeholders = new InMemoryCancellationPlaceholders();
    private final CreatePrescriptionService service = serviceAt(NOW);

    @Test
    void a_nominated_dispenser_must_be_an_open_organisation_of_the_site_types_kind() {
        for (var dispenser : java.util.List.of(
                new org.openeps.domain.prescription.NominatedDispenser(OdsCode.parse("FXX99"),
                        org.openeps.domain.prescription.DispensingSiteType.PHARMACY),
                new org.openeps.domain.prescription.NominatedDispenser(OdsCode.parse("FA565"),
                        org.openeps.domain.prescription.DispensingSiteType.APPLIANCE_CONTRACTOR),
                new org.openeps.domain.prescription.NominatedDispenser(OdsCode.parse("A83008"),
                        org.openeps.domain.prescription.DispensingSiteType.PHARMACY))) {
            PrescriptionOrder base = erdOrder(newId(), newPatient(), 1);
            PrescriptionOrder order = new PrescriptionOrder(base.id(), base.longFormId(), base.type(),
                    base.treatmentType(), base.prescriber(), base.patient(), base.items(), Optional.of(dispenser),
                    base.authoredOn(), base.startDate(), base.daysSupply(), base.numberOfIssues());

            assertThatThrownBy(() -> service.create(new CreatePrescriptionCommand(order, "{}")))
                    .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.INVALID_NOMINATED_DISPENSER));
            assertThat(prescriptions.findById(order.id())).isEmpty();
        }
    }

    @Test
    void arrival_is_recorded_in_the_history() {
        PrescriptionOrder order = acuteOrder(newId(), newPatient());

        service.create(new CreatePrescriptionCommand(order, "{}"));

        assertThat(history.findFor(order.id())).singleElement()
                .satisfies(event -> assertThat(event.event()).isEqualTo("prescription-order"))
                .satisfies(event -> assertThat(event.status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED));
    }

    @Test
    void arrival_is_recorded_as_made_by_the_prescriber_named_in_the_order() {
        PrescriptionOrder named = erdOrder(newId(), newPatient(), 1);
        PrescriptionOrder unnamed = acuteOrder(newId(), newPatient());

        service.create(new CreatePrescriptionCommand(named, "{}"));
        service.create(new CreatePrescriptionCommand(unnamed, "{}"));

        assertThat(history.findFor(named.id())).singleElement()
                .satisfies(event -> assertThat(event.organisation()).contains(OdsCode.parse("A83008")))
                .satisfies(event -> assertThat(event.person()).contains("555086689106"));
        assertThat(history.findFor(unnamed.id())).singleElement()
                .satisfies(event -> assertThat(event.organisation()).contains(OdsCode.parse("RRERP")))
                .satisfies(event -> assertThat(event.person()).isEmpty());
    }

    @Test
    void an_early_cancellation_is_recorded_as_made_by_the_prescriber_who_sent_it() {
        PrescriptionOrder order = erdOrder(newId(), newPatient(), 1);
        placeholders.keep(new CancellationPlaceholder(order.id(), order.prescriber().organisation(),
                Optional.of("200102238987"), order.patient().nhsNumber(), Optional.empty(), "0001", NOW.minusSeconds(60)));

        service.create(new CreatePrescriptionCommand(order, "{}"));

        assertThat(history.findFor(order.id())).last()
                .satisfies(event -> assertThat(event.event()).isEqualTo("cancel"))
                .satisfies(event -> assertThat(event.status()).isEqualTo(PrescriptionStatus.CANCELLED))
                .satisfies(event -> assertThat(event.person()).contains("200102238987"));
    }

    @Test
    void a_cancellation_that_came_first_cancels_the_prescription_when_it_arrives() {
        PrescriptionOrder order = acuteOrder(newId(), newPatient());
        placeholders.keep(new CancellationPlaceholder(order.id(), order.prescriber().organisation(), Optional.empty(),
                order.patient().nhsNumber(), Optional.empty(), "0001", NOW.minusSeconds(60)));

        Prescription created = service.create(new CreatePrescriptionCommand(order, "{}")).prescription();

        assertThat(created.currentIssue().status()).isEqualTo(PrescriptionStatus.CANCELLED);
        assertThat(prescriptions.findById(order.id()).orElseThrow().currentIssue().status())
                .isEqualTo(PrescriptionStatus.CANCELLED);
        assertThat(placeholders.find(order.id())).isEmpty();
    }

    @Test
    void an_early_cancellation_from_another_organisation_does_not_apply() {
        PrescriptionOrder order = acuteOrder(newId(), newPatient());
        placeholders.keep(new CancellationPlaceholder(order.id(), OdsCode.parse("Z99999"), Optional.empty(),
                order.patient().nhsNumber(), Optional.empty(), "0001", NOW.minusSeconds(60)));

        Prescription created = service.create(new CreatePrescriptionCommand(order, "{}")).prescription();

        assertThat(created.currentIssue().status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
    }

    @Test
    void new_prescription_is_stored_with_issue_1_to_be_dispensed_and_every_item_to_be_dispensed() {
        PrescriptionOrder order = erdOrder(newId(), newPatient(), 1);

        Prescription created = service.create(new CreatePrescriptionCommand(order, "{\"resourceType\":\"Bundle\"}"))
                .prescription();

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.order()).isEqualTo(order);
        assertThat(created.receivedAt()).isEqualTo(NOW);
        assertThat(created.issues()).hasSize(1);
        Issue first = created.issue(1);
        assertThat(first.status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
        assertThat(first.status().code()).isEqualTo("0001");
        assertThat(first.itemStatuses().keySet())
                .containsExactlyElementsOf(order.items().stream().map(item -> item.id()).toList());
        assertThat(first.itemStatuses().values()).allSatisfy(status -> {
            assertThat(status).isEqualTo(ItemStatus.TO_BE_DISPENSED);
            assertThat(status.code()).isEqualTo("0007");
        });

        Prescription stored = prescriptions.findById(order.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.issues()).isEqualTo(created.issues());
        assertThat(prescriptions.findOriginalMessage(order.id())).contains("{\"resourceType\":\"Bundle\"}");
    }

    @Test
    void later_issues_of_an_erd_prescription_wait_as_future_issues() {
        PrescriptionOrder order = erdOrder(newId(), newPatient(), 3);

        Prescription created = service.create(new CreatePrescriptionCommand(order, "{}")).prescription();

        assertThat(created.issues()).extracting(Issue::status).containsExactly(PrescriptionStatus.TO_BE_DISPENSED,
                PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE);
        assertThat(created.issues()).allSatisfy(issue -> assertThat(issue.itemStatuses().values())
                .containsOnly(ItemStatus.TO_BE_DISPENSED));
    }

    @Test
    void prescription_starting_more_than_a_day_after_today_is_future_dated() {
        PrescriptionOrder order = acuteOrder(newId(), newPatient(), TODAY.plusDays(2));

        Prescription created = service.create(new CreatePrescriptionCommand(order, "{}")).prescription();

        assertThat(created.issue(1).status()).isEqualTo(PrescriptionStatus.FUTURE_DATED);
        assertThat(created.issue(1).status().code()).isEqualTo("9001");
        assertThat(prescriptions.findById(order.id()).orElseThrow().issue(1).status())
                .isEqualTo(PrescriptionStatus.FUTURE_DATED);
    }

    @Test
    void prescription_starting_tomorrow_is_to_be_dispensed_now() {
        PrescriptionOrder order = acuteOrder(newId(), newPatient(), TODAY.plusDays(1));

        Prescription created = service.create(new CreatePrescriptionCommand(order, "{}")).prescription();

        assertThat(created.issue(1).status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
    }

    @Test
    void today_is_the_day_in_england_by_the_clock() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): a start on 2 July is tomorrow, not the day after.
        CreatePrescriptionService lateEvening = serviceAt(Instant.parse("2026-06-30T23:30:00Z"));
        PrescriptionOrder order = acuteOrder(newId(), newPatient(), LocalDate.of(2026, 7, 2));

        Prescription created = lateEvening.create(new CreatePrescriptionCommand(order, "{}")).prescription();

        assertThat(created.issue(1).status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
    }

    @Test
    void second_create_of_an_id_is_a_duplicate() {
        PrescriptionId id = newId();
        NhsNumber patient = newPatient();
        NhsNumber otherPatient = newPatient();
        service.create(new CreatePrescriptionCommand(erdOrder(id, patient, 1), "{\"first\":true}"));
        CreatePrescriptionService later = serviceAt(NOW.plusSeconds(3600));

        assertThatThrownBy(() -> later.create(new CreatePrescriptionCommand(erdOrder(id, otherPatient, 3),
                "{\"second\":true}")))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_PRESCRIPTION_ID));

        Prescription kept = prescriptions.findById(id).orElseThrow();
        assertThat(kept.order()).isEqualTo(erdOrder(id, patient, 1));
        assertThat(kept.issues()).hasSize(1);
        assertThat(kept.version()).isEqualTo(1);
        assertThat(kept.receivedAt()).isEqualTo(NOW);
        assertThat(prescriptions.findOriginalMessage(id)).contains("{\"first\":true}");
        assertThat(prescriptions.findByPatient(patient)).extracting(Prescription::id).containsExactly(id);
        assertThat(prescriptions.findByPatient(otherPatient)).isEmpty();
    }

    @Test
    void a_prescription_needs_the_message_it_came_in() {
        PrescriptionOrder order = acuteOrder(newId(), newPatient());

        assertThatThrownBy(() -> new CreatePrescriptionCommand(order, ""))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
        assertThatThrownBy(() -> new CreatePrescriptionCommand(order, null))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    private CreatePrescriptionService serviceAt(Instant now) {
        return new CreatePrescriptionService(new InMemoryTransactions(prescriptions, history, placeholders), prescriptions,
                new PrescriptionChanges(prescriptions, history), placeholders,
                Organisations.nominable(), Clock.fixed(now, ZoneOffset.UTC));
    }
}
