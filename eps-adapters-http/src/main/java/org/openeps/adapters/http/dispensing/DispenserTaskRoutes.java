package org.openeps.adapters.http.dispensing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.FhirRequests;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.adapters.http.dispensing.DispenserTaskMapper.DispenserTask;
import org.openeps.adapters.http.dispensing.DispenserTaskMapper.ReturnTask;
import org.openeps.adapters.http.dispensing.DispenserTaskMapper.WithdrawTask;
import org.openeps.adapters.http.fhir.OperationOutcomes;
import org.openeps.application.dispensing.ReturnPrescriptionUseCase;
import org.openeps.application.dispensing.WithdrawDispenseUseCase;
import org.openeps.application.shared.ProcessOnceUseCase;
import org.openeps.application.shared.ProcessOnceUseCase.ProcessOnceCommand;
import org.openeps.application.shared.RecordedReply;
import org.openeps.application.shared.RequestKey;
import org.openeps.domain.access.Action;
import org.openeps.domain.prescription.Prescription;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /FHIR/R4/Task}: a dispenser returns a prescription it cannot dispense ({@code status} {@code rejected})
 * or withdraws its latest dispense notification ({@code status} {@code in-progress}, {@code code} {@code abort}); see
 * {@link DispenserTaskMapper}. Answered 200 with an informational OperationOutcome. Idempotent on
 * {@code X-Request-ID}.
 */
public final class DispenserTaskRoutes implements Routes {

    private final FhirJson json;
    private final ProcessOnceUseCase processOnce;
    private final DispenserTaskMapper mapper;
    private final ReturnPrescriptionUseCase returns;
    private final WithdrawDispenseUseCase withdraw;
    private final RequestAccess access;

    public DispenserTaskRoutes(FhirJson json, ProcessOnceUseCase processOnce, DispenserTaskMapper mapper,
                               ReturnPrescriptionUseCase returns, WithdrawDispenseUseCase withdraw,
                               RequestAccess access) {
        this.json = json;
        this.access = access;
        this.processOnce = processOnce;
        this.mapper = mapper;
        this.returns = returns;
        this.withdraw = withdraw;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/FHIR/R4/Task", this::task);
    }

    private void task(Context ctx) {
        byte[] body = FhirRequests.jsonBody(ctx);
        JsonNode resource = json.parse(body);
        String requestId = DispenserRequests.requestId(ctx);
        DispenserTask task = mapper.toTask(resource, requestId);
        Audited audited = switch (task) {
            case ReturnTask returnTask -> access.authorise(ctx, Action.RETURN_PRESCRIPTION)
                    .about(Optional.of(returnTask.command().prescriptionId().value()), Optional.empty());
            case WithdrawTask withdrawTask -> access.authorise(ctx, Action.WITHDRAW_DISPENSE)
                    .about(Optional.of(withdrawTask.command().prescriptionId().value()), Optional.empty());
        };
        audited.actsFor(switch (task) {
            case ReturnTask returnTask -> returnTask.command().actor();
            case WithdrawTask withdrawTask -> withdrawTask.command().actor();
        });
        RecordedReply reply = processOnce.process(
                new ProcessOnceCommand(new RequestKey("task", requestId), FhirJson.fingerprint(body)),
                () -> {
                    Prescription changed = switch (task) {
                        case ReturnTask returnTask -> returns.returnPrescription(returnTask.command());
                        case WithdrawTask withdrawTask -> withdraw.withdraw(withdrawTask.command());
                    };
                    access.succeeded(audited.about(Optional.of(changed.id().value()),
                            Optional.of(changed.order().patient().nhsNumber().value())));
                    return new RecordedReply(200, FhirJson.CONTENT_TYPE, json.write(OperationOutcomes.informational()));
                });
        access.answered(audited);
        ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
    }
}
