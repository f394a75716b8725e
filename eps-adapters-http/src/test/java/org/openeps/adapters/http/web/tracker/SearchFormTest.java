package org.openeps.adapters.http.web.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openeps.adapters.http.web.FieldError;

class SearchFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void a_prescription_id_is_read_in_any_case_with_spaces_around() {
        SearchForm form = form("id", " 24f5da-a83008-7efe6z ", "", "", "", "", "");

        assertThat(form.parsedPrescriptionId().value()).hasValueSatisfying(id ->
                assertThat(id.value()).isEqualTo("24F5DA-A83008-7EFE6Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|Enter a prescription ID",
            "24F5DA-A83008-7EFE6A|Enter a prescription ID in the correct format, like 24F5DA-A83008-7EFE6Z",
            "not an id|Enter a prescription ID in the correct format, like 24F5DA-A83008-7EFE6Z"})
    void a_wrong_prescription_id_is_explained(String id, String message) {
        assertThat(form("id", id, "", "", "", "", "").parsedPrescriptionId().errors())
                .containsExactly(new FieldError("prescriptionId", message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "944 930 4130|",
            "944-930-4130|",
            "''|Enter an NHS number",
            "12345|NHS number must be 10 digits",
            "94493041300|NHS number must be 10 digits",
            "9449304131|Enter a valid NHS number"})
    void an_nhs_number_is_read_as_people_write_it(String nhsNumber, String message) {
        List<FieldError> errors = form("nhs", "", nhsNumber, "", "", "", "").parsedNhsNumber().errors();

        assertThat(errors).isEqualTo(message == null ? List.of() : List.of(new FieldError("nhsNumber", message)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Twitchett|30|4|1948||",
            "''|30|4|1948|familyName|Enter the patient's last name",
            "Twitchett|''|''|''|dob-day|Enter the patient's date of birth",
            "Twitchett|''|4|1948|dob-day|Date of birth must include a day",
            "Twitchett|30|''|''|dob-month|Date of birth must include a month and year",
            "Twitchett|31|2|1948|dob-day|Date of birth must be a real date",
            "Twitchett|1|13|1948|dob-day|Date of birth must be a real date",
            "Twitchett|1|1|48|dob-day|Date of birth must be a real date",
            "Twitchett|2|3|2026|dob-day|Date of birth must be in the past",
            "Twitchett|1|1|1850|dob-year|Year of birth must be 1880 or later"})
    void basic_details_need_a_last_name_and_a_real_date_of_birth(String family, String day, String month,
                                                               String year, String field, String message) {
        SearchForm.Parsed<SearchForm.Details> parsed = form("details", "", "", family, day, month, year)
                .parsedDetails(TODAY);

        assertThat(parsed.errors()).isEqualTo(field == null ? List.of() : List.of(new FieldError(field, message)));
    }

    @Test
    void optional_details_are_left_out_when_blank_and_a_postcode_must_look_like_one() {
        SearchForm.Details details = form("details", "", "", "Twitchett", "30", "4", "1948").parsedDetails(TODAY)
                .value().orElseThrow();
        assertThat(details.givenName()).isEmpty();
        assertThat(details.postcode()).isEmpty();
        assertThat(details.dateOfBirth()).isEqualTo(LocalDate.of(1948, 4, 30));

        SearchForm badPostcode = new SearchForm("details", "", "", "Twitchett", "Stacey", "30", "4", "1948",
                "<script>", List.of());
        assertThat(badPostcode.parsedDetails(TODAY).errors())
                .containsExactly(new FieldError("postcode", "Enter a real postcode, like LS1 4AP"));
        SearchForm withBoth = new SearchForm("details", "", "", "Twitchett", " Stacey ", "30", "4", "1948",
                "kt11 2qy", List.of());
        assertThat(withBoth.parsedDetails(TODAY).value().orElseThrow().givenName()).isEqualTo(Optional.of("Stacey"));
    }

    private static SearchForm form(String by, String id, String nhsNumber, String family, String day, String month,
                                   String year) {
        return new SearchForm(by, id, nhsNumber, family, "", day, month, year, "", List.of());
    }
}
