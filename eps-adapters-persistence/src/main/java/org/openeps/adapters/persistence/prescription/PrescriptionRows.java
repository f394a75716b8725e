package org.openeps.adapters.persistence.prescription;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The rows a prescription is stored in, one record per table. */
final class PrescriptionRows {

    private PrescriptionRows() {
    }

    public record PrescriptionRow(
            String id,
            String longFormId,
            String prescriptionType,
            String treatmentType,
            String prescriberOds,
            String prescriberOrgName,
            String prescriberName,
            String prescriberSdsUserId,
            String prescriberRoleProfile,
            String prescriberRoleCode,
            String nhsNumber,
            String patientFamilyName,
            String[] patientGivenNames,
            LocalDate patientBirthDate,
            String patientGender,
            String patientPostcode,
            String nominatedOds,
            String nominatedSiteType,
            Instant authoredOn,
            LocalDate startDate,
            Integer daysSupply,
            int numberOfIssues,
            Instant receivedAt,
            long version) {
    }

    public record ItemRow(
            String prescriptionId,
            String itemId,
            int position,
            String medicationCode,
            String medicationDisplay,
            BigDecimal quantityValue,
            String quantityUnit,
            String dosageText) {
    }

    public record IssueRow(String prescriptionId, int issueNumber, String status) {
    }

    public record ItemStatusRow(String prescriptionId, int issueNumber, String itemId, String status) {
    }
}
