package org.openeps.domain.shared;

/**
 * The machine-readable error codes EPS returns (the {@code EPS-IssueCode} / Spine error code system).
 *
 * <p>Each code belongs to a {@link Kind}, which says what went wrong in general terms; adapters map the
 * kind to a transport status (HTTP 400, 403, 404, 409 ...), the domain never does.
 */
public enum ErrorCode {
    /** A value is present but not acceptable. */
    INVALID_VALUE(Kind.INVALID),
    /** A required value is absent. */
    MISSING_VALUE(Kind.INVALID),
    /** An identifier's check digit or check character does not match the rest of it. */
    INVALID_CHECK_DIGIT(Kind.INVALID),
    /** A second prescription-order with a prescription ID already on the spine. */
    DUPLICATE_PRESCRIPTION_ID(Kind.DUPLICATE),
    /** No prescription with that ID. */
    PRESCRIPTION_NOT_FOUND(Kind.NOT_FOUND),
    /** No such resource. */
    RESOURCE_NOT_FOUND(Kind.NOT_FOUND),
    /** A business rule forbids the request in the prescription's current state. */
    INVALID_LINE_STATE_TRANSITION(Kind.BUSINESS_RULE),
    /** The prescription is with a dispenser other than the caller. */
    PRESCRIPTION_WITH_ANOTHER_DISPENSER(Kind.BUSINESS_RULE),
    /** The prescription has been cancelled. */
    PRESCRIPTION_CANCELLED(Kind.BUSINESS_RULE),
    /** The prescription has expired. */
    PRESCRIPTION_EXPIRED(Kind.BUSINESS_RULE),
    /** The prescription has been dispensed (or marked not dispensed, or claimed). */
    PRESCRIPTION_DISPENSED(Kind.BUSINESS_RULE),
    /** The prescription (or this eRD issue) may not be dispensed yet. */
    PRESCRIPTION_NOT_YET_AVAILABLE(Kind.BUSINESS_RULE),
    /** A dispense notification does not name every item of the prescription, or names one it does not have. */
    ITEM_NOT_FOUND(Kind.INVALID),
    /** A message names an eRD issue other than the one being dispensed. */
    MAX_REPEAT_MISMATCH(Kind.BUSINESS_RULE),
    /** An amend does not replace the latest dispense notification or claim. */
    DISPENSE_AMEND_IDENTIFIER_MISMATCH(Kind.BUSINESS_RULE),
    /** A claim for a prescription that is not dispensed or not dispensed. */
    CLAIM_INVALID_NOT_DISPENSED(Kind.BUSINESS_RULE),
    /** A claim or claim amend outside the claim period. */
    CLAIM_AMEND_PERIOD_ISSUE(Kind.BUSINESS_RULE),
    /** The organisation named is not in the organisation directory. */
    UNKNOWN_ORGANISATION(Kind.INVALID),
    /** The organisation named has closed, so it cannot be nominated. */
    ORGANISATION_CLOSED(Kind.BUSINESS_RULE),
    /** The organisation named is not of a kind that can be nominated as this kind of dispenser. */
    ORGANISATION_WRONG_KIND(Kind.BUSINESS_RULE),
    /** A prescription names a nominated dispenser that is unknown, closed, or not of its site type's kind. */
    INVALID_NOMINATED_DISPENSER(Kind.BUSINESS_RULE),
    /** The caller's organisation may not act on this prescription. */
    ORGANISATION_NOT_PERMITTED(Kind.FORBIDDEN),
    /** No access token, or one that is malformed, not validly signed, or outside its validity. */
    UNAUTHORISED(Kind.UNAUTHENTICATED),
    /** The caller's kind or role may not do this. */
    ACCESS_DENIED(Kind.FORBIDDEN),
    /** The caller's supplier system is unknown, not assured for this feature, suspended or withdrawn. */
    SUPPLIER_SYSTEM_NOT_ASSURED(Kind.FORBIDDEN),
    /** The organisation or user a message names is not the one the access token identifies. */
    IDENTITY_MISMATCH(Kind.FORBIDDEN),
    /** The caller's supplier system has sent more requests than its rate limit allows. */
    RATE_LIMITED(Kind.TOO_MANY_REQUESTS);

    /** What kind of failure a code reports. */
    public enum Kind { INVALID, DUPLICATE, NOT_FOUND, BUSINESS_RULE, FORBIDDEN, UNAUTHENTICATED, TOO_MANY_REQUESTS }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    /** The general kind of failure this code reports. */
    public Kind kind() {
        return kind;
    }
}
