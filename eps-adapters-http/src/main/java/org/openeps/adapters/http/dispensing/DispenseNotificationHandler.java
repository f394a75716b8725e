package org.openeps.adapters.http.dispensing;

import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.MessageHandler;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.adapters.http.fhir.OperationOutcomes;
import org.openeps.application.dispensing.DispensePrescriptionUseCase;
import org.openeps.application.shared.RecordedReply;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.Prescription;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Event {@code dispense-notification}: a dispenser reports what it supplied, or amends its latest report (see
 * {@link DispenseNotificationMapper} for how the message is read). Answered 200 with an informational
 * OperationOutcome; when the prescription still carries a cancellation the prescriber asked for while it was with the
 * dispenser, the outcome also has a {@code warning} issue ({@code PENDING_CANCELLATION}) saying so.
 */
public final class DispenseNotificationHandler implements MessageHandler {

    private final FhirJson json;
    private final DispenseNotificationMapper mapper;
    private final DispensePrescriptionUseCase dispense;

    public DispenseNotificationHandler(FhirJson json, DispenseNotificationMapper mapper,
                                       DispensePrescriptionUseCase dispense) {
        this.json = json;
        this.mapper = mapper;
        this.dispense = dispense;
    }

    @Override
    public String event() {
        return "dispense-notification";
    }

    @Override
    public RecordedReply handle(MessageBundle message, String originalMessage) {
        Prescription prescription = dispense.dispense(mapper.toCommand(message));
        ObjectNode outcome = OperationOutcomes.informational();
        ArrayNode issues = (ArrayNode) outcome.get("issue");
        for (Issue issue : PendingCancellations.issuesWithPendingCancellation(prescription)) {
            issues.add(PendingCancellations.warning(prescription, issue));
        }
        return new RecordedReply(200, FhirJson.CONTENT_TYPE, json.write(outcome));
    }
}
