package org.openeps.app;

import java.util.Optional;
import java.util.UUID;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.dispensing.ClaimMapper;
import org.openeps.adapters.http.dispensing.DispenseNotificationMapper;
import org.openeps.adapters.http.dispensing.DispenserTaskMapper;
import org.openeps.adapters.http.dispensing.DispenserTaskMapper.ReturnTask;
import org.openeps.adapters.http.dispensing.DispenserTaskMapper.WithdrawTask;
import org.openeps.adapters.http.dispensing.ReleaseMapper;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.adapters.http.prescription.CancelMapper;
import org.openeps.adapters.http.prescription.PrescriptionOrderMapper;
import org.openeps.domain.prescription.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The caller a request is sent as by the tests that are not about access: the user the message itself names, at the
 * organisation it acts for, read by the service's own mappers, so that the published messages are sent by the
 * prescriber or dispenser they name. A message the mappers cannot read is sent by a caller allowed to send it, so
 * that the service's own refusal is what the test sees. Reads go as a dispensing user, administration as an
 * administrator. The access tests name their callers themselves.
 */
final class MessageCallers {

    private static final FhirJson JSON = new FhirJson();
    private static final String SOME_PRACTICE = "A83008";
    private static final String SOME_PHARMACY = "VNE51";

    private MessageCallers() {
    }

    static ObjectNode callerFor(String method, String path, byte[] body) {
        if (path.startsWith("/api/admin/")) {
            return Callers.administrator();
        }
        if (!method.equals("POST") || !path.startsWith("/FHIR/R4/")) {
            return Callers.dispenser(SOME_PHARMACY);
        }
        JsonNode parsed;
        try {
            parsed = JSON.parse(body);
        } catch (RuntimeException unreadable) {
            return path.contains("process-message") ? Callers.prescriber(SOME_PRACTICE) : Callers.dispenser(SOME_PHARMACY);
        }
        if (path.contains("process-message")) {
            return messageCaller(parsed);
        }
        try {
            if (path.endsWith("release")) {
                return dispenser(new ReleaseMapper(JSON).toCommand(parsed, UUID.randomUUID().toString()).actor());
            }
            if (path.equals("/FHIR/R4/Task")) {
                return dispenser(switch (new DispenserTaskMapper().toTask(parsed, UUID.randomUUID().toString())) {
                    case ReturnTask task -> task.command().actor();
                    case WithdrawTask task -> task.command().actor();
                });
            }
            if (path.equals("/FHIR/R4/Claim")) {
                return dispenser(new ClaimMapper().toCommand(parsed).actor());
            }
        } catch (RuntimeException unreadable) {
            return Callers.dispenser(SOME_PHARMACY);
        }
        return Callers.dispenser(SOME_PHARMACY);
    }

    private static ObjectNode messageCaller(JsonNode parsed) {
        String event;
        MessageBundle message;
        try {
            message = MessageBundle.of(parsed);
            event = message.event();
        } catch (RuntimeException unreadable) {
            return Callers.prescriber(SOME_PRACTICE);
        }
        try {
            return switch (event) {
                case "prescription-order" -> {
                    var prescriber = new PrescriptionOrderMapper().toOrder(message).prescriber();
                    yield Callers.prescriber(prescriber.organisation().value(), prescriber.sdsUserId());
                }
                case "prescription-order-update" -> {
                    var cancel = new CancelMapper().toCommand(message);
                    yield Callers.prescriber(cancel.requestedBy().value(), cancel.prescriber());
                }
                case "dispense-notification" -> dispenser(new DispenseNotificationMapper().toCommand(message).actor());
                default -> Callers.prescriber(SOME_PRACTICE);
            };
        } catch (RuntimeException unreadable) {
            return event.equals("dispense-notification") ? Callers.dispenser(SOME_PHARMACY)
                    : Callers.prescriber(SOME_PRACTICE);
        }
    }

    private static ObjectNode dispenser(Actor actor) {
        return Callers.dispenser(actor.organisation().map(Object::toString).orElse(SOME_PHARMACY), actor.person());
    }

    static Optional<String> roleProfile(ObjectNode caller) {
        return Optional.ofNullable(caller.get("roleProfileId")).map(JsonNode::asString);
    }
}
