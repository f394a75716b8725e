package org.openeps.adapters.persistence.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openeps.domain.directory.Country;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.directory.OrganisationKind;
import org.openeps.domain.directory.Postcode;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

class DirectoryCsvTest {

    private static final String HEADER = "ods,name,kind,address,postcode,telephone,website,country,status\n";
    private static final String GOOD_ROW =
            "A83008,HALLGARTH SURGERY,gp-practice,HALLGARTH SURGERY|CHEAPSIDE,DL4 2HP,0115 9737320,,england,open\n";

    private final DirectoryCsv csv = new DirectoryCsv();

    private static void assertRefused(String content, String... expected) {
        assertThatThrownBy(() -> new DirectoryCsv().read(content))
                .isInstanceOfSatisfying(EpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                    assertThat(e.getMessage()).contains(expected);
                });
    }

    @Test
    void good_file_reads_every_field() {
        List<Organisation> organisations = csv.read("\uFEFF" + HEADER + GOOD_ROW + "\n"
                + "FZ001,\"ONLINE PHARMACY, LEEDS\",Online-Pharmacy,\"UNIT 4|\"\"THE YARD\"\"\",ls115aa,,"
                + "https://pharmacy.example/,England,CLOSED\r\n"
                + "Z99902 , EXAMPLE PRACTICE ,gp-practice, 1 ROAD | DOUGLAS ,IM1 1AA,01624 000006,,isle-of-man,open");

        assertThat(organisations).containsExactly(
                new Organisation(new OdsCode("A83008"), "HALLGARTH SURGERY", OrganisationKind.GP_PRACTICE,
                        List.of("HALLGARTH SURGERY", "CHEAPSIDE"), Postcode.parse("DL4 2HP"), Optional.of("0115 9737320"),
                        Optional.empty(), Country.ENGLAND, true),
                new Organisation(new OdsCode("FZ001"), "ONLINE PHARMACY, LEEDS", OrganisationKind.ONLINE_PHARMACY,
                        List.of("UNIT 4", "\"THE YARD\""), Postcode.parse("LS11 5AA"), Optional.empty(),
                        Optional.of("https://pharmacy.example/"), Country.ENGLAND, false),
                new Organisation(new OdsCode("Z99902"), "EXAMPLE PRACTICE", OrganisationKind.GP_PRACTICE,
                        List.of("1 ROAD", "DOUGLAS"), Postcode.parse("IM1 1AA"), Optional.of("01624 000006"),
                        Optional.empty(), Country.ISLE_OF_MAN, true));
    }

    @Test
    void shipped_sample_reads_with_every_kind_country_and_status() {
        List<Organisation> organisations = csv.read(DirectoryCsv.sample());

        assertThat(organisations).extracting(Organisation::kind).contains(OrganisationKind.values());
        assertThat(organisations).extracting(Organisation::country).contains(Country.values());
        assertThat(organisations).extracting(Organisation::open).contains(true, false);
        assertThat(organisations).filteredOn(o -> o.kind() == OrganisationKind.ONLINE_PHARMACY)
                .allSatisfy(o -> assertThat(o.website()).isPresent());
        assertThat(organisations).extracting(o -> o.ods().value())
                .contains("A83008", "FA565", "T1450", "RQFZ1", "VNE51", "X2601");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "unknown kind; FA565,PHARMACY,pharmacy,1 ROAD,LS1 1AA,,,england,open; line 3: FA565: Unknown organisation kind",
        "bad ODS code; FA 565,PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,,,england,open; line 3: ODS code must be",
        "missing name; FA565,,community-pharmacy,1 ROAD,LS1 1AA,,,england,open; line 3: Organisation FA565: name is missing",
        "bad postcode; FA565,PHARMACY,community-pharmacy,1 ROAD,LS1,,,england,open; line 3: FA565: Postcode must be",
        "empty address line; FA565,PHARMACY,community-pharmacy,1 ROAD||LEEDS,LS1 1AA,,,england,open; line 3: Organisation FA565: address line is missing",
        "bad telephone; FA565,PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,ring us,,england,open; line 3: Organisation FA565: telephone",
        "online pharmacy without website; FA565,PHARMACY,online-pharmacy,1 ROAD,LS1 1AA,,,england,open; line 3: Organisation FA565: an online pharmacy must give its website",
        "bad website; FA565,PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,,www.example,england,open; line 3: Organisation FA565: website",
        "unknown country; FA565,PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,,,scotland,open; line 3: FA565: Unknown country",
        "missing country; FA565,PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,,,,open; line 3: FA565: country is missing",
        "bad status; FA565,PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,,,england,shut; line 3: FA565: status must be open or closed",
        "too few columns; FA565,PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,,,england; line 3: expected 9 columns, found 8",
        "too many columns; FA565,PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,,,england,open,x; line 3: expected 9 columns, found 10",
        "repeated ODS code; a83008,PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,,,england,open; line 3: ODS code A83008 is already on line 2"
    })
    void malformed_row_is_reported_with_its_line_number(String what, String row, String expected) {
        assertRefused(HEADER + GOOD_ROW + row + "\n", expected, "not loaded");
    }

    @Test
    void every_malformed_row_is_reported_and_none_returned() {
        assertRefused(HEADER + GOOD_ROW
                        + "FA565,PHARMACY,pharmacy,1 ROAD,LS1 1AA,,,england,open\n"
                        + "\n"
                        + GOOD_ROW.replace("A83008", "B86044")
                        + "FA666,PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,,,england,gone\n",
                "2 malformed rows", "line 3: ", "line 6: ");
    }

    @Test
    void unclosed_quote_is_reported_with_its_line() {
        assertRefused(HEADER + GOOD_ROW + "FA565,\"PHARMACY,community-pharmacy,1 ROAD,LS1 1AA,,,england,open\n",
                "line 3", "not valid CSV");
    }

    @Test
    void header_must_name_the_columns_in_order() {
        assertRefused("ods,name,kind,postcode,address,telephone,website,country,status\n" + GOOD_ROW,
                "line 1: the header row must be ods,name,kind,address,postcode,telephone,website,country,status");
        assertRefused(GOOD_ROW, "line 1: the header row must be");
    }

    @Test
    void file_without_organisations_is_refused() {
        assertRefused(HEADER, "holds no organisation");
        assertRefused("\n", "line 1: the header row is missing");
    }
}
