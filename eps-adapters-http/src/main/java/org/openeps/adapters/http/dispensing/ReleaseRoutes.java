package org.openeps.adapters.http.dispensing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.FhirRequests;
import org.openeps.adapters.http.Routes;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.ReleaseCommand;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.Released;
import org.openeps.application.shared.ProcessOnceUseCase;
import org.openeps.application.shared.ProcessOnceUseCase.ProcessOnceCommand;
import org.openeps.application.shared.RecordedReply;
import org.openeps.application.shared.RequestKey;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /FHIR/R4/Task/$release}: a dispenser downloads the prescriptions nominated to it, or one prescription by
 * its ID. Idempotent on {@code X-Request-ID}: the same request sent again gets its first answer and releases nothing
 * more. The request and answer shapes are described on {@link ReleaseMapper}.
 */
public final class ReleaseRoutes implements Routes {

    private final FhirJson json;
    private final ProcessOnceUseCase processOnce;
    private final ReleaseMapper mapper;
    private final ReleasePrescriptionsUseCase release;

    public ReleaseRoutes(FhirJson json, ProcessOnceUseCase processOnce, ReleaseMapper mapper,
                         ReleasePrescriptionsUseCase release) {
        this.json = json;
        this.processOnce = processOnce;
        this.mapper = mapper;
        this.release = release;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/FHIR/R4/Task/$release", this::release);
        routes.post("/FHIR/R4/Task/%24release", this::release);
    }

    private void release(Context ctx) {
        JsonNode parameters = json.parse(FhirRequests.jsonBody(ctx));
        String requestId = DispenserRequests.requestId(ctx);
        ReleaseCommand command = mapper.toCommand(parameters, requestId);
        RecordedReply reply = processOnce.process(
                new ProcessOnceCommand(new RequestKey("release", requestId), json.fingerprint(parameters)),
                () -> {
                    Released released = release.release(command);
                    return new RecordedReply(200, FhirJson.CONTENT_TYPE, json.write(released.prescriptions().isEmpty()
                            ? mapper.noMorePrescriptions()
                            : mapper.released(released)));
                });
        ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
    }
}
