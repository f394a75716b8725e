package org.openeps.adapters.http.fhir;

/** The identifier and code systems the EPS FHIR API uses. */
public final class FhirSystems {

    public static final String PRESCRIPTION_ORDER_NUMBER = "https://fhir.nhs.uk/Id/prescription-order-number";
    public static final String PRESCRIPTION_ORDER_ITEM_NUMBER = "https://fhir.nhs.uk/Id/prescription-order-item-number";
    public static final String LONG_FORM_PRESCRIPTION_ID = "https://fhir.nhs.uk/Id/prescription";
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_ORGANISATION_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    public static final String SDS_ROLE_PROFILE_ID = "https://fhir.nhs.uk/Id/sds-role-profile-id";
    public static final String SPINE_ERROR_CODE = "https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode";
    public static final String TASK_BUSINESS_STATUS = "https://fhir.nhs.uk/CodeSystem/EPS-task-business-status";
    public static final String MESSAGE_ID = "https://tools.ietf.org/html/rfc4122";

    private FhirSystems() {
    }
}
