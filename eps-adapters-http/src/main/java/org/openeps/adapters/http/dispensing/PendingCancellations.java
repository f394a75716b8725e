package org.openeps.adapters.http.dispensing;

import java.util.List;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.PendingCancellation;
import org.openeps.domain.prescription.Prescription;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells a dispenser that the prescriber asked for a cancellation while the prescription was with it: an
 * OperationOutcome issue of severity {@code warning}, code {@code informational}, with {@code details.coding} code
 * {@code PENDING_CANCELLATION} (system Spine-ErrorOrWarningCode) and the prescription, issue, item, reason and
 * requesting organisation in {@code diagnostics}.
 */
final class PendingCancellations {

    static final String CODE = "PENDING_CANCELLATION";
    static final String DISPLAY = "Prescription has a pending cancellation";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PendingCancellations() {
    }

    /** The issues of the prescription that carry a pending cancellation. */
    static List<Issue> issuesWithPendingCancellation(Prescription prescription) {
        return prescription.issues().stream().filter(issue -> issue.pendingCancellation().isPresent()).toList();
    }

    /** A warning issue describing the pending cancellation of {@code issue}. */
    static ObjectNode warning(Prescription prescription, Issue issue) {
        PendingCancellation pending = issue.pendingCancellation().orElseThrow();
        ObjectNode warning = NODES.objectNode()
                .put("severity", "warning")
                .put("code", "informational");
        warning.putObject("details").putArray("coding").addObject()
                .put("system", FhirSystems.SPINE_ERROR_CODE)
                .put("code", CODE)
                .put("display", DISPLAY);
        warning.put("diagnostics", "Prescription " + prescription.id()
                + (prescription.issues().size() > 1 ? " issue " + issue.number() : "")
                + pending.item().map(item -> " item " + item).orElse("")
                + " has a pending cancellation requested by " + pending.requestedBy()
                + " (reason " + pending.reasonCode() + "): the prescriber asked for it while the prescription was with"
                + " the dispenser; return the prescription to apply it, or dispense only what is still wanted.");
        return warning;
    }
}
