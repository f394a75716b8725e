package org.openeps.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.audit.AuditRecords.newNhsNumber;
import static org.openeps.application.audit.AuditRecords.read;

import org.junit.jupiter.api.Test;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.ChainedAuditRecord;

class RecordAuditServiceTest {

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryTransactions transactions = new InMemoryTransactions(trail);
    private final RecordAuditService service = new RecordAuditService(transactions, trail);

    @Test
    void a_record_made_outside_a_transaction_is_appended_to_the_chain() {
        AuditRecord record = read(newNhsNumber());

        service.record(record);

        assertThat(trail.all()).extracting(ChainedAuditRecord::record).containsExactly(record);
        assertThat(trail.verify()).isEqualTo(AuditVerification.intact(1));
    }

    @Test
    void a_record_made_inside_the_request_transaction_is_rolled_back_with_it() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            service.record(read(newNhsNumber()));
            throw new IllegalStateException("the request failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(trail.all()).isEmpty();
    }

    @Test
    void a_record_made_inside_the_request_transaction_is_kept_when_it_commits() {
        AuditRecord record = read(newNhsNumber());

        transactions.inTransaction(() -> {
            service.record(record);
            return null;
        });

        assertThat(trail.all()).extracting(ChainedAuditRecord::record).containsExactly(record);
    }

    @Test
    void a_change_made_atomically_commits_its_records_with_it() {
        AuditRecord record = read(newNhsNumber());

        String changed = service.atomically(() -> {
            service.record(record);
            return "changed";
        });

        assertThat(changed).isEqualTo("changed");
        assertThat(trail.all()).extracting(ChainedAuditRecord::record).containsExactly(record);
    }

    @Test
    void a_change_made_atomically_that_fails_leaves_no_record() {
        service.record(read(newNhsNumber()));

        assertThatThrownBy(() -> service.atomically(() -> {
            service.record(read(newNhsNumber()));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(trail.all()).hasSize(1);
        assertThat(trail.verify()).isEqualTo(AuditVerification.intact(1));
    }
}
