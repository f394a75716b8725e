package org.openeps.adapters.http.tracking;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openeps.adapters.http.HttpError;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.tracking.EntryVerdict;
import org.openeps.domain.tracking.StatusUpdateBundle;
import org.openeps.domain.tracking.StatusUpdateEntry;
import org.openeps.domain.tracking.StatusUpdateEntry.Identifier;
import org.openeps.domain.tracking.StatusUpdateRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Prescription Status Update API's FHIR: a {@code transaction} Bundle of Tasks in, a {@code transaction-response}
 * Bundle out, with one entry per request entry (its {@code fullUrl} and a {@code response} whose {@code outcome} is an
 * OperationOutcome), as the NHS API answers.
 *
 * <p>Reading is lenient: a value of the wrong JSON type is read as its text and left to {@link StatusUpdateRules} to
 * refuse in the API's words, so that no client mistake in an entry escapes the per-entry answer.
 */
public final class StatusUpdateMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    static final String CREATED = "No issues detected during validation.";
    static final String NOT_COMMITTED = "Data not committed due to issues in other entries.";
    static final String DUPLICATE = "Request contains a task id identical to a record already in the data store.";
    static final String MISSING_REQUEST_ID = "Missing or empty x-request-id header.";
    static final String INVALID_REQUEST_ID = "Invalid x-request-id header: it must be a UUID.";

    /**
     * The bundle as received.
     *
     * @throws HttpError 413 when it holds more than {@value StatusUpdateRules#MAX_ENTRIES} entries
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} when {@code entry} is there but not an array
     */
    public StatusUpdateBundle toBundle(JsonNode body) {
        JsonNode entry = body.path("entry");
        EpsException.require(entry.isMissingNode() || entry.isNull() || entry.isArray(), ErrorCode.INVALID_VALUE,
                "Bundle.entry must be an array");
        if (entry.size() > StatusUpdateRules.MAX_ENTRIES) {
            throw new HttpError(413, "too-costly", "TOO_MANY_ENTRIES", StatusUpdateRules.tooManyEntries(entry.size()));
        }
        List<StatusUpdateEntry> entries = new ArrayList<>();
        entry.forEach(element -> entries.add(toEntry(element)));
        return new StatusUpdateBundle(text(body.path("resourceType")), text(body.path("type")), entries);
    }

    private static StatusUpdateEntry toEntry(JsonNode entry) {
        JsonNode task = entry.path("resource");
        return new StatusUpdateEntry(
                text(entry.path("fullUrl")),
                text(task.path("resourceType")),
                text(task.path("id")),
                identifier(task.path("basedOn").path(0).path("identifier")),
                identifier(task.path("focus").path("identifier")),
                identifier(task.path("for").path("identifier")),
                identifier(task.path("owner").path("identifier")),
                coding(task.path("businessStatus").path("coding").path(0)),
                text(task.path("status")),
                text(task.path("lastModified")),
                repeatNumber(task.path("input")));
    }

    private static Identifier identifier(JsonNode identifier) {
        return new Identifier(text(identifier.path("system")), text(identifier.path("value")));
    }

    private static Identifier coding(JsonNode coding) {
        return new Identifier(text(coding.path("system")), text(coding.path("code")));
    }

    /** The {@code valueInteger} of the input typed {@code Repeat Number}, as its JSON text when not an integer. */
    private static Optional<String> repeatNumber(JsonNode inputs) {
        for (JsonNode input : inputs) {
            if (text(input.path("type").path("text")).filter(StatusUpdateRules.REPEAT_NUMBER::equals).isPresent()) {
                JsonNode value = input.path("valueInteger");
                if (value.isIntegralNumber()) {
                    return Optional.of(value.bigIntegerValue().toString());
                }
                return Optional.of(value.isMissingNode() ? "" : value.toString());
            }
        }
        return Optional.empty();
    }

    /** A string as sent (empty when absent, null or {@code ""}); any other JSON value as its JSON text. */
    private static Optional<String> text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String text = node.isString() ? node.stringValue() : node.toString();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** 201: every entry {@code 201 Created}. */
    public ObjectNode created(List<EntryVerdict.Accepted> stored, Instant now) {
        ObjectNode bundle = responseBundle();
        ArrayNode entries = bundle.putArray("entry");
        stored.forEach(accepted -> entries.add(entry(accepted.fullUrl(), "201 Created",
                outcome(now, "information", "success", CREATED))));
        return bundle;
    }

    /**
     * 400: each refused entry {@code 400 Bad Request} with what is wrong, each valid one {@code 200 OK} but not
     * committed; or one entry without a {@code fullUrl} about the bundle as a whole.
     */
    public ObjectNode invalid(List<EntryVerdict> verdicts, Instant now) {
        ObjectNode bundle = responseBundle();
        ArrayNode entries = bundle.putArray("entry");
        for (EntryVerdict verdict : verdicts) {
            entries.add(switch (verdict) {
                case EntryVerdict.Accepted accepted -> notCommitted(accepted.fullUrl(), now);
                case EntryVerdict.Refused refused -> entry(refused.fullUrl(), "400 Bad Request",
                        outcome(now, "error", "value", refused.diagnostics()));
            });
        }
        return bundle;
    }

    /** 400 about the request as a whole (its X-Request-ID): one entry, no {@code fullUrl}. */
    public ObjectNode badRequest(String diagnostics, Instant now) {
        return invalid(List.of(new EntryVerdict.Refused(Optional.empty(), diagnostics)), now);
    }

    /**
     * 409: each entry whose Task ID (in any case) is already stored {@code 409 Conflict} ({@code duplicate}, {@code REC_CONFLICT}),
     * every other {@code 200 OK} but not committed.
     */
    public ObjectNode duplicate(StatusUpdateBundle request, Set<String> taskIds, Instant now) {
        ObjectNode bundle = responseBundle();
        ArrayNode entries = bundle.putArray("entry");
        for (StatusUpdateEntry entry : request.entries()) {
            // Task IDs are stored in lower case: ABC... is the Task abc...
            Optional<String> stored = entry.taskId().map(id -> id.toLowerCase(Locale.ROOT)).filter(taskIds::contains);
            if (stored.isEmpty()) {
                entries.add(notCommitted(entry.fullUrl(), now));
                continue;
            }
            ObjectNode outcome = outcome(now, "error", "duplicate", DUPLICATE);
            ObjectNode issue = (ObjectNode) outcome.path("issue").path(0);
            issue.remove("diagnostics");
            issue.putObject("details").putArray("coding").addObject()
                    .put("system", "https://fhir.nhs.uk/CodeSystem/http-error-codes")
                    .put("code", "REC_CONFLICT")
                    .put("display", "409: The Receiver identified a conflict.");
            issue.put("diagnostics", DUPLICATE);
            ObjectNode conflict = entry(entry.fullUrl(), "409 Conflict", outcome);
            ObjectNode response = (ObjectNode) conflict.path("response");
            response.put("location", "Task/" + stored.get());
            response.put("lastModified", MILLIS.format(now));
            entries.add(conflict);
        }
        return bundle;
    }

    private static ObjectNode notCommitted(Optional<String> fullUrl, Instant now) {
        return entry(fullUrl, "200 OK", outcome(now, "information", "informational", NOT_COMMITTED));
    }

    private static ObjectNode responseBundle() {
        ObjectNode bundle = NODES.objectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "transaction-response");
        return bundle;
    }

    private static ObjectNode entry(Optional<String> fullUrl, String status, ObjectNode outcome) {
        ObjectNode entry = NODES.objectNode();
        fullUrl.ifPresent(url -> entry.put("fullUrl", url));
        ObjectNode response = entry.putObject("response");
        response.put("status", status);
        response.set("outcome", outcome);
        return entry;
    }

    private static ObjectNode outcome(Instant now, String severity, String code, String diagnostics) {
        ObjectNode outcome = NODES.objectNode();
        outcome.put("resourceType", "OperationOutcome");
        outcome.putObject("meta").put("lastUpdated", MILLIS.format(now));
        outcome.putArray("issue").addObject()
                .put("severity", severity)
                .put("code", code)
                .put("diagnostics", diagnostics);
        return outcome;
    }
}
