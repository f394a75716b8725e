package org.openeps.adapters.http.dispensing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.FhirRequests;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.adapters.http.fhir.OperationOutcomes;
import org.openeps.application.dispensing.ClaimPrescriptionUseCase;
import org.openeps.application.dispensing.ClaimPrescriptionUseCase.ClaimCommand;
import org.openeps.application.shared.ProcessOnceUseCase;
import org.openeps.application.shared.ProcessOnceUseCase.ProcessOnceCommand;
import org.openeps.application.shared.RecordedReply;
import org.openeps.application.shared.RequestKey;
import org.openeps.domain.access.Action;
import org.openeps.domain.prescription.Prescription;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /FHIR/R4/Claim}: a dispenser claims payment for a dispensed prescription, or amends its claim (see
 * {@link ClaimMapper}). Answered 200 with an informational OperationOutcome. Idempotent on {@code X-Request-ID}.
 */
public final class ClaimRoutes implements Routes {

    private final FhirJson json;
    private final ProcessOnceUseCase processOnce;
    private final ClaimMapper mapper;
    private final ClaimPrescriptionUseCase claim;
    private final RequestAccess access;

    public ClaimRoutes(FhirJson json, ProcessOnceUseCase processOnce, ClaimMapper mapper, ClaimPrescriptionUseCase claim,
                       RequestAccess access) {
        this.json = json;
        this.access = access;
        this.processOnce = processOnce;
        this.mapper = mapper;
        this.claim = claim;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/FHIR/R4/Claim", this::claim);
    }

    private void claim(Context ctx) {
        byte[] body = FhirRequests.jsonBody(ctx);
        JsonNode resource = json.parse(body);
        String requestId = DispenserRequests.requestId(ctx);
        ClaimCommand command = mapper.toCommand(resource);
        Audited audited = access.authorise(ctx, Action.CLAIM)
                .about(Optional.of(command.prescriptionId().value()), Optional.empty());
        audited.actsFor(command.actor());
        RecordedReply reply = processOnce.process(
                new ProcessOnceCommand(new RequestKey("claim", requestId), FhirJson.fingerprint(body)),
                () -> {
                    Prescription claimed = claim.claim(command);
                    access.succeeded(audited.about(Optional.of(claimed.id().value()),
                            Optional.of(claimed.order().patient().nhsNumber().value())));
                    return new RecordedReply(200, FhirJson.CONTENT_TYPE, json.write(OperationOutcomes.informational()));
                });
        access.answered(audited);
        ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
    }
}
