package org.openeps.adapters.http.system;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.Routes;
import org.openeps.application.shared.CheckHealthUseCase;
import org.openeps.application.shared.CheckHealthUseCase.HealthReport;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What operators and supplier systems ask of the service itself: {@code GET /_ping} (is it up),
 * {@code GET /_status} (can it reach its database) and {@code GET /FHIR/R4/metadata} (what it implements).
 */
public final class SystemRoutes implements Routes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The {@code $process-message} events handled. */
    private static final List<String> EVENTS = List.of("prescription-order", "prescription-order-update",
            "dispense-notification");

    private final FhirJson json;
    private final CheckHealthUseCase health;
    private final String version;
    private final Clock clock;

    public SystemRoutes(FhirJson json, CheckHealthUseCase health, String version, Clock clock) {
        this.json = json;
        this.health = health;
        this.version = version;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/_ping", this::ping);
        routes.get("/_status", this::status);
        routes.get("/FHIR/R4/metadata", this::metadata);
    }

    private void ping(Context ctx) {
        ObjectNode body = NODES.objectNode().put("status", "pass").put("version", version);
        ctx.contentType("application/json").result(json.write(body));
    }

    private void status(Context ctx) {
        HealthReport report = health.check();
        ObjectNode body = NODES.objectNode()
                .put("status", report.healthy() ? "pass" : "fail")
                .put("version", version);
        body.putObject("checks").putObject("database")
                .put("status", report.databaseReachable() ? "pass" : "fail");
        ctx.status(report.healthy() ? 200 : 503).contentType("application/json").result(json.write(body));
    }

    /**
     * The CapabilityStatement: what this service implements now. {@code $process-message} with the events it handles,
     * {@code Task/$release}, Task create (a dispenser's return or withdrawal) and search (by prescription ID or NHS
     * number), and Claim create.
     */
    private void metadata(Context ctx) {
        ObjectNode statement = NODES.objectNode()
                .put("resourceType", "CapabilityStatement")
                .put("status", "active")
                .put("date", clock.instant().toString())
                .put("kind", "instance")
                .put("fhirVersion", "4.0.1");
        statement.putObject("software").put("name", "OpenEPS").put("version", version);
        statement.putArray("format").add("application/fhir+json");
        ObjectNode rest = statement.putArray("rest").addObject().put("mode", "server");
        ArrayNode resources = rest.putArray("resource");

        ObjectNode task = resources.addObject().put("type", "Task");
        ArrayNode taskInteractions = task.putArray("interaction");
        taskInteractions.addObject().put("code", "create")
                .put("documentation", "A dispenser returns a prescription (status rejected) or withdraws its latest"
                        + " dispense notification (status in-progress, code abort)");
        taskInteractions.addObject().put("code", "search-type")
                .put("documentation", "Where prescriptions stand: a searchset of Tasks whose businessStatus is the EPS"
                        + " prescription status");
        ArrayNode searchParams = task.putArray("searchParam");
        searchParams.addObject().put("name", "focus:identifier").put("type", "token")
                .put("documentation", "Short-form prescription ID");
        searchParams.addObject().put("name", "patient:identifier").put("type", "token")
                .put("documentation", "The patient's NHS number");
        task.putArray("operation").addObject()
                .put("name", "release")
                .put("definition", "https://fhir.nhs.uk/OperationDefinition/Task-release")
                .put("documentation", "A dispenser downloads the prescriptions nominated to it, or one prescription by"
                        + " its ID (group-identifier)");

        ObjectNode claim = resources.addObject().put("type", "Claim");
        claim.putArray("interaction").addObject().put("code", "create")
                .put("documentation", "A dispenser claims for a dispensed prescription, or amends its claim");

        ArrayNode operations = rest.putArray("operation");
        operations.addObject()
                .put("name", "process-message")
                .put("definition", "http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message")
                .put("documentation", "Events supported: " + String.join(", ", EVENTS));
        ctx.contentType(FhirJson.CONTENT_TYPE).result(json.write(statement));
    }
}
