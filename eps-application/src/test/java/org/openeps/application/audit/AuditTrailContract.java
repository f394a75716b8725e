package org.openeps.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.audit.AuditRecords.dispensed;
import static org.openeps.application.audit.AuditRecords.later;
import static org.openeps.application.audit.AuditRecords.newNhsNumber;
import static org.openeps.application.audit.AuditRecords.newPrescriptionId;
import static org.openeps.application.audit.AuditRecords.read;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Caller;
import org.openeps.domain.audit.AuditChain;
import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.AuditWho;
import org.openeps.domain.audit.ChainedAuditRecord;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * What every {@link AuditTrail} does, run against the in-memory fake and against PostgreSQL. Each test uses patients
 * and prescriptions of its own and counts records relative to what was there before, so implementations may share
 * one trail between the tests; none of them breaks a chain. Which chain an append goes to is the implementation's
 * choice; the records of one transaction go to one chain, one after another.
 */
public abstract class AuditTrailContract {

    protected abstract AuditTrail trail();

    /** Transactions that the trail joins. */
    protected abstract Transactions transactions();

    @Test
    void appended_records_are_found_newest_first_each_hashed_in_its_chain() {
        String patient = newNhsNumber();
        List<AuditRecord> appended = List.of(read(patient), dispensed(patient, newPrescriptionId()), read(patient));
        appended.forEach(trail()::append);

        List<ChainedAuditRecord> found = trail().find(AuditQuery.byNhsNumber(patient, 10));

        assertThat(found).extracting(ChainedAuditRecord::record).containsExactlyElementsOf(appended.reversed());
        assertThat(found).allSatisfy(chained -> assertThat(chained.hash()).isEqualTo(
                AuditChain.hash(chained.chain(), chained.previousHash(), chained.sequence(), chained.record())));
    }

    @Test
    void records_of_the_same_time_are_found_newest_first_by_chain_and_sequence() {
        String patient = newNhsNumber();
        Instant at = later();
        for (int i = 0; i < AuditChain.CHAINS + 3; i++) {
            trail().append(new AuditRecord(at, "request-same-time-" + i, Action.READ_PRESCRIPTIONS,
                    AuditRecords.PATIENT, Optional.empty(), Optional.of(patient), AuditRecord.OK));
        }

        List<ChainedAuditRecord> found = trail().find(AuditQuery.byNhsNumber(patient, 100));

        assertThat(found).hasSize(AuditChain.CHAINS + 3).isSortedAccordingTo((a, b) -> a.chain() != b.chain()
                ? Integer.compare(b.chain(), a.chain()) : Long.compare(b.sequence(), a.sequence()));
    }

    @Test
    void records_are_found_by_prescription_id() {
        String patient = newNhsNumber();
        String prescription = newPrescriptionId();
        AuditRecord first = dispensed(patient, prescription);
        AuditRecord other = dispensed(patient, newPrescriptionId());
        AuditRecord second = dispensed(newNhsNumber(), prescription);
        List.of(first, other, second).forEach(trail()::append);

        assertThat(trail().find(AuditQuery.byPrescriptionId(prescription, 10))).extracting(ChainedAuditRecord::record)
                .containsExactly(second, first);
    }

    @Test
    void records_found_by_patient_and_prescription_are_about_both() {
        String patient = newNhsNumber();
        String prescription = newPrescriptionId();
        AuditRecord both = dispensed(patient, prescription);
        List.of(read(patient), both, dispensed(patient, newPrescriptionId()), dispensed(newNhsNumber(), prescription))
                .forEach(trail()::append);

        assertThat(trail().find(new AuditQuery(Optional.of(patient), Optional.of(prescription), 10)))
                .extracting(ChainedAuditRecord::record).containsExactly(both);
    }

    @Test
    void with_no_criterion_the_latest_records_of_all_come_first() {
        List<AuditRecord> appended = List.of(read(newNhsNumber()), read(newNhsNumber()), read(newNhsNumber()));
        appended.forEach(trail()::append);

        assertThat(trail().find(AuditQuery.latest(3))).extracting(ChainedAuditRecord::record)
                .containsExactlyElementsOf(appended.reversed());
    }

    @Test
    void at_most_the_limit_is_returned_the_newest() {
        String patient = newNhsNumber();
        List<AuditRecord> appended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appended.add(read(patient));
        }
        appended.forEach(trail()::append);

        assertThat(trail().find(AuditQuery.byNhsNumber(patient, 2))).extracting(ChainedAuditRecord::record)
                .containsExactly(appended.get(4), appended.get(3));
    }

    @Test
    void nothing_is_found_about_a_patient_or_prescription_never_recorded() {
        trail().append(read(newNhsNumber()));

        assertThat(trail().find(AuditQuery.byNhsNumber(newNhsNumber(), 10))).isEmpty();
        assertThat(trail().find(AuditQuery.byPrescriptionId(newPrescriptionId(), 10))).isEmpty();
    }

    @Test
    void every_kind_of_caller_and_every_field_reads_back_as_appended() {
        String patient = newNhsNumber();
        String prescription = newPrescriptionId();
        List<AuditWho> callers = List.of(
                AuditWho.of(new Caller.User("555086689106", "555086718101", "R8000", Set.of("B0570"),
                        new OdsCode("FA565"), "pharmacy-system")),
                AuditWho.of(new Caller.Application("robot-dispenser")),
                AuditWho.of(new Caller.Patient(new NhsNumber("9434765919"), Optional.of(new NhsNumber("9449304130")),
                        "nhs-app")),
                AuditWho.of(new Caller.Administrator("admin-1")),
                AuditWho.anonymous());
        List<AuditRecord> appended = new ArrayList<>();
        for (AuditWho who : callers) {
            appended.add(new AuditRecord(later().plusNanos(987_654_321), "request-" + who.kind() + "-é✓", Action.DISPENSE,
                    who, Optional.of(prescription), Optional.of(patient), AuditRecord.outcomeOf(ErrorCode.ACCESS_DENIED)));
        }
        appended.add(new AuditRecord(later(), "request-bare", Action.READ_DIRECTORY, AuditWho.anonymous(),
                Optional.empty(), Optional.empty(), AuditRecord.OK));
        appended.forEach(trail()::append);

        assertThat(trail().find(AuditQuery.latest(appended.size()))).extracting(ChainedAuditRecord::record)
                .containsExactlyElementsOf(appended.reversed());
    }

    @Test
    void every_chain_is_intact_after_many_appends() {
        long before = trail().verify().recordsChecked();
        String patient = newNhsNumber();
        List<AuditRecord> appended = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            appended.add(i % 2 == 0 ? read(patient) : dispensed(patient, newPrescriptionId()));
        }
        appended.forEach(trail()::append);

        AuditVerification verification = trail().verify();

        assertThat(verification).isEqualTo(AuditVerification.intact(before + 300));
        assertThat(trail().find(AuditQuery.latest(1)).getFirst().record()).isEqualTo(appended.getLast());
    }

    @Test
    void appends_in_one_transaction_are_chained_in_order_in_one_chain() {
        String patient = newNhsNumber();
        List<AuditRecord> appended = List.of(read(patient), dispensed(patient, newPrescriptionId()), read(patient));

        transactions().inTransaction(() -> {
            appended.forEach(trail()::append);
            return null;
        });

        List<ChainedAuditRecord> found = trail().find(AuditQuery.byNhsNumber(patient, 10));
        assertThat(found).extracting(ChainedAuditRecord::record).containsExactlyElementsOf(appended.reversed());
        assertThat(found).extracting(ChainedAuditRecord::chain).containsOnly(found.getFirst().chain());
        for (int i = 0; i < found.size() - 1; i++) {
            assertThat(found.get(i).sequence()).isEqualTo(found.get(i + 1).sequence() + 1);
            assertThat(found.get(i).previousHash()).isEqualTo(found.get(i + 1).hash());
        }
        assertThat(trail().verify().intact()).isTrue();
    }

    @Test
    void records_appended_together_are_chained_in_order_in_one_chain_after_those_of_the_same_transaction() {
        String patient = newNhsNumber();
        AuditRecord alone = read(patient);
        List<AuditRecord> together = List.of(dispensed(patient, newPrescriptionId()), read(patient),
                dispensed(patient, newPrescriptionId()));
        long before = trail().verify().recordsChecked();

        transactions().inTransaction(() -> {
            trail().append(alone);
            trail().append(together);
            return null;
        });
        trail().append(List.of());

        List<ChainedAuditRecord> found = trail().find(AuditQuery.byNhsNumber(patient, 10)).reversed();
        assertThat(found).extracting(ChainedAuditRecord::record)
                .containsExactly(alone, together.get(0), together.get(1), together.get(2));
        assertThat(found).extracting(ChainedAuditRecord::chain).containsOnly(found.getFirst().chain());
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).sequence()).isEqualTo(found.get(i - 1).sequence() + 1);
            assertThat(found.get(i).previousHash()).isEqualTo(found.get(i - 1).hash());
        }
        assertThat(trail().verify()).as("appending none appends nothing")
                .isEqualTo(AuditVerification.intact(before + 4));
    }

    @Test
    void an_append_in_a_transaction_that_fails_leaves_no_record_and_every_chain_where_it_was() {
        String patient = newNhsNumber();
        trail().append(read(newNhsNumber()));
        AuditVerification before = trail().verify();

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            trail().append(read(patient));
            trail().append(read(patient));
            throw new IllegalStateException("the request failed");
        })).hasMessage("the request failed");
        for (int i = 0; i < AuditChain.CHAINS; i++) {
            trail().append(read(newNhsNumber()));
        }

        assertThat(trail().find(AuditQuery.byNhsNumber(patient, 10))).isEmpty();
        assertThat(trail().verify()).as("a chain whose head moved for the records rolled back would miss them")
                .isEqualTo(AuditVerification.intact(before.recordsChecked() + AuditChain.CHAINS));
    }
}
