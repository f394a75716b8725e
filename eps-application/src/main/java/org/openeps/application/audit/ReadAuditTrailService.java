package org.openeps.application.audit;

import java.util.List;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.ChainedAuditRecord;

/** Reads the audit trail. */
public final class ReadAuditTrailService implements ReadAuditTrailUseCase {

    private final AuditTrail trail;

    public ReadAuditTrailService(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public List<ChainedAuditRecord> find(AuditQuery query) {
        return trail.find(query);
    }

    @Override
    public AuditVerification verify() {
        return trail.verify();
    }
}
