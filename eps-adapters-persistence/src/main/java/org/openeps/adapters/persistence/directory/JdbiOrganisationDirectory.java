package org.openeps.adapters.persistence.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.openeps.adapters.persistence.Jdbc;
import org.openeps.application.directory.OrganisationDirectory;
import org.openeps.application.directory.OrganisationSearch;
import org.openeps.domain.directory.Country;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.directory.OrganisationKind;
import org.openeps.domain.directory.Postcode;
import org.openeps.domain.shared.OdsCode;

/** The directory in the {@code organisation} table, one row per organisation. */
public final class JdbiOrganisationDirectory implements OrganisationDirectory {

    private static final String FIND = """
            select ods, name, kind, address_lines, postcode, telephone, website, country, open
            from organisation where ods = ?
            """;

    private final Jdbi jdbi;
    private final Dao dao;

    public JdbiOrganisationDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(Dao.class);
    }

    /** On the handle's JDBC connection (ADR 9): most requests look up the organisation they name. */
    @Override
    public Optional<Organisation> find(OdsCode ods) {
        return jdbi.withHandle(handle -> Jdbc.first(handle, FIND, rs -> new OrganisationRow(rs.getString("ods"),
                        rs.getString("name"), rs.getString("kind"), (String[]) rs.getArray("address_lines").getArray(),
                        rs.getString("postcode"), rs.getString("telephone"), rs.getString("website"),
                        rs.getString("country"), rs.getBoolean("open")), ods.value()))
                .map(JdbiOrganisationDirectory::toOrganisation);
    }

    @Override
    public List<Organisation> search(OrganisationSearch search) {
        return dao.search(search.nameContains().orElse(null), search.postcodePrefix().orElse(null),
                        search.kind().map(OrganisationKind::code).orElse(null), SEARCH_LIMIT).stream()
                .map(JdbiOrganisationDirectory::toOrganisation)
                .toList();
    }

    /** Locks the table against other replacements (readers go on seeing the old rows), empties it and fills it. */
    @Override
    public void replaceAll(List<Organisation> organisations) {
        dao.lockForReplace();
        dao.deleteAll();
        if (!organisations.isEmpty()) {
            dao.insert(organisations.stream().map(JdbiOrganisationDirectory::toRow).toList());
        }
    }

    @Override
    public int count() {
        return dao.count();
    }

    private static OrganisationRow toRow(Organisation organisation) {
        return new OrganisationRow(organisation.ods().value(), organisation.name(), organisation.kind().code(),
                organisation.addressLines().toArray(String[]::new), organisation.postcode().value(),
                organisation.telephone().orElse(null), organisation.website().orElse(null),
                organisation.country().code(), organisation.open());
    }

    private static Organisation toOrganisation(OrganisationRow row) {
        return new Organisation(new OdsCode(row.ods()), row.name(), OrganisationKind.fromCode(row.kind()),
                Arrays.asList(row.addressLines()), new Postcode(row.postcode()), Optional.ofNullable(row.telephone()),
                Optional.ofNullable(row.website()), Country.fromCode(row.country()), row.open());
    }

    /** A row of {@code organisation}. */
    public record OrganisationRow(String ods, String name, String kind, String[] addressLines, String postcode,
                                  String telephone, String website, String country, boolean open) {
    }

    @RegisterConstructorMapper(OrganisationRow.class)
    interface Dao {
        /** Null criteria are not searched by; strpos and starts_with take the text literally (no LIKE wildcards). */
        @SqlQuery("""
                select ods, name, kind, address_lines, postcode, telephone, website, country, open
                from organisation
                where (cast(:name as text) is null or strpos(lower(name), lower(:name)) > 0)
                  and (cast(:postcode as text) is null or starts_with(replace(postcode, ' ', ''), :postcode))
                  and (cast(:kind as text) is null or kind = :kind)
                order by lower(name) collate "C", name collate "C", ods collate "C"
                limit :limit
                """)
        List<OrganisationRow> search(@Bind("name") String name, @Bind("postcode") String postcodePrefix,
                                     @Bind("kind") String kind, @Bind("limit") int limit);

        @SqlUpdate("lock table organisation in share row exclusive mode")
        void lockForReplace();

        @SqlUpdate("delete from organisation")
        void deleteAll();

        @SqlBatch("""
                insert into organisation (ods, name, kind, address_lines, postcode, telephone, website, country, open)
                values (:ods, :name, :kind, :addressLines, :postcode, :telephone, :website, :country, :open)
                """)
        void insert(@BindMethods List<OrganisationRow> rows);

        @SqlQuery("select count(*) from organisation")
        int count();
    }
}
