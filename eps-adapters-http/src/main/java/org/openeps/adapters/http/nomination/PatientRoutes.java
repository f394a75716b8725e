package org.openeps.adapters.http.nomination;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.HttpError;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.domain.access.AccessPolicy;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Caller;
import org.openeps.application.nomination.ChangeNominationsUseCase;
import org.openeps.application.nomination.ChangeNominationsUseCase.ChangeNominationsCommand;
import org.openeps.application.nomination.ChangeNominationsUseCase.NominationRequest;
import org.openeps.application.nomination.FindNominationsUseCase;
import org.openeps.application.nomination.StaleNominationsException;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nominations in the shape of the NHS Personal Demographics Service FHIR API: {@code GET} and {@code PATCH} (a JSON
 * Patch with {@code If-Match}) on {@code /personal-demographics/FHIR/R4/Patient/{nhsNumber}}; and, read-only, the
 * nomination history as JSON on {@code GET /api/patients/{nhsNumber}/nomination-history}.
 */
public final class PatientRoutes implements Routes {

    static final String PATIENT_PATH = "/personal-demographics/FHIR/R4/Patient/{nhsNumber}";
    static final String JSON_PATCH = "application/json-patch+json";

    private static final Pattern ENTITY_TAG = Pattern.compile("^\\s*(?:W/)?\"([0-9]{1,18})\"\\s*$");

    private final FhirJson json;
    private final PatientMapper mapper;
    private final FindNominationsUseCase findNominations;
    private final ChangeNominationsUseCase changeNominations;
    private final RequestAccess access;

    public PatientRoutes(FhirJson json, PatientMapper mapper, FindNominationsUseCase findNominations,
                         ChangeNominationsUseCase changeNominations, RequestAccess access) {
        this.json = json;
        this.access = access;
        this.mapper = mapper;
        this.findNominations = findNominations;
        this.changeNominations = changeNominations;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATIENT_PATH, this::read);
        routes.patch(PATIENT_PATH, this::patch);
        routes.get("/api/patients/{nhsNumber}/nomination-history", this::history);
    }

    private void read(Context ctx) {
        Audited audited = access.authorise(ctx, Action.READ_NOMINATIONS);
        NhsNumber patient = patient(ctx, audited);
        respond(ctx, findNominations.find(patient));
        access.succeeded(audited);
    }

    /** The patient of the path, whom the caller must be allowed to see. */
    private static NhsNumber patient(Context ctx, Audited audited) {
        NhsNumber patient = NhsNumber.parse(ctx.pathParam("nhsNumber"));
        audited.about(Optional.empty(), Optional.of(patient.value()));
        EpsException.require(AccessPolicy.maySee(audited.caller(), patient), ErrorCode.ACCESS_DENIED,
                "The caller may not see this patient's records");
        return patient;
    }

    private void patch(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        Audited audited = access.authorise(ctx, Action.CHANGE_NOMINATIONS);
        NhsNumber patient = patient(ctx, audited);
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON_PATCH)) {
            throw new HttpError(415, "not-supported", "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type must be " + JSON_PATCH + ", not " + (contentType == null ? "nothing" : contentType));
        }
        long expectedVersion = expectedVersion(ctx.header("If-Match"));
        Nominations current = findNominations.find(patient);
        if (current.version() != expectedVersion) {
            throw new StaleNominationsException("The patient's nominations are at version " + current.version()
                    + ", not " + expectedVersion + "; read the Patient again and patch that version");
        }
        ObjectNode original = mapper.patient(current);
        String patched = JsonPatches.apply(new String(json.write(original), StandardCharsets.UTF_8),
                new String(body, StandardCharsets.UTF_8));
        JsonNode patchedPatient = json.parse(patched.getBytes(StandardCharsets.UTF_8));
        List<NominationRequest> changes = mapper.changes(original, patchedPatient, current);
        respond(ctx, access.change(audited, () -> changeNominations.change(new ChangeNominationsCommand(patient,
                expectedVersion, changes, actor(audited.caller())))));
    }

    private void history(Context ctx) {
        Audited audited = access.authorise(ctx, Action.READ_NOMINATIONS);
        NhsNumber patient = patient(ctx, audited);
        ctx.contentType("application/json").result(json.write(mapper.history(findNominations.find(patient),
                findNominations.history(patient))));
        access.succeeded(audited);
    }

    private void respond(Context ctx, Nominations nominations) {
        ctx.header("ETag", "W/\"" + nominations.version() + "\"")
                .contentType(FhirJson.CONTENT_TYPE)
                .result(json.write(mapper.patient(nominations)));
    }

    /** The version in {@code If-Match: W/"<version>"}; required, so that no change is made blind. */
    private static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new HttpError(428, "required", "PRECONDITION_REQUIRED",
                    "The If-Match header is required: give the ETag of the Patient you read, e.g. W/\"1\"");
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch);
        EpsException.require(matcher.matches(), ErrorCode.INVALID_VALUE,
                "If-Match must be the ETag of the Patient you read, e.g. W/\"1\", not " + ifMatch);
        return Long.parseLong(matcher.group(1));
    }

    /** Who changes a nomination, as its history records it: a user's organisation and SDS user ID; not a patient's. */
    private static Actor actor(Caller caller) {
        return caller instanceof Caller.User user ? Actor.of(user.organisation(), Optional.of(user.sdsUserId()))
                : Actor.SERVICE;
    }
}
