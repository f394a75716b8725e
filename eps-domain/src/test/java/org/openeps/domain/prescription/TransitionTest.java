package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * Walks every (prescription status, transition) pair, 13 x 12, against the legal moves written here as data from
 * REFERENCE.md ("Transitions"), not from the main code.
 */
class TransitionTest {

    /**
     * REFERENCE.md, "Transitions": the status codes each transition may start from.
     * <ul>
     *   <li>RELEASE: "0001 to 0002".</li>
     *   <li>RETURN: "0002 to 0001".</li>
     *   <li>DISPENSE: a dispense notification moves the issue with the dispenser (0002, or 0003 when some items are
     *       still to go) to 0003, 0006 or 0007.</li>
     *   <li>AMEND_DISPENSE and WITHDRAW: act on the latest dispense notification of an issue not yet claimed, so only
     *       where a notification has landed it: 0003, 0006, 0007.</li>
     *   <li>CANCEL: "allowed in 0000 0001 9000 9001".</li>
     *   <li>CLAIM: "from 0006 or 0007 to 0008".</li>
     *   <li>AMEND_CLAIM: "A claim amend keeps 0008".</li>
     *   <li>NO_CLAIM: "0006 with no claim 180 days after the last dispense becomes 0009".</li>
     *   <li>EXPIRE: "0000 0001 0002 9000 9001 9005 go to 0004, but 0003 goes to 0006".</li>
     *   <li>MAKE_AVAILABLE: a future-dated prescription (9001) and an eRD issue waiting in 0000 become 0001 when due.</li>
     *   <li>NEXT_ISSUE: when an issue ends, the next eRD issue (9000) goes to 0000 or 0001.</li>
     * </ul>
     */
    private static final Map<Transition, Set<String>> FROM = new EnumMap<>(Map.ofEntries(
            Map.entry(Transition.RELEASE, Set.of("0001")),
            Map.entry(Transition.RETURN, Set.of("0002")),
            Map.entry(Transition.DISPENSE, Set.of("0002", "0003")),
            Map.entry(Transition.AMEND_DISPENSE, Set.of("0003", "0006", "0007")),
            Map.entry(Transition.WITHDRAW, Set.of("0003", "0006", "0007")),
            Map.entry(Transition.CANCEL, Set.of("0000", "0001", "9000", "9001")),
            Map.entry(Transition.CLAIM, Set.of("0006", "0007")),
            Map.entry(Transition.AMEND_CLAIM, Set.of("0008")),
            Map.entry(Transition.NO_CLAIM, Set.of("0006")),
            Map.entry(Transition.EXPIRE, Set.of("0000", "0001", "0002", "0003", "9000", "9001", "9005")),
            Map.entry(Transition.MAKE_AVAILABLE, Set.of("0000", "9001")),
            Map.entry(Transition.NEXT_ISSUE, Set.of("9000"))));

    /** REFERENCE.md, "Prescription statuses": all thirteen codes. */
    private static final String[] STATUS_CODES = {
        "0000", "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "9000", "9001", "9005"};

    static Stream<Arguments> everyStatusAndTransition() {
        return Arrays.stream(Transition.values()).flatMap(transition -> Arrays.stream(STATUS_CODES)
                .map(code -> Arguments.of(transition, code, FROM.get(transition).contains(code))));
    }

    static Stream<Arguments> everyIllegalPair() {
        return everyStatusAndTransition().filter(arguments -> !(Boolean) arguments.get()[2]);
    }

    /** Illegal pairs of every transition but RELEASE and CLAIM, which have codes of their own. */
    static Stream<Arguments> everyIllegalPairOfTheOtherTransitions() {
        return everyIllegalPair().filter(arguments -> arguments.get()[0] != Transition.RELEASE
                && arguments.get()[0] != Transition.CLAIM);
    }

    @Test
    void the_walk_covers_all_13_statuses_by_12_transitions() {
        assertThat(FROM.keySet()).containsExactlyInAnyOrder(Transition.values());
        assertThat(STATUS_CODES).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(PrescriptionStatus.values()).map(PrescriptionStatus::code).toList());
        assertThat(everyStatusAndTransition()).hasSize(13 * 12);
    }

    @ParameterizedTest(name = "{0} from {1}: allowed {2}")
    @MethodSource("everyStatusAndTransition")
    void transition_is_allowed_from_exactly_the_statuses_reference_md_names(Transition transition, String code,
            boolean allowed) {
        assertThat(transition.allowedFrom(PrescriptionStatus.fromCode(code))).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} from {1}: allowed {2}")
    @MethodSource("everyStatusAndTransition")
    void check_passes_a_legal_move_and_throws_the_refusal_code_for_an_illegal_one(Transition transition, String code,
            boolean allowed) {
        PrescriptionStatus status = PrescriptionStatus.fromCode(code);

        if (allowed) {
            assertThatCode(() -> transition.check(status)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> transition.check(status))
                    .isInstanceOfSatisfying(EpsException.class, e -> {
                        assertThat(e.code()).isEqualTo(transition.refusal(status));
                        assertThat(e.getMessage()).contains(code);
                    });
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transition.class)
    void from_lists_the_same_statuses_as_allowed_from(Transition transition) {
        Set<String> codes = transition.from().stream().map(PrescriptionStatus::code).collect(Collectors.toSet());

        assertThat(codes).isEqualTo(FROM.get(transition));
    }

    @Test
    void from_is_a_copy_that_cannot_change_the_table() {
        Set<PrescriptionStatus> from = Transition.RELEASE.from();
        from.add(PrescriptionStatus.CANCELLED);

        assertThat(Transition.RELEASE.allowedFrom(PrescriptionStatus.CANCELLED)).isFalse();
    }

    @ParameterizedTest(name = "release from {0} is refused {1}")
    @CsvSource({
        "0002, PRESCRIPTION_WITH_ANOTHER_DISPENSER",
        "0003, PRESCRIPTION_WITH_ANOTHER_DISPENSER",
        "0004, PRESCRIPTION_EXPIRED",
        "0005, PRESCRIPTION_CANCELLED",
        "9005, PRESCRIPTION_CANCELLED",
        "0006, PRESCRIPTION_DISPENSED",
        "0007, PRESCRIPTION_DISPENSED",
        "0008, PRESCRIPTION_DISPENSED",
        "0009, PRESCRIPTION_DISPENSED",
        "0000, PRESCRIPTION_NOT_YET_AVAILABLE",
        "9000, PRESCRIPTION_NOT_YET_AVAILABLE",
        "9001, PRESCRIPTION_NOT_YET_AVAILABLE",
    })
    void release_is_refused_with_the_code_that_says_why(String code, ErrorCode expected) {
        PrescriptionStatus status = PrescriptionStatus.fromCode(code);

        assertThat(Transition.RELEASE.refusal(status)).isEqualTo(expected);
        assertThatThrownBy(() -> Transition.RELEASE.check(status))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "claim from {0}")
    @CsvSource({"0000", "0001", "0002", "0003", "0004", "0005", "0008", "0009", "9000", "9001", "9005"})
    void claim_on_anything_but_dispensed_or_not_dispensed_is_claim_invalid_not_dispensed(String code) {
        PrescriptionStatus status = PrescriptionStatus.fromCode(code);

        assertThat(Transition.CLAIM.refusal(status)).isEqualTo(ErrorCode.CLAIM_INVALID_NOT_DISPENSED);
        assertThatThrownBy(() -> Transition.CLAIM.check(status))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CLAIM_INVALID_NOT_DISPENSED));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyIllegalPairOfTheOtherTransitions")
    void every_other_illegal_move_is_an_invalid_line_state_transition(Transition transition, String code,
            boolean allowed) {
        PrescriptionStatus status = PrescriptionStatus.fromCode(code);

        assertThat(transition.refusal(status)).isEqualTo(ErrorCode.INVALID_LINE_STATE_TRANSITION);
        assertThatThrownBy(() -> transition.check(status))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LINE_STATE_TRANSITION));
    }

    @Test
    void illegal_pairs_number_156_less_the_legal_moves_reference_md_names() {
        long legal = FROM.values().stream().mapToLong(Set::size).sum();

        assertThat(everyIllegalPair()).hasSize((int) (13 * 12 - legal));
    }
}
