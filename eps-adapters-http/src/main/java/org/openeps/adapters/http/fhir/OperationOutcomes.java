package org.openeps.adapters.http.fhir;

import org.openeps.domain.shared.ErrorCode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** OperationOutcome resources as the EPS FHIR API returns them. */
public final class OperationOutcomes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OperationOutcomes() {
    }

    /** The answer to a request that succeeded with nothing more to say. */
    public static ObjectNode informational() {
        ObjectNode outcome = outcome();
        outcome.putArray("issue").addObject()
                .put("severity", "information")
                .put("code", "informational");
        return outcome;
    }

    /**
     * An error with the EPS code in {@code details.coding} and what went wrong in {@code diagnostics}.
     *
     * @param issueType the FHIR issue type, e.g. {@code value}, {@code duplicate}, {@code not-found}
     */
    public static ObjectNode error(String issueType, String epsCode, String display, String diagnostics) {
        ObjectNode outcome = outcome();
        ObjectNode issue = outcome.putArray("issue").addObject()
                .put("severity", "error")
                .put("code", issueType);
        issue.putObject("details").putArray("coding").addObject()
                .put("system", FhirSystems.SPINE_ERROR_CODE)
                .put("code", epsCode)
                .put("display", display);
        issue.put("diagnostics", diagnostics);
        return outcome;
    }

    /** The FHIR issue type that best describes an EPS error code. */
    public static String issueType(ErrorCode code) {
        return switch (code) {
            case MISSING_VALUE, INVALID_VALUE, INVALID_CHECK_DIGIT, ITEM_NOT_FOUND, UNKNOWN_ORGANISATION -> "value";
            case DUPLICATE_PRESCRIPTION_ID -> "duplicate";
            case PRESCRIPTION_NOT_FOUND, RESOURCE_NOT_FOUND -> "not-found";
            case INVALID_LINE_STATE_TRANSITION, PRESCRIPTION_WITH_ANOTHER_DISPENSER, PRESCRIPTION_CANCELLED,
                 PRESCRIPTION_EXPIRED, PRESCRIPTION_DISPENSED, PRESCRIPTION_NOT_YET_AVAILABLE, MAX_REPEAT_MISMATCH,
                 DISPENSE_AMEND_IDENTIFIER_MISMATCH, CLAIM_INVALID_NOT_DISPENSED, CLAIM_AMEND_PERIOD_ISSUE,
                 ORGANISATION_CLOSED, ORGANISATION_WRONG_KIND, INVALID_NOMINATED_DISPENSER -> "business-rule";
            case ORGANISATION_NOT_PERMITTED, ACCESS_DENIED, SUPPLIER_SYSTEM_NOT_ASSURED, IDENTITY_MISMATCH -> "forbidden";
            case UNAUTHORISED -> "security";
            case RATE_LIMITED -> "throttled";
        };
    }

    /** The short description that goes with an EPS error code in {@code details.coding.display}. */
    public static String display(ErrorCode code) {
        return switch (code) {
            case INVALID_VALUE -> "Invalid value";
            case MISSING_VALUE -> "Missing value";
            case INVALID_CHECK_DIGIT -> "Invalid check digit";
            case DUPLICATE_PRESCRIPTION_ID -> "Duplicate prescription ID";
            case PRESCRIPTION_NOT_FOUND -> "Prescription not found";
            case RESOURCE_NOT_FOUND -> "Resource not found";
            case INVALID_LINE_STATE_TRANSITION -> "Invalid state transition";
            case PRESCRIPTION_WITH_ANOTHER_DISPENSER -> "Prescription is with another dispenser";
            case PRESCRIPTION_CANCELLED -> "Prescription has been cancelled";
            case PRESCRIPTION_EXPIRED -> "Prescription has expired";
            case PRESCRIPTION_DISPENSED -> "Prescription has been dispensed";
            case PRESCRIPTION_NOT_YET_AVAILABLE -> "Prescription is not yet available for dispensing";
            case ITEM_NOT_FOUND -> "Item not found";
            case MAX_REPEAT_MISMATCH -> "Repeat issue mismatch";
            case DISPENSE_AMEND_IDENTIFIER_MISMATCH -> "Amend does not replace the latest message";
            case CLAIM_INVALID_NOT_DISPENSED -> "Claim for a prescription that is not dispensed";
            case CLAIM_AMEND_PERIOD_ISSUE -> "Outside the claim period";
            case UNKNOWN_ORGANISATION -> "Organisation not in the directory";
            case ORGANISATION_CLOSED -> "Organisation has closed";
            case ORGANISATION_WRONG_KIND -> "Organisation is not that kind of dispenser";
            case INVALID_NOMINATED_DISPENSER -> "Invalid nominated dispenser";
            case ORGANISATION_NOT_PERMITTED -> "Organisation not permitted";
            case UNAUTHORISED -> "Unauthorised";
            case ACCESS_DENIED -> "Access denied";
            case SUPPLIER_SYSTEM_NOT_ASSURED -> "Supplier system not assured";
            case IDENTITY_MISMATCH -> "Message does not match the access token";
            case RATE_LIMITED -> "Too many requests";
        };
    }

    private static ObjectNode outcome() {
        ObjectNode outcome = NODES.objectNode();
        outcome.put("resourceType", "OperationOutcome");
        return outcome;
    }
}
