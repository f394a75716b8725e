package org.openeps.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.application.audit.AuditRecords.newNhsNumber;
import static org.openeps.application.audit.AuditRecords.read;

import org.junit.jupiter.api.Test;
import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.ChainedAuditRecord;

class ReadAuditTrailServiceTest {

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final ReadAuditTrailService service = new ReadAuditTrailService(trail);

    @Test
    void records_are_read_newest_first_and_the_chain_checked() {
        String patient = newNhsNumber();
        AuditRecord first = read(patient);
        AuditRecord second = read(patient);
        trail.append(first);
        trail.append(read(newNhsNumber()));
        trail.append(second);

        assertThat(service.find(AuditQuery.byNhsNumber(patient, 10))).extracting(ChainedAuditRecord::record)
                .containsExactly(second, first);
        assertThat(service.verify()).isEqualTo(AuditVerification.intact(3));
    }

    @Test
    void an_empty_trail_is_intact() {
        assertThat(service.find(AuditQuery.latest(10))).isEmpty();
        assertThat(service.verify()).isEqualTo(AuditVerification.intact(0));
    }
}
