package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anErdOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.item;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class PrescriptionOrderTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void one_to_four_items_are_accepted(int count) {
        PrescriptionOrder order = anOrder().items(count).build();

        assertThat(order.items()).hasSize(count);
    }

    @Test
    void prescription_without_items_is_missing_a_value() {
        assertRejected(() -> anOrder().items(0).build(), ErrorCode.MISSING_VALUE);
    }

    @Test
    void prescription_with_five_items_is_invalid() {
        assertRejected(() -> anOrder().items(5).build(), ErrorCode.INVALID_VALUE);
    }

    @Test
    void the_same_line_item_id_twice_is_invalid() {
        assertRejected(() -> anOrder().items(item(1), item(2), item(1)).build(), ErrorCode.INVALID_VALUE);
    }

    @Test
    void items_keep_their_order_and_are_found_by_id() {
        PrescriptionOrder order = anOrder().items(item(3), item(1), item(2)).build();

        assertThat(order.items()).extracting(LineItem::id)
                .containsExactly(item(3).id(), item(1).id(), item(2).id());
        assertThat(order.item(item(1).id())).contains(item(1));
        assertThat(order.item(item(4).id())).isEmpty();
    }

    @Test
    void items_of_an_order_cannot_be_changed() {
        PrescriptionOrder order = anOrder().items(2).build();

        assertThatThrownBy(() -> order.items().add(item(3))).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0101", "0201", "0501", "1001", "1201", "1004", "1025"})
    void primary_care_from_england_wales_or_isle_of_man_and_secondary_care_from_england_are_accepted(String type) {
        assertThat(anOrder().type(type).build().type().code()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001", "5001"})
    void secondary_care_from_outside_england_is_refused(String type) {
        assertRejected(() -> anOrder().type(type).build(), ErrorCode.INVALID_VALUE);
    }

    @Test
    void secondary_care_from_wales_is_refused_while_primary_care_from_wales_is_accepted() {
        assertRejected(() -> anOrder().type("2001").build(), ErrorCode.INVALID_VALUE);
        assertThat(anOrder().type("0201").build().type().country()).isEqualTo(PrescriptionType.Country.WALES);
    }

    @Test
    void repeat_dispensing_with_seven_issues_and_a_days_supply_is_accepted() {
        PrescriptionOrder order = anErdOrder(7).daysSupply(28).build();

        assertThat(order.treatmentType()).isEqualTo(TreatmentType.REPEAT_DISPENSING);
        assertThat(order.numberOfIssues()).isEqualTo(7);
        assertThat(order.daysSupply()).contains(28);
    }

    @Test
    void repeat_dispensing_with_a_single_issue_is_accepted() {
        assertThat(anErdOrder(1).build().numberOfIssues()).isEqualTo(1);
    }

    @Test
    void repeat_dispensing_without_a_days_supply_is_refused() {
        assertRejected(() -> anErdOrder(7).noDaysSupply().build(), ErrorCode.MISSING_VALUE);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void repeat_dispensing_with_no_issue_is_refused(int numberOfIssues) {
        assertRejected(() -> anErdOrder(numberOfIssues).build(), ErrorCode.INVALID_VALUE);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -28})
    void days_supply_must_be_at_least_one_day(int days) {
        assertRejected(() -> anErdOrder(3).daysSupply(days).build(), ErrorCode.INVALID_VALUE);
        assertRejected(() -> anOrder().daysSupply(days).build(), ErrorCode.INVALID_VALUE);
    }

    @Test
    void acute_prescription_may_give_a_days_supply() {
        assertThat(anOrder().daysSupply(7).build().daysSupply()).contains(7);
    }

    @Test
    void acute_prescription_with_two_issues_is_refused() {
        assertRejected(() -> anOrder().treatmentType(TreatmentType.ACUTE).numberOfIssues(2).build(),
                ErrorCode.INVALID_VALUE);
    }

    @ParameterizedTest
    @EnumSource(value = TreatmentType.class, names = {"ACUTE", "REPEAT_PRESCRIBING"})
    void only_repeat_dispensing_has_other_than_one_issue(TreatmentType type) {
        assertThat(anOrder().treatmentType(type).numberOfIssues(1).build().numberOfIssues()).isEqualTo(1);
        for (int numberOfIssues : new int[] {0, 2, 7}) {
            assertRejected(() -> anOrder().treatmentType(type).daysSupply(28).numberOfIssues(numberOfIssues).build(),
                    ErrorCode.INVALID_VALUE);
        }
    }

    @Test
    void nomination_is_kept() {
        PrescriptionOrder order = anOrder().nominatedTo("FA565").build();

        assertThat(order.nomination()).hasValueSatisfying(nominated -> {
            assertThat(nominated.organisation().value()).isEqualTo("FA565");
            assertThat(nominated.siteType()).isEqualTo(DispensingSiteType.PHARMACY);
        });
    }

    private static void assertRejected(ThrowingCallable build, ErrorCode expected) {
        assertThatThrownBy(build)
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }
}
