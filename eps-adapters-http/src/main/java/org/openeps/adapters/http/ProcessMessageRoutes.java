package org.openeps.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.application.shared.ProcessOnceUseCase;
import org.openeps.application.shared.ProcessOnceUseCase.ProcessOnceCommand;
import org.openeps.application.shared.RecordedReply;
import org.openeps.application.shared.RequestKey;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /FHIR/R4/$process-message}: reads the message envelope, hands the message to the handler of its
 * event once the caller is authorised for it and the message acts for the caller, and makes it idempotent on
 * {@code Bundle.identifier}: a message sent again gets its first answer and changes nothing.
 */
public final class ProcessMessageRoutes implements Routes {

    private final FhirJson json;
    private final ProcessOnceUseCase processOnce;
    private final RequestAccess access;
    private final Map<String, MessageHandler> handlers;

    public ProcessMessageRoutes(FhirJson json, ProcessOnceUseCase processOnce, RequestAccess access,
                                List<MessageHandler> handlers) {
        this.json = json;
        this.processOnce = processOnce;
        this.access = access;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(MessageHandler::event, Function.identity()));
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/FHIR/R4/$process-message", this::processMessage);
        routes.post("/FHIR/R4/%24process-message", this::processMessage);
    }

    private void processMessage(Context ctx) {
        byte[] body = FhirRequests.jsonBody(ctx);
        JsonNode parsed = json.parse(body);
        MessageBundle message = MessageBundle.of(parsed);
        String event = message.event();
        MessageHandler handler = handlers.get(event);
        if (handler == null) {
            throw new EpsException(ErrorCode.INVALID_VALUE, "Unknown message event: " + event + "; expected one of "
                    + String.join(", ", new TreeSet<>(handlers.keySet())));
        }
        Audited audited = access.authorise(ctx, handler.action());
        Supplier<RecordedReply> work = handler.prepare(message, FhirJson.text(body), audited);
        RecordedReply reply = processOnce.process(
                new ProcessOnceCommand(new RequestKey("message", message.identifier()), FhirJson.fingerprint(body)),
                () -> {
                    RecordedReply answer = work.get();
                    access.succeeded(audited);
                    return answer;
                });
        access.answered(audited);
        ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
    }
}
