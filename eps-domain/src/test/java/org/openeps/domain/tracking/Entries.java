package org.openeps.domain.tracking;

import java.util.Optional;
import org.openeps.domain.tracking.StatusUpdateEntry.Identifier;

/**
 * Status update entries for tests: {@link #readyToCollect()} is the published {@code ready-to-collect} example's Task,
 * and each {@code with...} gives a copy with one value changed ({@code null} for not sent).
 */
final class Entries {

    static final String TASK_ID = "4d70678c-81e4-4ff4-8c67-17596fd0aa46";
    static final String PRESCRIPTION_ID = "24F5DA-A83008-7EFE6Z";
    static final String ITEM_ID = "6989b7bd-8db6-428c-a593-4022e3044c00";
    static final String NHS_NUMBER = "9449304130";
    static final String PHARMACY = "C9Z1O";

    private Optional<String> fullUrl = Optional.of("urn:uuid:" + TASK_ID);
    private Optional<String> resourceType = Optional.of("Task");
    private Optional<String> taskId = Optional.of(TASK_ID);
    private Identifier prescription = Identifier.of(StatusUpdateRules.PRESCRIPTION_ID_SYSTEM, PRESCRIPTION_ID);
    private Identifier item = Identifier.of(StatusUpdateRules.LINE_ITEM_ID_SYSTEM, ITEM_ID);
    private Identifier patient = Identifier.of(StatusUpdateRules.NHS_NUMBER_SYSTEM, NHS_NUMBER);
    private Identifier pharmacy = Identifier.of(StatusUpdateRules.ODS_CODE_SYSTEM, PHARMACY);
    private Identifier businessStatus = Identifier.of(BusinessStatus.SYSTEM, "Ready to collect");
    private Optional<String> taskStatus = Optional.of("in-progress");
    private Optional<String> lastModified = Optional.of("2023-09-11T10:11:12Z");
    private Optional<String> repeatNumber = Optional.empty();

    private Entries() {
    }

    static Entries readyToCollect() {
        return new Entries();
    }

    StatusUpdateEntry build() {
        return new StatusUpdateEntry(fullUrl, resourceType, taskId, prescription, item, patient, pharmacy,
                businessStatus, taskStatus, lastModified, repeatNumber);
    }

    Entries withFullUrl(String value) {
        fullUrl = Optional.ofNullable(value);
        return this;
    }

    Entries withResourceType(String value) {
        resourceType = Optional.ofNullable(value);
        return this;
    }

    /** The Task ID and the fullUrl that goes with it. */
    Entries withTask(String id) {
        taskId = Optional.of(id);
        fullUrl = Optional.of("urn:uuid:" + id);
        return this;
    }

    Entries withTaskId(String value) {
        taskId = Optional.ofNullable(value);
        return this;
    }

    Entries withPrescription(String system, String value) {
        prescription = identifier(system, value);
        return this;
    }

    Entries withPrescriptionId(String value) {
        return withPrescription(StatusUpdateRules.PRESCRIPTION_ID_SYSTEM, value);
    }

    Entries withItem(String system, String value) {
        item = identifier(system, value);
        return this;
    }

    Entries withItemId(String value) {
        return withItem(StatusUpdateRules.LINE_ITEM_ID_SYSTEM, value);
    }

    Entries withPatient(String system, String value) {
        patient = identifier(system, value);
        return this;
    }

    Entries withNhsNumber(String value) {
        return withPatient(StatusUpdateRules.NHS_NUMBER_SYSTEM, value);
    }

    Entries withPharmacy(String system, String value) {
        pharmacy = identifier(system, value);
        return this;
    }

    Entries withOds(String value) {
        return withPharmacy(StatusUpdateRules.ODS_CODE_SYSTEM, value);
    }

    Entries withBusinessStatus(String system, String code) {
        businessStatus = identifier(system, code);
        return this;
    }

    Entries withStatus(String businessStatusCode, String taskStatusCode) {
        businessStatus = identifier(BusinessStatus.SYSTEM, businessStatusCode);
        taskStatus = Optional.ofNullable(taskStatusCode);
        return this;
    }

    Entries withTaskStatus(String value) {
        taskStatus = Optional.ofNullable(value);
        return this;
    }

    Entries withLastModified(String value) {
        lastModified = Optional.ofNullable(value);
        return this;
    }

    Entries withRepeatNumber(String value) {
        repeatNumber = Optional.ofNullable(value);
        return this;
    }

    private static Identifier identifier(String system, String value) {
        return new Identifier(Optional.ofNullable(system), Optional.ofNullable(value));
    }
}
