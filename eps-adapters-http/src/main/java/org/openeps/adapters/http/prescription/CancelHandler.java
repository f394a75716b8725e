package org.openeps.adapters.http.prescription;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.MessageHandler;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.adapters.http.prescription.CancelMapper.CancelReply;
import org.openeps.application.prescription.CancelPrescriptionUseCase;
import org.openeps.application.prescription.CancelPrescriptionUseCase.CancelCommand;
import org.openeps.application.prescription.CancelPrescriptionUseCase.Cancelled;
import org.openeps.application.shared.RecordedReply;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.domain.access.Action;
import org.openeps.domain.prescription.Actor;

/**
 * Event {@code prescription-order-update}: a prescriber cancels a line item (and with the last one, the
 * prescription). Every outcome is an R-code, answered as {@link CancelMapper} describes: 200 for R-0001, 400 otherwise.
 * The clock dates the R-code in the answer.
 */
public final class CancelHandler implements MessageHandler {

    private final FhirJson json;
    private final CancelMapper mapper;
    private final CancelPrescriptionUseCase cancel;
    private final Clock clock;

    public CancelHandler(FhirJson json, CancelMapper mapper, CancelPrescriptionUseCase cancel, Clock clock) {
        this.json = json;
        this.mapper = mapper;
        this.cancel = cancel;
        this.clock = clock;
    }

    @Override
    public String event() {
        return "prescription-order-update";
    }

    @Override
    public Action action() {
        return Action.CANCEL_PRESCRIPTION;
    }

    @Override
    public Supplier<RecordedReply> prepare(MessageBundle message, String originalMessage, Audited audited) {
        CancelCommand command = mapper.toCommand(message);
        audited.about(Optional.of(command.prescriptionId().value()), Optional.of(command.nhsNumber().value()));
        audited.actsFor(Actor.of(command.requestedBy(), command.prescriber()));
        return () -> {
            Cancelled cancelled = cancel.cancel(command);
            CancelReply reply = mapper.response(message, command, cancelled, clock.instant());
            return new RecordedReply(reply.status(), FhirJson.CONTENT_TYPE, json.write(reply.body()));
        };
    }
}
