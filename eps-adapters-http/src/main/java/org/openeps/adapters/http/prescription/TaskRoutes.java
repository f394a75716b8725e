package org.openeps.adapters.http.prescription;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.application.prescription.FindPrescriptionsUseCase;
import org.openeps.application.prescription.FindPrescriptionsUseCase.FindPrescriptionsQuery;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;

/**
 * {@code GET /FHIR/R4/Task?focus:identifier=<prescription ID>} or {@code ?patient:identifier=<NHS number>}: where
 * prescriptions stand now, as a searchset of Tasks whose {@code businessStatus} is the EPS status.
 */
public final class TaskRoutes implements Routes {

    private static final String BY_PRESCRIPTION = "focus:identifier";
    private static final String BY_PATIENT = "patient:identifier";
    private static final Set<String> PARAMETERS = Set.of(BY_PRESCRIPTION, BY_PATIENT);

    private final FhirJson json;
    private final TaskMapper mapper;
    private final FindPrescriptionsUseCase findPrescriptions;

    public TaskRoutes(FhirJson json, TaskMapper mapper, FindPrescriptionsUseCase findPrescriptions) {
        this.json = json;
        this.mapper = mapper;
        this.findPrescriptions = findPrescriptions;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/FHIR/R4/Task", this::search);
    }

    private void search(Context ctx) {
        Map<String, List<String>> parameters = ctx.queryParamMap();
        EpsException.require(parameters.size() == 1 && PARAMETERS.containsAll(parameters.keySet())
                        && parameters.values().iterator().next().size() == 1,
                ErrorCode.INVALID_VALUE, "Query parameter must be one of: focus:identifier, patient:identifier.");
        FindPrescriptionsQuery query = parameters.containsKey(BY_PRESCRIPTION)
                ? FindPrescriptionsQuery.byId(PrescriptionId.parse(
                        value(ctx.queryParam(BY_PRESCRIPTION), FhirSystems.PRESCRIPTION_ORDER_NUMBER)))
                : FindPrescriptionsQuery.byPatient(NhsNumber.parse(
                        value(ctx.queryParam(BY_PATIENT), FhirSystems.NHS_NUMBER)));
        ctx.contentType(FhirJson.CONTENT_TYPE).result(json.write(mapper.searchset(findPrescriptions.find(query))));
    }

    /** A token parameter: {@code value} or {@code system|value}, where the system must be the expected one. */
    private static String value(String token, String system) {
        EpsException.require(!token.contains(" "), ErrorCode.INVALID_VALUE,
                "Search value '" + token + "' contains a space; a '+' in a URL must be sent as %2B");
        int bar = token.indexOf('|');
        if (bar < 0) {
            return token;
        }
        EpsException.require(token.substring(0, bar).equals(system) || bar == 0, ErrorCode.INVALID_VALUE,
                "Identifier system must be " + system);
        return token.substring(bar + 1);
    }
}
