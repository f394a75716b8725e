package org.openeps.adapters.http.dispensing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.FhirRequests;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.ReleaseCommand;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.Released;
import org.openeps.application.shared.ProcessOnceUseCase;
import org.openeps.application.shared.ProcessOnceUseCase.ProcessOnceCommand;
import org.openeps.application.shared.RecordedReply;
import org.openeps.application.shared.RequestKey;
import org.openeps.domain.access.Action;
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
    private final RequestAccess access;

    public ReleaseRoutes(FhirJson json, ProcessOnceUseCase processOnce, ReleaseMapper mapper,
                         ReleasePrescriptionsUseCase release, RequestAccess access) {
        this.json = json;
        this.processOnce = processOnce;
        this.access = access;
        this.mapper = mapper;
        this.release = release;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/FHIR/R4/Task/$release", this::release);
        routes.post("/FHIR/R4/Task/%24release", this::release);
    }

    private void release(Context ctx) {
        byte[] body = FhirRequests.jsonBody(ctx);
        JsonNode parameters = json.parse(body);
        String requestId = DispenserRequests.requestId(ctx);
        ReleaseCommand command = mapper.toCommand(parameters, requestId);
        Audited audited = access.authorise(ctx, command.prescriptionId().isPresent()
                ? Action.RELEASE_BY_ID : Action.RELEASE_NOMINATED);
        command.prescriptionId().ifPresent(id -> audited.about(Optional.of(id.value()), Optional.empty()));
        audited.actsFor(command.actor());
        RecordedReply reply = processOnce.process(
                new ProcessOnceCommand(new RequestKey("release", requestId), FhirJson.fingerprint(body)),
                () -> {
                    Released released = release.release(command);
                    released.prescriptions().forEach(handed -> audited.about(
                            Optional.of(handed.prescription().id().value()),
                            Optional.of(handed.prescription().order().patient().nhsNumber().value())));
                    access.succeeded(audited);
                    return new RecordedReply(200, FhirJson.CONTENT_TYPE, json.write(released.prescriptions().isEmpty()
                            ? mapper.noMorePrescriptions()
                            : mapper.released(released)));
                });
        access.answered(audited);
        ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
    }
}
