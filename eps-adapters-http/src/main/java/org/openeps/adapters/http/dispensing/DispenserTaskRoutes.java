package org.openeps.adapters.http.dispensing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.FhirRequests;
import org.openeps.adapters.http.Routes;
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

    public DispenserTaskRoutes(FhirJson json, ProcessOnceUseCase processOnce, DispenserTaskMapper mapper,
                               ReturnPrescriptionUseCase returns, WithdrawDispenseUseCase withdraw) {
        this.json = json;
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
        JsonNode body = json.parse(FhirRequests.jsonBody(ctx));
        String requestId = DispenserRequests.requestId(ctx);
        DispenserTask task = mapper.toTask(body, requestId);
        RecordedReply reply = processOnce.process(
                new ProcessOnceCommand(new RequestKey("task", requestId), json.fingerprint(body)),
                () -> {
                    switch (task) {
                        case ReturnTask returnTask -> returns.returnPrescription(returnTask.command());
                        case WithdrawTask withdrawTask -> withdraw.withdraw(withdrawTask.command());
                    }
                    return new RecordedReply(200, FhirJson.CONTENT_TYPE, json.write(OperationOutcomes.informational()));
                });
        ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
    }
}
