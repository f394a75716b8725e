package org.openeps.adapters.http.prescription;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.application.prescription.FindPrescriptionsUseCase;
import org.openeps.application.prescription.FindPrescriptionsUseCase.FindPrescriptionsQuery;
import org.openeps.domain.access.AccessPolicy;
import org.openeps.domain.access.Action;
import org.openeps.domain.prescription.Prescription;
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
    private final RequestAccess access;

    public TaskRoutes(FhirJson json, TaskMapper mapper, FindPrescriptionsUseCase findPrescriptions,
                      RequestAccess access) {
        this.json = json;
        this.access = access;
        this.mapper = mapper;
        this.findPrescriptions = findPrescriptions;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/FHIR/R4/Task", this::search);
    }

    private void search(Context ctx) {
        Audited audited = access.authorise(ctx, Action.READ_PRESCRIPTIONS);
        Map<String, List<String>> parameters = ctx.queryParamMap();
        EpsException.require(parameters.size() == 1 && PARAMETERS.containsAll(parameters.keySet())
                        && parameters.values().iterator().next().size() == 1,
                ErrorCode.INVALID_VALUE, "Query parameter must be one of: focus:identifier, patient:identifier.");
        FindPrescriptionsQuery query = parameters.containsKey(BY_PRESCRIPTION)
                ? FindPrescriptionsQuery.byId(PrescriptionId.parse(
                        value(ctx.queryParam(BY_PRESCRIPTION), FhirSystems.PRESCRIPTION_ORDER_NUMBER)))
                : FindPrescriptionsQuery.byPatient(NhsNumber.parse(
                        value(ctx.queryParam(BY_PATIENT), FhirSystems.NHS_NUMBER)));
        query.nhsNumber().ifPresent(patient -> EpsException.require(AccessPolicy.maySee(audited.caller(), patient),
                ErrorCode.ACCESS_DENIED, "The caller may not see this patient's prescriptions"));
        // a prescription of a patient the caller may not see is not there for them
        List<Prescription> found = findPrescriptions.find(query).stream()
                .filter(prescription -> AccessPolicy.maySee(audited.caller(), prescription.order().patient().nhsNumber()))
                .toList();
        found.forEach(prescription -> audited.about(Optional.of(prescription.id().value()),
                Optional.of(prescription.order().patient().nhsNumber().value())));
        query.nhsNumber().ifPresent(patient -> audited.about(Optional.empty(), Optional.of(patient.value())));
        ctx.contentType(FhirJson.CONTENT_TYPE).result(json.write(mapper.searchset(found)));
        access.succeeded(audited);
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
