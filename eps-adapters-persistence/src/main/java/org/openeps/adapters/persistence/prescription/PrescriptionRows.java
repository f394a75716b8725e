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
            boolean nominationCleared,
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

    /**
     * One issue. {@code expiresOn}, {@code availableFrom} and {@code lastDispensedAt} are derived from the domain on
     * every write, for the time-driven work query; they are never mapped back into the domain.
     */
    public record IssueRow(
            String prescriptionId,
            int issueNumber,
            String status,
            String dispenserOds,
            String cancelRequestedBy,
            String cancelPrescriber,
            String cancelItemId,
            String cancelReasonCode,
            Instant cancelRequestedAt,
            String claimId,
            Instant claimReceivedAt,
            LocalDate expiresOn,
            LocalDate availableFrom,
            Instant lastDispensedAt) {
    }

    public record ItemStatusRow(String prescriptionId, int issueNumber, String itemId, String status) {
    }

    /** One dispense notification applied to an issue; {@code itemsBefore} holds {@code itemId=code} pairs. */
    public record DispenseRow(
            String prescriptionId,
            int issueNumber,
            int position,
            String notificationId,
            Instant at,
            String statusBefore,
            String[] itemsBefore) {
    }

    /**
     * A prescription's ID and the message that created it: as text if stored before V13, otherwise compressed
     * ({@link OrderMessageCodec}).
     */
    public record ReleasableRow(String id, String originalMessage, byte[] orderMessage) {

        /** The message exactly as received. */
        public String message() {
            return orderMessage != null ? OrderMessageCodec.decode(orderMessage) : originalMessage;
        }
    }
}
