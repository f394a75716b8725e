package org.openeps.adapters.http.prescription;

import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.MessageHandler;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.adapters.http.fhir.OperationOutcomes;
import org.openeps.application.prescription.CreatePrescriptionUseCase;
import org.openeps.application.prescription.CreatePrescriptionUseCase.CreatePrescriptionCommand;
import org.openeps.application.shared.RecordedReply;

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
    public RecordedReply handle(MessageBundle message, String originalMessage) {
        createPrescription.create(new CreatePrescriptionCommand(mapper.toOrder(message), originalMessage));
        return new RecordedReply(200, FhirJson.CONTENT_TYPE, json.write(OperationOutcomes.informational()));
    }
}
