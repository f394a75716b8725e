package org.openeps.application.audit;

import java.util.List;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.ChainedAuditRecord;

/** Reads the audit trail and checks that it is intact: for administrators ({@code Action.READ_AUDIT}). */
public interface ReadAuditTrailUseCase {

    /** The records matching the query, newest first. */
    List<ChainedAuditRecord> find(AuditQuery query);

    /** Whether every record appended is still there unchanged, and if not where each broken chain first breaks. */
    AuditVerification verify();
}
