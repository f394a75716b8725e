package org.openeps.adapters.persistence.prescription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.DispenseRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.IssueRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemStatusRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.PrescriptionRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ReleasableRow;

/** SQL for the prescription tables. */
@RegisterRowMapper(PrescriptionRowMappers.Prescriptions.class)
@RegisterRowMapper(PrescriptionRowMappers.Dispenses.class)
@RegisterConstructorMapper(ReleasableRow.class)
@RegisterRowMapper(PrescriptionRowMappers.Items.class)
@RegisterRowMapper(PrescriptionRowMappers.Issues.class)
@RegisterRowMapper(PrescriptionRowMappers.ItemStatuses.class)
interface PrescriptionDao {

    @SqlUpdate("""
            insert into prescription (
                id, long_form_id, prescription_type, treatment_type,
                prescriber_ods, prescriber_org_name, prescriber_name, prescriber_sds_user_id, prescriber_role_profile,
                prescriber_role_code, nhs_number, patient_family_name, patient_given_names, patient_birth_date,
                patient_gender, patient_postcode, nominated_ods, nominated_site_type, nomination_cleared, authored_on,
                start_date, days_supply, number_of_issues, received_at, order_message, version, to_be_dispensed)
            values (
                :id, :longFormId, :prescriptionType, :treatmentType,
                :prescriberOds, :prescriberOrgName, :prescriberName, :prescriberSdsUserId, :prescriberRoleProfile,
                :prescriberRoleCode, :nhsNumber, :patientFamilyName, :patientGivenNames, :patientBirthDate,
                :patientGender, :patientPostcode, :nominatedOds, :nominatedSiteType, :nominationCleared, :authoredOn,
                :startDate, :daysSupply, :numberOfIssues, :receivedAt, :orderMessage, :version, :toBeDispensed)
            """)
    void insert(@BindMethods PrescriptionRow row, @Bind("orderMessage") byte[] orderMessage,
                @Bind("toBeDispensed") boolean toBeDispensed);

    /**
     * Optimistic locking: stores the new version only if the stored one is still the one loaded.
     *
     * @return 1, or 0 when the prescription changed since it was loaded (or is not stored)
     */
    @SqlUpdate("""
            update prescription
            set nomination_cleared = :nominationCleared,
                to_be_dispensed = :toBeDispensed,
                version = version + 1
            where id = :id and version = :version
            """)
    int update(@Bind("id") String id, @Bind("version") long version,
               @Bind("nominationCleared") boolean nominationCleared, @Bind("toBeDispensed") boolean toBeDispensed);

    @SqlBatch("""
            insert into prescription_item (prescription_id, item_id, position, medication_code, medication_display,
                                           quantity_value, quantity_unit, dosage_text)
            values (:prescriptionId, :itemId, :position, :medicationCode, :medicationDisplay,
                    :quantityValue, :quantityUnit, :dosageText)
            """)
    void insertItems(@BindMethods List<ItemRow> items);

    /** Inserts the issues, or rewrites those already stored (a prescription's issues are numbered once, at receipt). */
    @SqlBatch("""
            insert into prescription_issue (
                prescription_id, issue_number, status, dispenser_ods,
                cancel_requested_by, cancel_prescriber, cancel_item_id, cancel_reason_code, cancel_requested_at,
                claim_id, claim_received_at, expires_on, available_from, last_dispensed_at)
            values (
                :prescriptionId, :issueNumber, :status, :dispenserOds,
                :cancelRequestedBy, :cancelPrescriber, :cancelItemId, :cancelReasonCode, :cancelRequestedAt,
                :claimId, :claimReceivedAt, :expiresOn, :availableFrom, :lastDispensedAt)
            on conflict (prescription_id, issue_number) do update set
                status = excluded.status,
                dispenser_ods = excluded.dispenser_ods,
                cancel_requested_by = excluded.cancel_requested_by,
                cancel_prescriber = excluded.cancel_prescriber,
                cancel_item_id = excluded.cancel_item_id,
                cancel_reason_code = excluded.cancel_reason_code,
                cancel_requested_at = excluded.cancel_requested_at,
                claim_id = excluded.claim_id,
                claim_received_at = excluded.claim_received_at,
                expires_on = excluded.expires_on,
                available_from = excluded.available_from,
                last_dispensed_at = excluded.last_dispensed_at
            """)
    void upsertIssues(@BindMethods List<IssueRow> issues);

    /** Inserts the item statuses, or rewrites those already stored (every issue has one for every item). */
    @SqlBatch("""
            insert into issue_item_status (prescription_id, issue_number, item_id, status)
            values (:prescriptionId, :issueNumber, :itemId, :status)
            on conflict (prescription_id, issue_number, item_id) do update set status = excluded.status
            """)
    void upsertItemStatuses(@BindMethods List<ItemStatusRow> statuses);

    @SqlUpdate("delete from dispense_record where prescription_id = :id")
    void deleteDispenses(@Bind("id") String prescriptionId);

    @SqlBatch("""
            insert into dispense_record (prescription_id, issue_number, position, notification_id, at, status_before,
                                         items_before)
            values (:prescriptionId, :issueNumber, :position, :notificationId, :at, :statusBefore, :itemsBefore)
            """)
    void insertDispenses(@BindMethods List<DispenseRow> dispenses);

    @SqlQuery("""
            select id, long_form_id, prescription_type, treatment_type, prescriber_ods, prescriber_org_name,
                   prescriber_name, prescriber_sds_user_id, prescriber_role_profile, prescriber_role_code, nhs_number,
                   patient_family_name, patient_given_names, patient_birth_date, patient_gender, patient_postcode,
                   nominated_ods, nominated_site_type, nomination_cleared, authored_on, start_date, days_supply,
                   number_of_issues, received_at, version
            from prescription
            where id in (<ids>)
            """)
    List<PrescriptionRow> findPrescriptions(@BindList("ids") Collection<String> ids);

    /** As {@link #findPrescriptions}, locking the rows until the transaction ends. */
    @SqlQuery("""
            select id, long_form_id, prescription_type, treatment_type, prescriber_ods, prescriber_org_name,
                   prescriber_name, prescriber_sds_user_id, prescriber_role_profile, prescriber_role_code, nhs_number,
                   patient_family_name, patient_given_names, patient_birth_date, patient_gender, patient_postcode,
                   nominated_ods, nominated_site_type, nomination_cleared, authored_on, start_date, days_supply,
                   number_of_issues, received_at, version
            from prescription
            where id in (<ids>)
            for update
            """)
    List<PrescriptionRow> findPrescriptionsForUpdate(@BindList("ids") Collection<String> ids);

    /**
     * Nominated download: locks up to {@code limit} prescriptions currently nominated to the dispenser (not returned)
     * with an issue to be dispensed, oldest first, skipping those another transaction has locked.
     */
    @SqlQuery("""
            select p.id, p.original_message, p.order_message
            from prescription p
            where p.nominated_ods = :dispenser
              and not p.nomination_cleared
              and p.to_be_dispensed
              and exists (select 1 from prescription_issue i where i.prescription_id = p.id and i.status = '0001')
            order by p.received_at, p.id
            limit :limit
            for update of p skip locked
            """)
    List<ReleasableRow> lockNominatedReleasable(@Bind("dispenser") String dispenser, @Bind("limit") int limit);

    /**
     * Locks up to {@code limit} prescriptions with time-driven work due, oldest first, skipping those another
     * transaction has locked: an issue in a status that may expire (the codes {@code expirable}, literal so that the
     * partial index applies) on or after its expiry date; a dispensed issue whose last dispense is at or before
     * {@code claimCutoff}; a future-dated issue that starts by tomorrow (always issue 1, whose {@code available_from}
     * is the start date); an eRD issue waiting for its download date that has come.
     */
    @SqlQuery("""
            select p.id
            from prescription p
            where p.id in (
                select i.prescription_id
                from prescription_issue i
                where (i.status in (<expirable>) and i.expires_on <= :today)
                   or (i.status = '0006' and i.last_dispensed_at <= :claimCutoff)
                   or (i.status = '9001' and i.available_from <= :tomorrow)
                   or (i.status = '0000' and i.available_from <= :today))
            order by p.received_at, p.id
            limit :limit
            for update of p skip locked
            """)
    List<String> lockWithWorkDue(@Define("expirable") String expirable, @Bind("today") LocalDate today,
                                 @Bind("tomorrow") LocalDate tomorrow, @Bind("claimCutoff") Instant claimCutoff,
                                 @Bind("limit") int limit);

    @SqlQuery("""
            select id from prescription
            where nhs_number = :nhsNumber
            order by received_at desc, id
            limit :limit
            """)
    List<String> findIdsByPatient(@Bind("nhsNumber") String nhsNumber, @Bind("limit") int limit);

    @SqlQuery("""
            select prescription_id, item_id, position, medication_code, medication_display, quantity_value,
                   quantity_unit, dosage_text
            from prescription_item
            where prescription_id in (<ids>)
            order by prescription_id, position
            """)
    List<ItemRow> findItems(@BindList("ids") Collection<String> ids);

    @SqlQuery("""
            select prescription_id, issue_number, status, dispenser_ods, cancel_requested_by, cancel_prescriber,
                   cancel_item_id, cancel_reason_code, cancel_requested_at, claim_id, claim_received_at, expires_on,
                   available_from, last_dispensed_at
            from prescription_issue
            where prescription_id in (<ids>)
            order by prescription_id, issue_number
            """)
    List<IssueRow> findIssues(@BindList("ids") Collection<String> ids);

    @SqlQuery("""
            select s.prescription_id, s.issue_number, s.item_id, s.status
            from issue_item_status s
            join prescription_item i on i.prescription_id = s.prescription_id and i.item_id = s.item_id
            where s.prescription_id in (<ids>)
            order by s.prescription_id, s.issue_number, i.position
            """)
    List<ItemStatusRow> findItemStatuses(@BindList("ids") Collection<String> ids);

    @SqlQuery("""
            select prescription_id, issue_number, position, notification_id, at, status_before, items_before
            from dispense_record
            where prescription_id in (<ids>)
            order by prescription_id, issue_number, position
            """)
    List<DispenseRow> findDispenses(@BindList("ids") Collection<String> ids);

    @SqlQuery("select id, original_message, order_message from prescription where id = :id")
    Optional<ReleasableRow> findOriginalMessage(@Bind("id") String id);
}
