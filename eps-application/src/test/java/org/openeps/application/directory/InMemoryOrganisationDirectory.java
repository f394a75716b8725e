package org.openeps.application.directory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.shared.OdsCode;

/** {@link OrganisationDirectory} in memory; a failed transaction puts back the directory it began with. */
public final class InMemoryOrganisationDirectory implements OrganisationDirectory, InMemoryTransactions.Participant {

    /** The order PostgreSQL gives with {@code lower(name) collate "C", name collate "C", ods}. */
    static final Comparator<Organisation> BY_NAME = Comparator
            .comparing((Organisation organisation) -> organisation.name().toLowerCase(Locale.ROOT))
            .thenComparing(Organisation::name)
            .thenComparing(organisation -> organisation.ods().value());

    private Map<OdsCode, Organisation> organisations = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Organisation> find(OdsCode ods) {
        return Optional.ofNullable(organisations.get(ods));
    }

    @Override
    public synchronized List<Organisation> search(OrganisationSearch search) {
        return organisations.values().stream()
                .filter(organisation -> search.nameContains().map(text -> organisation.name().toLowerCase(Locale.ROOT)
                        .contains(text.toLowerCase(Locale.ROOT))).orElse(true))
                .filter(organisation -> search.postcodePrefix().map(organisation.postcode().compact()::startsWith)
                        .orElse(true))
                .filter(organisation -> search.kind().map(organisation.kind()::equals).orElse(true))
                .sorted(BY_NAME)
                .limit(SEARCH_LIMIT)
                .toList();
    }

    @Override
    public synchronized void replaceAll(List<Organisation> replacements) {
        Map<OdsCode, Organisation> replaced = new LinkedHashMap<>();
        for (Organisation organisation : replacements) {
            if (replaced.putIfAbsent(organisation.ods(), organisation) != null) {
                throw new IllegalArgumentException("ODS code " + organisation.ods() + " given twice");
            }
        }
        organisations = replaced;
    }

    @Override
    public synchronized int count() {
        return organisations.size();
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<OdsCode, Organisation> then = organisations;
        return () -> {
            synchronized (this) {
                organisations = then;
            }
        };
    }
}
