package org.openeps.adapters.http.prescription;

import java.util.Optional;
import java.util.function.Supplier;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.MessageHandler;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.adapters.http.fhir.OperationOutcomes;
import org.openeps.application.prescription.CreatePrescriptionUseCase;
import org.openeps.application.prescription.CreatePrescriptionUseCase.CreatePrescriptionCommand;
import org.openeps.application.shared.RecordedReply;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.domain.access.Action;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.PrescriptionOrder;

/** Event {@code prescription-order}: a prescriber sends a new prescription. */
public final class PrescriptionOrderHandler implements MessageHandler {

    private final FhirJson json;
    private final PrescriptionOrderMapper mapper;
    private final CreatePrescriptionUseCase createPrescription;

    public PrescriptionOrderHandler(FhirJson json, PrescriptionOrderMapper mapper,
                                    CreatePrescriptionUseCase createPrescription) {
        this.json = json;
        this.mapper = mapper;
        this.createPrescription = createPrescription;
    }

    @Override
    public String event() {
        return "prescription-order";
    }

    @Override
    public Action action() {
        return Action.CREATE_PRESCRIPTION;
    }

    @Override
    public Supplier<RecordedReply> prepare(MessageBundle message, String originalMessage, Audited audited) {
        PrescriptionOrder order = mapper.toOrder(message);
        audited.about(Optional.of(order.id().value()), Optional.of(order.patient().nhsNumber().value()));
        audited.actsFor(Actor.of(order.prescriber().organisation(), order.prescriber().sdsUserId()));
        return () -> {
            createPrescription.create(new CreatePrescriptionCommand(order, originalMessage));
            return new RecordedReply(200, FhirJson.CONTENT_TYPE, json.write(OperationOutcomes.informational()));
        };
    }
}
