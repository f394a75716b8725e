package org.openeps.application.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.directory.Organisations.hallgarth;
import static org.openeps.application.directory.Organisations.onlinePharmacy;
import static org.openeps.application.directory.Organisations.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.directory.OrganisationKind;
import org.openeps.domain.shared.OdsCode;

/**
 * What every {@link OrganisationDirectory} does, run against the in-memory fake and against PostgreSQL. Each test
 * replaces the whole directory first, so implementations may share one store between the tests.
 */
public abstract class OrganisationDirectoryContract {

    /** The directory under test. */
    protected abstract OrganisationDirectory directory();

    /** Transactions that the directory's calls on the same thread join. */
    protected abstract Transactions transactions();

    private void replaceAll(List<Organisation> organisations) {
        transactions().inTransaction(() -> {
            directory().replaceAll(organisations);
            return null;
        });
    }

    @Test
    void stored_organisations_read_back_equal_in_every_field() {
        replaceAll(List.of(hallgarth(), onlinePharmacy()));

        assertThat(directory().find(new OdsCode("A83008"))).contains(hallgarth());
        assertThat(directory().find(new OdsCode("fz001"))).contains(onlinePharmacy());
        assertThat(directory().count()).isEqualTo(2);
    }

    @Test
    void unknown_ods_code_is_not_found() {
        replaceAll(List.of(hallgarth()));

        assertThat(directory().find(new OdsCode("FA565"))).isEmpty();
    }

    @Test
    void replacing_removes_what_the_new_list_does_not_hold_and_changes_what_it_does() {
        replaceAll(List.of(hallgarth(), organisation("FA565", "ASDA INSTORE PHARMACY", OrganisationKind.COMMUNITY_PHARMACY,
                "LS15 8BA")));

        Organisation renamed = organisation("A83008", "HALLGARTH MEDICAL CENTRE", OrganisationKind.GP_PRACTICE, "DL4 2HP");
        replaceAll(List.of(renamed, onlinePharmacy()));

        assertThat(directory().find(new OdsCode("A83008"))).contains(renamed);
        assertThat(directory().find(new OdsCode("FA565"))).isEmpty();
        assertThat(directory().count()).isEqualTo(2);
    }

    @Test
    void replacing_in_a_transaction_that_fails_changes_nothing() {
        replaceAll(List.of(hallgarth()));

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            directory().replaceAll(List.of(onlinePharmacy()));
            throw new IllegalStateException("the rest of the work failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(directory().find(new OdsCode("A83008"))).contains(hallgarth());
        assertThat(directory().find(new OdsCode("FZ001"))).isEmpty();
        assertThat(directory().count()).isEqualTo(1);
    }

    @Test
    void replacing_with_an_empty_list_empties_the_directory() {
        replaceAll(List.of(hallgarth()));

        replaceAll(List.of());

        assertThat(directory().count()).isZero();
    }

    @Test
    void name_search_finds_the_text_anywhere_in_the_name_ignoring_case() {
        replaceAll(List.of(hallgarth(),
                organisation("VNE51", "The Simple Pharmacy", OrganisationKind.COMMUNITY_PHARMACY, "LS15 8BA"),
                organisation("FA565", "ASDA INSTORE PHARMACY", OrganisationKind.COMMUNITY_PHARMACY, "LS15 8BA"),
                organisation("FA666", "CROYDON 100% PHARMACY_", OrganisationKind.COMMUNITY_PHARMACY, "CR0 1AA")));

        assertThat(directory().search(OrganisationSearch.byName("pharmacy"))).extracting(o -> o.ods().value())
                .containsExactly("FA565", "FA666", "VNE51");
        assertThat(directory().search(OrganisationSearch.byName("SIMPLE"))).extracting(o -> o.ods().value())
                .containsExactly("VNE51");
        assertThat(directory().search(OrganisationSearch.byName("100%"))).extracting(o -> o.ods().value())
                .containsExactly("FA666");
        assertThat(directory().search(OrganisationSearch.byName("%"))).extracting(o -> o.ods().value())
                .containsExactly("FA666");
        assertThat(directory().search(OrganisationSearch.byName("_"))).extracting(o -> o.ods().value())
                .containsExactly("FA666");
        assertThat(directory().search(OrganisationSearch.byName("surgery x"))).isEmpty();
    }

    @Test
    void postcode_search_matches_the_start_ignoring_spaces_and_case() {
        replaceAll(List.of(hallgarth(),
                organisation("VNE51", "The Simple Pharmacy", OrganisationKind.COMMUNITY_PHARMACY, "LS15 8BA"),
                organisation("B86044", "IRELAND WOOD SURGERY", OrganisationKind.GP_PRACTICE, "LS16 6FR"),
                organisation("FA553", "SHILDON PHARMACY", OrganisationKind.COMMUNITY_PHARMACY, "DL14 6AA")));

        assertThat(directory().search(OrganisationSearch.byPostcode("ls1"))).extracting(o -> o.ods().value())
                .containsExactly("B86044", "VNE51");
        assertThat(directory().search(OrganisationSearch.byPostcode("ls15 8"))).extracting(o -> o.ods().value())
                .containsExactly("VNE51");
        assertThat(directory().search(OrganisationSearch.byPostcode("L S158BA"))).extracting(o -> o.ods().value())
                .containsExactly("VNE51");
        assertThat(directory().search(OrganisationSearch.byPostcode("DL4"))).extracting(o -> o.ods().value())
                .containsExactly("A83008");
        assertThat(directory().search(OrganisationSearch.byPostcode("DL42HP"))).extracting(o -> o.ods().value())
                .containsExactly("A83008");
        assertThat(directory().search(OrganisationSearch.byPostcode("S15"))).isEmpty();
    }

    @Test
    void kind_search_and_criteria_together() {
        replaceAll(List.of(hallgarth(), onlinePharmacy(),
                organisation("VNE51", "The Simple Pharmacy", OrganisationKind.COMMUNITY_PHARMACY, "LS15 8BA"),
                organisation("FA565", "ASDA INSTORE PHARMACY", OrganisationKind.COMMUNITY_PHARMACY, "DL4 1AA")));

        assertThat(directory().search(OrganisationSearch.byKind(OrganisationKind.ONLINE_PHARMACY)))
                .containsExactly(onlinePharmacy());
        assertThat(directory().search(OrganisationSearch.byKind(OrganisationKind.COMMUNITY_PHARMACY)))
                .extracting(o -> o.ods().value()).containsExactly("FA565", "VNE51");
        assertThat(directory().search(new OrganisationSearch(Optional.of("pharmacy"), Optional.of("dl4"),
                Optional.of(OrganisationKind.COMMUNITY_PHARMACY)))).extracting(o -> o.ods().value())
                .containsExactly("FA565");
        assertThat(directory().search(new OrganisationSearch(Optional.of("pharmacy"), Optional.of("dl4"),
                Optional.of(OrganisationKind.GP_PRACTICE)))).isEmpty();
        assertThat(directory().search(OrganisationSearch.byKind(OrganisationKind.NHSBSA))).isEmpty();
    }

    @Test
    void search_returns_at_most_fifty_ordered_by_name_ignoring_case_then_ods_code() {
        List<Organisation> many = new ArrayList<>();
        IntStream.range(0, 60).forEach(i -> many.add(organisation(String.format("FX%03d", 59 - i),
                String.format("PHARMACY %02d", i / 2), OrganisationKind.COMMUNITY_PHARMACY, "LS1 1AA")));
        many.add(organisation("FY001", "pharmacy 00 lower", OrganisationKind.COMMUNITY_PHARMACY, "LS1 1AA"));
        replaceAll(many);

        List<Organisation> found = directory().search(OrganisationSearch.byName("pharmacy"));

        assertThat(found).hasSize(OrganisationDirectory.SEARCH_LIMIT);
        assertThat(found).extracting(o -> o.ods().value()).startsWith("FX058", "FX059", "FY001", "FX056", "FX057");
        assertThat(found).isSortedAccordingTo(InMemoryOrganisationDirectory.BY_NAME);
    }
}
