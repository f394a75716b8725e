package org.openeps.adapters.http.dispensing;

import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.MessageHandler;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.adapters.http.fhir.OperationOutcomes;
import org.openeps.application.dispensing.DispensePrescriptionUseCase;
import org.openeps.application.shared.RecordedReply;
import java.util.Optional;
import java.util.function.Supplier;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.application.dispensing.DispensePrescriptionUseCase.DispenseCommand;
import org.openeps.domain.access.Action;
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
    public Action action() {
        return Action.DISPENSE;
    }

    @Override
    public Supplier<RecordedReply> prepare(MessageBundle message, String originalMessage, Audited audited) {
        DispenseCommand command = mapper.toCommand(message);
        audited.about(Optional.of(command.prescriptionId().value()), Optional.empty());
        audited.actsFor(command.actor());
        return () -> {
            Prescription prescription = dispense.dispense(command);
            audited.about(Optional.of(command.prescriptionId().value()),
                    Optional.of(prescription.order().patient().nhsNumber().value()));
            ObjectNode outcome = OperationOutcomes.informational();
            ArrayNode issues = (ArrayNode) outcome.get("issue");
            for (Issue issue : PendingCancellations.issuesWithPendingCancellation(prescription)) {
                issues.add(PendingCancellations.warning(prescription, issue));
            }
            return new RecordedReply(200, FhirJson.CONTENT_TYPE, json.write(outcome));
        };
    }
}
