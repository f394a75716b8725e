package org.openeps.adapters.http.access;

import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.AuditWho;
import org.openeps.domain.audit.ChainedAuditRecord;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The audit trail as the administrators' API shows it. */
final class AuditJson {

    private AuditJson() {
    }

    static ObjectNode record(ChainedAuditRecord chained) {
        AuditRecord record = chained.record();
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("chain", chained.chain())
                .put("sequence", chained.sequence())
                .put("at", record.at().toString())
                .put("requestId", record.requestId())
                .put("action", record.action().name())
                .put("outcome", record.outcome());
        record.prescriptionId().ifPresent(id -> node.put("prescriptionId", id));
        record.nhsNumber().ifPresent(number -> node.put("nhsNumber", number));
        AuditWho who = record.who();
        ObjectNode by = node.putObject("who").put("kind", who.kind());
        who.userId().ifPresent(value -> by.put("userId", value));
        who.roleProfileId().ifPresent(value -> by.put("roleProfileId", value));
        who.organisation().ifPresent(value -> by.put("organisation", value));
        who.clientId().ifPresent(value -> by.put("clientId", value));
        who.patient().ifPresent(value -> by.put("patient", value));
        node.put("previousHash", chained.previousHash()).put("hash", chained.hash());
        return node;
    }

    static ObjectNode verification(AuditVerification verification) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("intact", verification.intact())
                .put("recordsChecked", verification.recordsChecked());
        verification.firstBreak().ifPresent(first -> node.put("firstBrokenChain", first.chain())
                .put("firstBrokenSequence", first.sequence())
                .put("problem", first.problem().name()));
        if (!verification.intact()) {
            ArrayNode breaks = node.putArray("breaks");
            verification.breaks().forEach(broken -> breaks.addObject().put("chain", broken.chain())
                    .put("sequence", broken.sequence()).put("problem", broken.problem().name()));
        }
        return node;
    }
}
