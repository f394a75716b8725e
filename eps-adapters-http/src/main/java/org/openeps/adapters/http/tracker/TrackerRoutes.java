package org.openeps.adapters.http.tracker;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.application.tracker.ListPrescriptionsUseCase;
import org.openeps.application.tracker.ListPrescriptionsUseCase.ListPrescriptionsQuery;
import org.openeps.application.tracker.PatientDetails;
import org.openeps.application.tracker.PatientMatches;
import org.openeps.application.tracker.PrescriptionDetails;
import org.openeps.application.tracker.PrescriptionList;
import org.openeps.application.tracker.PrescriptionSummary;
import org.openeps.application.tracker.SearchPatientsUseCase;
import org.openeps.application.tracker.SearchPatientsUseCase.SearchPatientsQuery;
import org.openeps.application.tracker.ViewPrescriptionUseCase;
import org.openeps.application.tracker.ViewPrescriptionUseCase.ViewPrescriptionQuery;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Caller;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;

/**
 * The clinical prescription tracker's JSON API, for users of prescribing and dispensing sites (patients have their own
 * API; a supplier system without a user may not read here): {@code GET /api/prescription-list?prescriptionId=} or
 * {@code ?nhsNumber=}, {@code GET /api/patient-search?familyName=&dateOfBirth=&givenName=&postcode=} and
 * {@code GET /api/prescription-details/{prescriptionId}?issueNumber=}. Every read is audited, one record for each
 * prescription or patient it returned. Errors are answered as problem details by the server, naming the parameter at
 * fault.
 */
public final class TrackerRoutes implements Routes {

    private static final String CONTENT_TYPE = "application/json";
    private static final Set<String> LIST_PARAMETERS = Set.of("prescriptionId", "nhsNumber");
    private static final Set<String> SEARCH_PARAMETERS = Set.of("familyName", "dateOfBirth", "givenName", "postcode");
    private static final Set<String> DETAILS_PARAMETERS = Set.of("issueNumber");

    private final FhirJson json;
    private final TrackerJson mapper = new TrackerJson();
    private final ListPrescriptionsUseCase listPrescriptions;
    private final SearchPatientsUseCase searchPatients;
    private final ViewPrescriptionUseCase viewPrescription;
    private final RequestAccess access;

    public TrackerRoutes(FhirJson json, ListPrescriptionsUseCase listPrescriptions, SearchPatientsUseCase searchPatients,
                         ViewPrescriptionUseCase viewPrescription, RequestAccess access) {
        this.json = json;
        this.listPrescriptions = listPrescriptions;
        this.searchPatients = searchPatients;
        this.viewPrescription = viewPrescription;
        this.access = access;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/prescription-list", this::list);
        routes.get("/api/patient-search", this::search);
        routes.get("/api/prescription-details/{prescriptionId}", this::details);
    }

    private void list(Context ctx) {
        Audited audited = authorise(ctx);
        Map<String, List<String>> parameters = parameters(ctx, LIST_PARAMETERS);
        EpsException.require(parameters.size() == 1, ErrorCode.INVALID_VALUE,
                "Give exactly one of the query parameters prescriptionId and nhsNumber");
        ListPrescriptionsQuery query = parameters.containsKey("prescriptionId")
                ? ListPrescriptionsQuery.byId(parse("prescriptionId", ctx.queryParam("prescriptionId"), PrescriptionId::parse))
                : ListPrescriptionsQuery.byPatient(parse("nhsNumber", ctx.queryParam("nhsNumber"), NhsNumber::parse));
        PrescriptionList found = listPrescriptions.list(query).orElseThrow(() -> new EpsException(
                ErrorCode.PRESCRIPTION_NOT_FOUND, query.prescriptionId()
                        .map(id -> "No prescription " + id + " was found")
                        .orElse("No prescriptions issued in the last two years were found for this NHS number")));
        String nhsNumber = found.patient().nhsNumber().value();
        for (List<PrescriptionSummary> tab : List.of(found.current(), found.future(), found.past())) {
            tab.forEach(summary -> audited.about(Optional.of(summary.prescriptionId().value()), Optional.of(nhsNumber)));
        }
        respond(ctx, mapper.prescriptionList(found), audited);
    }

    private void search(Context ctx) {
        Audited audited = authorise(ctx);
        parameters(ctx, SEARCH_PARAMETERS);
        String familyName = required(ctx, "familyName");
        LocalDate dateOfBirth = parse("dateOfBirth", required(ctx, "dateOfBirth"), TrackerRoutes::date);
        PatientMatches matches = searchPatients.search(new SearchPatientsQuery(familyName, dateOfBirth,
                Optional.ofNullable(ctx.queryParam("givenName")), Optional.ofNullable(ctx.queryParam("postcode"))));
        for (PatientDetails patient : matches.patients()) {
            audited.about(Optional.empty(), Optional.of(patient.nhsNumber().value()));
        }
        respond(ctx, mapper.patientSearch(matches), audited);
    }

    private void details(Context ctx) {
        Audited audited = authorise(ctx);
        parameters(ctx, DETAILS_PARAMETERS);
        PrescriptionId id = parse("prescriptionId", ctx.pathParam("prescriptionId"), PrescriptionId::parse);
        OptionalInt issueNumber = Optional.ofNullable(ctx.queryParam("issueNumber"))
                .map(raw -> OptionalInt.of(parse("issueNumber", raw, TrackerRoutes::issueNumber)))
                .orElse(OptionalInt.empty());
        audited.about(Optional.of(id.value()), Optional.empty());
        PrescriptionDetails details = viewPrescription.view(new ViewPrescriptionQuery(id, issueNumber))
                .orElseThrow(() -> new EpsException(ErrorCode.PRESCRIPTION_NOT_FOUND,
                        "No prescription " + id + " was found"));
        audited.about(Optional.of(id.value()), Optional.of(details.patient().nhsNumber().value()));
        respond(ctx, mapper.prescriptionDetails(details), audited);
    }

    /** Users of prescribing and dispensing sites only: patients read through their own API. */
    private Audited authorise(Context ctx) {
        Audited audited = access.authorise(ctx, Action.READ_PRESCRIPTIONS);
        EpsException.require(audited.caller() instanceof Caller.User, ErrorCode.ACCESS_DENIED,
                "The clinical prescription tracker is for users of prescribing and dispensing sites");
        return audited;
    }

    private void respond(Context ctx, tools.jackson.databind.node.ObjectNode body, Audited audited) {
        ctx.contentType(CONTENT_TYPE).result(json.write(body));
        access.succeeded(audited);
    }

    /** The query parameters, each known and given once. */
    private static Map<String, List<String>> parameters(Context ctx, Set<String> known) {
        Map<String, List<String>> parameters = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            EpsException.require(known.contains(parameter.getKey()), ErrorCode.INVALID_VALUE,
                    "Unknown query parameter " + parameter.getKey() + "; expected " + known.stream().sorted().toList());
            EpsException.require(parameter.getValue().size() == 1, ErrorCode.INVALID_VALUE,
                    "Query parameter " + parameter.getKey() + " must be given once");
        }
        return parameters;
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        EpsException.require(value != null && !value.isBlank(), ErrorCode.MISSING_VALUE,
                "Query parameter " + name + " is required");
        return value;
    }

    /** Parses one input, so that what is wrong with it names the parameter it came in. */
    private static <T> T parse(String name, String raw, Function<String, T> parser) {
        EpsException.require(raw != null && !raw.isBlank(), ErrorCode.MISSING_VALUE, name + " is required");
        try {
            return parser.apply(raw);
        } catch (EpsException e) {
            throw new EpsException(e.code(), name + ": " + e.getMessage());
        }
    }

    private static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new EpsException(ErrorCode.INVALID_VALUE, "must be a date written YYYY-MM-DD, not '" + raw + "'");
        }
    }

    private static int issueNumber(String raw) {
        EpsException.require(raw.strip().matches("[0-9]{1,4}") && Integer.parseInt(raw.strip()) >= 1,
                ErrorCode.INVALID_VALUE, "must be a whole number from 1, not '" + raw + "'");
        return Integer.parseInt(raw.strip());
    }
}
