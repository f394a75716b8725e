package org.openeps.adapters.http.tracking;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.FhirRequests;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.application.tracking.DuplicateStatusUpdateException;
import org.openeps.application.tracking.InvalidStatusUpdateException;
import org.openeps.application.tracking.UpdatePrescriptionStatusUseCase;
import org.openeps.application.tracking.UpdatePrescriptionStatusUseCase.UpdatePrescriptionStatusCommand;
import org.openeps.domain.access.Action;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.tracking.EntryVerdict;
import org.openeps.domain.tracking.StatusUpdateBundle;
import org.openeps.domain.tracking.StatusUpdateEntry;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /prescription-status-update/} (with or without the trailing slash): the NHS Prescription Status Update
 * API. A pharmacy (a dispensing user, or its supplier system on its own when assured for status updates) sends a
 * {@code transaction} Bundle of Tasks, one per item; all are stored, or none.
 *
 * <p>Answers, each a {@code transaction-response} Bundle with an entry per request entry, as the NHS API gives them
 * (see {@link StatusUpdateMapper}): 201 when stored (200 for a bundle without entries, which stores nothing); 400
 * when any entry, the bundle or the {@code X-Request-ID} (a UUID, required as on the FHIR API) is wrong, saying which
 * entries failed and that the others were not committed; 409 when a Task ID is already stored. Failures of the
 * request as a whole are answered as on the FHIR API, by an OperationOutcome: 401, 403 (a user whose organisation is
 * not every Task's {@code owner} is {@code IDENTITY_MISMATCH}), 413 (more than {@code StatusUpdateRules.MAX_ENTRIES}
 * entries, or too many bytes), 415, and 400 for a body that is not a JSON object or whose {@code entry} is not an
 * array.
 *
 * <p>Every Task's prescription ID and NHS number (those that are valid) is audited; the updates and the audit record
 * of their success are written in one transaction.
 */
public final class StatusUpdateRoutes implements Routes {

    /** Where the API is served; {@code /prescription-status-update/} is the same (Javalin ignores a trailing slash). */
    public static final String PATH = "/prescription-status-update";

    private static final String BUNDLE = "openeps.statusUpdateBundle";
    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final FhirJson json;
    private final StatusUpdateMapper mapper;
    private final UpdatePrescriptionStatusUseCase update;
    private final RequestAccess access;
    private final Clock clock;

    public StatusUpdateRoutes(FhirJson json, StatusUpdateMapper mapper, UpdatePrescriptionStatusUseCase update,
                              RequestAccess access, Clock clock) {
        this.json = json;
        this.mapper = mapper;
        this.update = update;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::update);
        routes.exception(InvalidStatusUpdateException.class, this::invalid);
        routes.exception(DuplicateStatusUpdateException.class, this::duplicate);
    }

    private void update(Context ctx) {
        Audited audited = access.authorise(ctx, Action.UPDATE_STATUS);
        byte[] body = FhirRequests.jsonBody(ctx);
        requireRequestId(ctx.header("X-Request-ID"));
        StatusUpdateBundle bundle = mapper.toBundle(json.parse(body));
        ctx.attribute(BUNDLE, bundle);
        for (StatusUpdateEntry entry : bundle.entries()) {
            Optional<String> prescriptionId = entry.validPrescriptionId().map(PrescriptionId::value);
            Optional<String> nhsNumber = entry.validNhsNumber().map(NhsNumber::value);
            if (prescriptionId.isPresent() || nhsNumber.isPresent()) {
                audited.about(prescriptionId, nhsNumber);
            }
        }
        // a user sends for their own pharmacy only; a supplier system on its own for any
        bundle.entries().stream()
                .map(StatusUpdateEntry::validPharmacy)
                .flatMap(Optional::stream)
                .distinct()
                .forEach(pharmacy -> audited.actsFor(Actor.of(pharmacy, Optional.empty())));
        List<EntryVerdict.Accepted> stored = access.change(audited,
                () -> update.update(new UpdatePrescriptionStatusCommand(bundle)));
        // the NHS API answers a bundle without entries 200, with no entries
        respond(ctx, bundle.entries().isEmpty() ? 200 : 201, mapper.created(stored, clock.instant()));
    }

    /** The NHS API's own check: a request without an X-Request-ID is answered in its Bundle shape. */
    private static void requireRequestId(String requestId) {
        if (requestId == null || requestId.isBlank()) {
            throw refused(StatusUpdateMapper.MISSING_REQUEST_ID);
        }
        if (!UUID_FORMAT.matcher(requestId.strip()).matches()) {
            throw refused(StatusUpdateMapper.INVALID_REQUEST_ID);
        }
    }

    private static InvalidStatusUpdateException refused(String diagnostics) {
        return new InvalidStatusUpdateException(List.of(new EntryVerdict.Refused(Optional.empty(), diagnostics)));
    }

    private void invalid(InvalidStatusUpdateException e, Context ctx) {
        access.failed(ctx, "INVALID_VALUE");
        respond(ctx, 400, mapper.invalid(e.verdicts(), clock.instant()));
    }

    private void duplicate(DuplicateStatusUpdateException e, Context ctx) {
        access.failed(ctx, "REC_CONFLICT");
        StatusUpdateBundle bundle = ctx.attribute(BUNDLE);
        respond(ctx, 409, mapper.duplicate(bundle, Set.copyOf(e.taskIds()), clock.instant()));
    }

    private void respond(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType(FhirJson.CONTENT_TYPE).header("Cache-Control", "no-cache")
                .result(json.write(body));
    }
}
