package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class TreatmentTypeTest {

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', textBlock = """
        acute                                                     | ACUTE
        acute acute acute acute                                   | ACUTE
        continuous                                                | REPEAT_PRESCRIBING
        continuous continuous                                     | REPEAT_PRESCRIBING
        continuous-repeat-dispensing                              | REPEAT_DISPENSING
        continuous-repeat-dispensing continuous-repeat-dispensing | REPEAT_DISPENSING
        acute continuous                                          | ACUTE
        continuous acute                                          | ACUTE
        continuous acute continuous                               | ACUTE
        """)
    void courses_of_therapy_of_the_items_give_the_treatment_type(String courses, TreatmentType expected) {
        assertThat(TreatmentType.of(courses(courses))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @ValueSource(strings = {
        "continuous-repeat-dispensing acute",
        "acute continuous-repeat-dispensing",
        "continuous-repeat-dispensing continuous",
        "continuous continuous-repeat-dispensing",
        "acute continuous continuous-repeat-dispensing",
        "continuous-repeat-dispensing continuous-repeat-dispensing acute",
    })
    void any_mix_with_repeat_dispensing_is_rejected_as_invalid_value(String courses) {
        assertThatThrownBy(() -> TreatmentType.of(courses(courses)))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void no_course_of_therapy_is_a_missing_value() {
        assertThatThrownBy(() -> TreatmentType.of(List.of()))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @ParameterizedTest
    @CsvSource({
        "0001, ACUTE",
        "0002, REPEAT_PRESCRIBING",
        "0003, REPEAT_DISPENSING",
    })
    void every_treatment_type_has_the_code_of_the_reference(String code, TreatmentType type) {
        assertThat(type.code()).isEqualTo(code);
        assertThat(TreatmentType.fromCode(code)).isSameAs(type);
    }

    @Test
    void there_are_exactly_three_treatment_types() {
        assertThat(Arrays.stream(TreatmentType.values()).map(TreatmentType::code))
                .containsExactly("0001", "0002", "0003");
    }

    @ParameterizedTest
    @EnumSource(TreatmentType.class)
    void treatment_type_is_found_again_from_its_code(TreatmentType type) {
        assertThat(TreatmentType.fromCode(type.code())).isSameAs(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0000", "0004", "1", "acute"})
    void unknown_treatment_type_code_is_rejected_as_invalid_value(String code) {
        assertThatThrownBy(() -> TreatmentType.fromCode(code))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @ParameterizedTest
    @CsvSource({
        "acute, ACUTE",
        "continuous, CONTINUOUS",
        "continuous-repeat-dispensing, CONTINUOUS_REPEAT_DISPENSING",
    })
    void course_of_therapy_is_read_from_its_fhir_code(String code, CourseOfTherapy course) {
        assertThat(CourseOfTherapy.fromCode(code)).isSameAs(course);
        assertThat(course.code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acute", "repeat-dispensing", "continuous-repeat"})
    void unknown_course_of_therapy_is_rejected_as_invalid_value(String code) {
        assertThatThrownBy(() -> CourseOfTherapy.fromCode(code))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    private static List<CourseOfTherapy> courses(String codes) {
        return Arrays.stream(codes.trim().split("\\s+")).map(CourseOfTherapy::fromCode).toList();
    }
}
