package org.openeps.adapters.persistence.nomination;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.openeps.application.nomination.NominationRepository;
import org.openeps.application.nomination.StaleNominationsException;
import org.openeps.domain.nomination.NominationChange;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * Nominations in the {@code nomination} table, one row per patient, with optimistic locking on {@code version}; their
 * history in {@code nomination_history}.
 */
public final class JdbiNominationRepository implements NominationRepository {

    private final Dao dao;

    public JdbiNominationRepository(Jdbi jdbi) {
        this.dao = jdbi.onDemand(Dao.class);
    }

    @Override
    public Optional<Nominations> find(NhsNumber patient) {
        return dao.find(patient.value()).map(JdbiNominationRepository::toNominations);
    }

    @Override
    public Nominations save(Nominations nominations) {
        Nominations saved = nominations.stored();
        NominationRow row = toRow(saved);
        int changed = nominations.version() == 0 ? dao.insert(row) : dao.update(row, nominations.version());
        if (changed != 1) {
            throw new StaleNominationsException("The nominations of " + nominations.patient()
                    + " were changed by another request since version " + nominations.version());
        }
        if (!nominations.changes().isEmpty()) {
            dao.insertHistory(nominations.changes().stream().map(JdbiNominationRepository::toRow).toList());
        }
        return saved;
    }

    @Override
    public List<NominationChange> history(NhsNumber patient) {
        return dao.history(patient.value()).stream().map(JdbiNominationRepository::toChange).toList();
    }

    private static NominationRow toRow(Nominations nominations) {
        return new NominationRow(nominations.patient().value(), ods(nominations, DispensingSiteType.PHARMACY),
                ods(nominations, DispensingSiteType.APPLIANCE_CONTRACTOR),
                ods(nominations, DispensingSiteType.DISPENSING_DOCTOR), nominations.version());
    }

    private static String ods(Nominations nominations, DispensingSiteType type) {
        return nominations.nominated(type).map(OdsCode::value).orElse(null);
    }

    private static Nominations toNominations(NominationRow row) {
        Map<DispensingSiteType, OdsCode> nominated = new EnumMap<>(DispensingSiteType.class);
        put(nominated, DispensingSiteType.PHARMACY, row.pharmacy());
        put(nominated, DispensingSiteType.APPLIANCE_CONTRACTOR, row.applianceContractor());
        put(nominated, DispensingSiteType.DISPENSING_DOCTOR, row.dispensingDoctor());
        return Nominations.rehydrate(new NhsNumber(row.nhsNumber()), nominated, row.version());
    }

    private static void put(Map<DispensingSiteType, OdsCode> nominated, DispensingSiteType type, String ods) {
        if (ods != null) {
            nominated.put(type, new OdsCode(ods));
        }
    }

    private static HistoryRow toRow(NominationChange change) {
        return new HistoryRow(change.patient().value(), change.siteType().code(),
                change.from().map(OdsCode::value).orElse(null), change.to().map(OdsCode::value).orElse(null),
                change.by().organisation().map(OdsCode::value).orElse(null), change.by().person().orElse(null),
                change.at().atOffset(ZoneOffset.UTC));
    }

    private static NominationChange toChange(HistoryRow row) {
        return new NominationChange(new NhsNumber(row.nhsNumber()), DispensingSiteType.fromCode(row.siteType()),
                Optional.ofNullable(row.fromOds()).map(OdsCode::new), Optional.ofNullable(row.toOds()).map(OdsCode::new),
                new Actor(Optional.ofNullable(row.organisation()).map(OdsCode::new), Optional.ofNullable(row.person())),
                row.changedAt().toInstant());
    }

    /** A row of {@code nomination}. */
    public record NominationRow(String nhsNumber, String pharmacy, String applianceContractor,
                                String dispensingDoctor, long version) {
    }

    /** A row of {@code nomination_history}. */
    public record HistoryRow(String nhsNumber, String siteType, String fromOds, String toOds, String organisation,
                             String person, OffsetDateTime changedAt) {
    }

    @RegisterConstructorMapper(NominationRow.class)
    @RegisterConstructorMapper(HistoryRow.class)
    interface Dao {
        @SqlQuery("""
                select nhs_number, pharmacy, appliance_contractor, dispensing_doctor, version
                from nomination where nhs_number = :nhsNumber
                """)
        Optional<NominationRow> find(@Bind("nhsNumber") String nhsNumber);

        /** 0 when another request stored the patient's first nominations first. */
        @SqlUpdate("""
                insert into nomination (nhs_number, pharmacy, appliance_contractor, dispensing_doctor, version)
                values (:nhsNumber, :pharmacy, :applianceContractor, :dispensingDoctor, :version)
                on conflict (nhs_number) do nothing
                """)
        int insert(@BindMethods NominationRow row);

        /** 0 when the stored version is no longer the one read. */
        @SqlUpdate("""
                update nomination
                set pharmacy = :pharmacy, appliance_contractor = :applianceContractor,
                    dispensing_doctor = :dispensingDoctor, version = :version
                where nhs_number = :nhsNumber and version = :expectedVersion
                """)
        int update(@BindMethods NominationRow row, @Bind("expectedVersion") long expectedVersion);

        @SqlBatch("""
                insert into nomination_history (nhs_number, site_type, from_ods, to_ods, organisation, person, changed_at)
                values (:nhsNumber, :siteType, :fromOds, :toOds, :organisation, :person, :changedAt)
                """)
        void insertHistory(@BindMethods List<HistoryRow> rows);

        @SqlQuery("""
                select nhs_number, site_type, from_ods, to_ods, organisation, person, changed_at
                from nomination_history where nhs_number = :nhsNumber order by id
                """)
        List<HistoryRow> history(@Bind("nhsNumber") String nhsNumber);
    }
}
