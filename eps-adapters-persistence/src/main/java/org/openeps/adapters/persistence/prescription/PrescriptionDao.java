package org.openeps.adapters.persistence.prescription;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.IssueRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemStatusRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.PrescriptionRow;

/** SQL for the prescription tables. */
@RegisterConstructorMapper(PrescriptionRow.class)
@RegisterConstructorMapper(ItemRow.class)
@RegisterConstructorMapper(IssueRow.class)
@RegisterConstructorMapper(ItemStatusRow.class)
interface PrescriptionDao {

    @SqlUpdate("""
            insert into prescription (
                id, long_form_id, prescription_type, treatment_type,
                prescriber_ods, prescriber_org_name, prescriber_name, prescriber_sds_user_id, prescriber_role_profile,
                prescriber_role_code, nhs_number, patient_family_name, patient_given_names, patient_birth_date,
                patient_gender, patient_postcode, nominated_ods, nominated_site_type, authored_on, start_date,
                days_supply, number_of_issues, received_at, original_message, version)
            values (
                :id, :longFormId, :prescriptionType, :treatmentType,
                :prescriberOds, :prescriberOrgName, :prescriberName, :prescriberSdsUserId, :prescriberRoleProfile,
                :prescriberRoleCode, :nhsNumber, :patientFamilyName, :patientGivenNames, :patientBirthDate,
                :patientGender, :patientPostcode, :nominatedOds, :nominatedSiteType, :authoredOn, :startDate,
                :daysSupply, :numberOfIssues, :receivedAt, :originalMessage, :version)
            """)
    void insert(@BindMethods PrescriptionRow row, @Bind("originalMessage") String originalMessage);

    @SqlBatch("""
            insert into prescription_item (prescription_id, item_id, position, medication_code, medication_display,
                                           quantity_value, quantity_unit, dosage_text)
            values (:prescriptionId, :itemId, :position, :medicationCode, :medicationDisplay,
                    :quantityValue, :quantityUnit, :dosageText)
            """)
    void insertItems(@BindMethods List<ItemRow> items);

    @SqlBatch("""
            insert into prescription_issue (prescription_id, issue_number, status)
            values (:prescriptionId, :issueNumber, :status)
            """)
    void insertIssues(@BindMethods List<IssueRow> issues);

    @SqlBatch("""
            insert into issue_item_status (prescription_id, issue_number, item_id, status)
            values (:prescriptionId, :issueNumber, :itemId, :status)
            """)
    void insertItemStatuses(@BindMethods List<ItemStatusRow> statuses);

    @SqlQuery("""
            select id, long_form_id, prescription_type, treatment_type, prescriber_ods, prescriber_org_name,
                   prescriber_name, prescriber_sds_user_id, prescriber_role_profile, prescriber_role_code, nhs_number,
                   patient_family_name, patient_given_names, patient_birth_date, patient_gender, patient_postcode,
                   nominated_ods, nominated_site_type, authored_on, start_date, days_supply, number_of_issues,
                   received_at, version
            from prescription
            where id in (<ids>)
            """)
    List<PrescriptionRow> findPrescriptions(@BindList("ids") Collection<String> ids);

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
            select prescription_id, issue_number, status
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

    @SqlQuery("select original_message from prescription where id = :id")
    Optional<String> findOriginalMessage(@Bind("id") String id);
}
