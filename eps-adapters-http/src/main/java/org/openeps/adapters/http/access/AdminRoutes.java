package org.openeps.adapters.http.access;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.FhirRequests;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.application.access.ManageSupplierSystemsUseCase;
import org.openeps.application.audit.AuditQuery;
import org.openeps.application.audit.ReadAuditTrailUseCase;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Feature;
import org.openeps.domain.access.SupplierSystem;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.ChainedAuditRecord;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The administrators' JSON API: the supplier registry ({@code GET /api/admin/supplier-systems},
 * {@code GET} and {@code PUT /api/admin/supplier-systems/{clientId}}) and the audit trail
 * ({@code GET /api/admin/audit?nhsNumber=&prescriptionId=&limit=}, {@code GET /api/admin/audit/verify}).
 */
public final class AdminRoutes implements Routes {

    private static final String CONTENT_TYPE = "application/json";
    private static final Set<String> AUDIT_PARAMETERS = Set.of("nhsNumber", "prescriptionId", "limit");
    private static final int DEFAULT_AUDIT_LIMIT = 100;

    private final FhirJson json;
    private final RequestAccess access;
    private final ManageSupplierSystemsUseCase supplierSystems;
    private final ReadAuditTrailUseCase auditTrail;

    public AdminRoutes(FhirJson json, RequestAccess access, ManageSupplierSystemsUseCase supplierSystems,
                       ReadAuditTrailUseCase auditTrail) {
        this.json = json;
        this.access = access;
        this.supplierSystems = supplierSystems;
        this.auditTrail = auditTrail;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/admin/supplier-systems", this::listSystems);
        routes.get("/api/admin/supplier-systems/{clientId}", this::findSystem);
        routes.put("/api/admin/supplier-systems/{clientId}", this::registerSystem);
        routes.get("/api/admin/audit", this::readAudit);
        routes.get("/api/admin/audit/verify", this::verifyAudit);
    }

    private void listSystems(Context ctx) {
        Audited audited = access.authorise(ctx, Action.MANAGE_SUPPLIER_SYSTEMS);
        ArrayNode systems = JsonNodeFactory.instance.arrayNode();
        supplierSystems.all().forEach(system -> systems.add(system(system)));
        respond(ctx, JsonNodeFactory.instance.objectNode().set("supplierSystems", systems));
        access.succeeded(audited);
    }

    private void findSystem(Context ctx) {
        Audited audited = access.authorise(ctx, Action.MANAGE_SUPPLIER_SYSTEMS);
        String clientId = ctx.pathParam("clientId");
        respond(ctx, system(supplierSystems.find(clientId).orElseThrow(() -> new EpsException(
                ErrorCode.RESOURCE_NOT_FOUND, "No supplier system with client ID " + clientId))));
        access.succeeded(audited);
    }

    /** Registers a system, or replaces its entry: supplier, product, version, features and status. */
    private void registerSystem(Context ctx) {
        Audited audited = access.authorise(ctx, Action.MANAGE_SUPPLIER_SYSTEMS);
        JsonNode body = json.parse(FhirRequests.jsonBody(ctx));
        SupplierSystem system = new SupplierSystem(ctx.pathParam("clientId"), text(body, "supplier"),
                text(body, "product"), text(body, "version"), features(body), status(body));
        respond(ctx, system(access.change(audited, () -> supplierSystems.register(system))));
    }

    private void readAudit(Context ctx) {
        Audited audited = access.authorise(ctx, Action.READ_AUDIT);
        EpsException.require(AUDIT_PARAMETERS.containsAll(ctx.queryParamMap().keySet()), ErrorCode.INVALID_VALUE,
                "Search the audit trail by nhsNumber, prescriptionId and limit, not " + ctx.queryParamMap().keySet());
        int limit = Optional.ofNullable(ctx.queryParam("limit")).map(AdminRoutes::number).orElse(DEFAULT_AUDIT_LIMIT);
        List<ChainedAuditRecord> records = auditTrail.find(new AuditQuery(
                Optional.ofNullable(ctx.queryParam("nhsNumber")), Optional.ofNullable(ctx.queryParam("prescriptionId")),
                limit));
        audited.about(Optional.ofNullable(ctx.queryParam("prescriptionId")),
                Optional.ofNullable(ctx.queryParam("nhsNumber")));
        ArrayNode entries = JsonNodeFactory.instance.arrayNode();
        records.forEach(record -> entries.add(AuditJson.record(record)));
        respond(ctx, JsonNodeFactory.instance.objectNode().set("records", entries));
        access.succeeded(audited);
    }

    private void verifyAudit(Context ctx) {
        Audited audited = access.authorise(ctx, Action.READ_AUDIT);
        AuditVerification verification = auditTrail.verify();
        respond(ctx, AuditJson.verification(verification));
        access.succeeded(audited);
    }

    private void respond(Context ctx, JsonNode body) {
        ctx.contentType(CONTENT_TYPE).result(json.write(body));
    }

    private static ObjectNode system(SupplierSystem system) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("clientId", system.clientId())
                .put("supplier", system.supplier())
                .put("product", system.product())
                .put("version", system.version())
                .put("status", system.status().name().toLowerCase(Locale.ROOT));
        ArrayNode features = node.putArray("features");
        system.features().stream().sorted().forEach(feature -> features.add(code(feature)));
        return node;
    }

    private static String code(Feature feature) {
        return feature.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Set<Feature> features(JsonNode body) {
        JsonNode features = body.path("features");
        EpsException.require(features.isArray(), ErrorCode.MISSING_VALUE,
                "features must list what the system is assured for: prescribing, dispensing, tracking, status-update");
        Set<Feature> result = EnumSet.noneOf(Feature.class);
        for (JsonNode feature : features) {
            result.add(enumValue(Feature.class, feature.asString(""), "feature"));
        }
        return result;
    }

    private static SupplierSystem.Status status(JsonNode body) {
        return enumValue(SupplierSystem.Status.class, text(body, "status"), "status");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String code, String what) {
        for (E value : type.getEnumConstants()) {
            if (value.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(code)) {
                return value;
            }
        }
        throw new EpsException(ErrorCode.INVALID_VALUE, "Unknown " + what + " '" + code + "'");
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        EpsException.require(value.isString() && !value.asString().isBlank(), ErrorCode.MISSING_VALUE,
                "The field " + field + " is required");
        return value.asString();
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new EpsException(ErrorCode.INVALID_VALUE, "limit must be a number, not '" + text + "'");
        }
    }
}
