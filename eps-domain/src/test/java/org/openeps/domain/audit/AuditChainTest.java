package org.openeps.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.access.Action;
import org.openeps.domain.audit.AuditVerification.Problem;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-03-04T10:11:12.123456Z");
    private static final AuditWho USER = new AuditWho("user", Optional.of("555086689106"),
            Optional.of("555086718101"), Optional.of("FA565"), Optional.of("pharmacy-system"), Optional.empty());
    private static final AuditRecord RECORD = new AuditRecord(AT, "request-1", Action.DISPENSE, USER,
            Optional.of("D2A5B1-A83008-1234AB"), Optional.of("9449304130"), "OK");

    @Test
    void the_genesis_hash_is_64_zeros() {
        assertThat(AuditChain.GENESIS).hasSize(64).matches("0+");
        assertThat(AuditChainHead.genesis(1)).isEqualTo(new AuditChainHead(1, 0, AuditChain.GENESIS));
    }

    /** Computed independently of this code (a few lines of Python), from the encoding the class documents. */
    @Test
    void the_hash_is_the_sha_256_of_the_documented_encoding_with_the_chain_number() {
        assertThat(AuditChain.hash(1, AuditChain.GENESIS, 1, RECORD))
                .isEqualTo("c856357e6960d38d9c2486a7fb536fd51288a41ef523848ef0fb62d51d335ff5");
        assertThat(AuditChain.hash(2, AuditChain.GENESIS, 1, RECORD))
                .isEqualTo("14e346c4faacf25b07b46adbe5392ca5f714d7c17e7cdde52110292bb80f7d21");
    }

    /** The value the single chain's records were written with, before there were several chains. */
    @Test
    void the_v1_hash_is_the_sha_256_of_the_encoding_without_the_chain_number() {
        assertThat(AuditChain.hashV1(AuditChain.GENESIS, 1, RECORD))
                .isEqualTo("39264f8152faae803ddee7c410c1597e28fcbbdf08dca84f79f45047d6fa0f46");
    }

    @Test
    void the_chain_number_is_part_of_the_hash() {
        assertThat(AuditChain.hash(1, AuditChain.GENESIS, 1, RECORD))
                .isNotEqualTo(AuditChain.hash(AuditChain.CHAINS, AuditChain.GENESIS, 1, RECORD))
                .isNotEqualTo(AuditChain.hashV1(AuditChain.GENESIS, 1, RECORD));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, AuditChain.CHAINS + 1})
    void a_chain_outside_1_to_chains_is_refused(int chain) {
        assertThatThrownBy(() -> AuditChain.hash(chain, AuditChain.GENESIS, 1, RECORD))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
        assertThatThrownBy(() -> AuditChainHead.genesis(chain))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
        assertThatThrownBy(() -> new ChainedAuditRecord(chain, 1, RECORD, AuditChain.GENESIS, AuditChain.GENESIS))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void the_hash_is_the_same_for_equal_records_and_sub_microsecond_differences() {
        AuditRecord again = new AuditRecord(AT.plusNanos(999), "request-1", Action.DISPENSE, USER,
                Optional.of("D2A5B1-A83008-1234AB"), Optional.of("9449304130"), "OK");

        assertThat(AuditChain.hash(1, AuditChain.GENESIS, 1, again)).isEqualTo(AuditChain.hash(1, AuditChain.GENESIS, 1, RECORD));
    }

    static Stream<UnaryOperator<AuditRecord>> changes() {
        return Stream.of(
                r -> with(r, r.at().plusNanos(1000), r.requestId(), r.action(), r.who(), r.outcome()),
                r -> with(r, r.at(), "request-2", r.action(), r.who(), r.outcome()),
                r -> with(r, r.at(), r.requestId(), Action.CLAIM, r.who(), r.outcome()),
                r -> with(r, r.at(), r.requestId(), r.action(), AuditWho.anonymous(), r.outcome()),
                r -> with(r, r.at(), r.requestId(), r.action(), r.who(), "ACCESS_DENIED"),
                r -> with(r, r.at(), r.requestId(), r.action(), who(r.who(), "kind"), r.outcome()),
                r -> with(r, r.at(), r.requestId(), r.action(), who(r.who(), "userId"), r.outcome()),
                r -> with(r, r.at(), r.requestId(), r.action(), who(r.who(), "roleProfileId"), r.outcome()),
                r -> with(r, r.at(), r.requestId(), r.action(), who(r.who(), "organisation"), r.outcome()),
                r -> with(r, r.at(), r.requestId(), r.action(), who(r.who(), "clientId"), r.outcome()),
                r -> with(r, r.at(), r.requestId(), r.action(), who(r.who(), "patient"), r.outcome()),
                r -> new AuditRecord(r.at(), r.requestId(), r.action(), r.who(), Optional.empty(), r.nhsNumber(),
                        r.outcome()),
                r -> new AuditRecord(r.at(), r.requestId(), r.action(), r.who(), r.prescriptionId(),
                        Optional.of("9434765919"), r.outcome()));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void changing_any_field_changes_the_hash(UnaryOperator<AuditRecord> change) {
        AuditRecord changed = change.apply(RECORD);

        assertThat(changed).isNotEqualTo(RECORD);
        assertThat(AuditChain.hash(1, AuditChain.GENESIS, 1, changed))
                .isNotEqualTo(AuditChain.hash(1, AuditChain.GENESIS, 1, RECORD));
    }

    @Test
    void the_sequence_and_the_previous_hash_are_part_of_the_hash() {
        String first = AuditChain.hash(1, AuditChain.GENESIS, 1, RECORD);

        assertThat(AuditChain.hash(1, AuditChain.GENESIS, 2, RECORD)).isNotEqualTo(first);
        assertThat(AuditChain.hash(1, "1".repeat(64), 1, RECORD)).isNotEqualTo(first);
    }

    @Test
    void text_cannot_move_between_neighbouring_fields() {
        AuditWho ab = new AuditWho("user", Optional.of("ab"), Optional.of("c"), Optional.empty(), Optional.empty(),
                Optional.empty());
        AuditWho a = new AuditWho("user", Optional.of("a"), Optional.of("bc"), Optional.empty(), Optional.empty(),
                Optional.empty());
        AuditWho firstOnly = new AuditWho("user", Optional.of("x"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        AuditWho secondOnly = new AuditWho("user", Optional.empty(), Optional.of("x"), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(hashWith(ab)).isNotEqualTo(hashWith(a));
        assertThat(hashWith(firstOnly)).isNotEqualTo(hashWith(secondOnly));
    }

    @Test
    void the_hash_is_64_lowercase_hex_digits() {
        assertThat(AuditChain.hash(1, AuditChain.GENESIS, 1, RECORD)).matches("[0-9a-f]{64}");
    }

    @Test
    void a_bad_previous_hash_or_sequence_is_refused() {
        assertThatThrownBy(() -> AuditChain.hash(1, "ABC", 1, RECORD))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
        assertThatThrownBy(() -> AuditChain.hash(1, AuditChain.GENESIS.toUpperCase().replace('0', 'A'), 1, RECORD))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
        assertThatThrownBy(() -> AuditChain.hash(1, AuditChain.GENESIS, 0, RECORD))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void linking_gives_the_next_sequence_in_the_heads_chain_and_chains_to_the_head() {
        ChainedAuditRecord first = AuditChain.link(AuditChainHead.genesis(1), RECORD);
        ChainedAuditRecord second = AuditChain.link(first.asHead(), RECORD);
        ChainedAuditRecord elsewhere = AuditChain.link(AuditChainHead.genesis(5), RECORD);

        assertThat(elsewhere.chain()).isEqualTo(5);
        assertThat(elsewhere.sequence()).isEqualTo(1);
        assertThat(elsewhere.hash()).isEqualTo(AuditChain.hash(5, AuditChain.GENESIS, 1, RECORD))
                .isNotEqualTo(first.hash());
        assertThat(second.asHead()).isEqualTo(new AuditChainHead(1, 2, second.hash()));
        assertThat(first.chain()).isEqualTo(1);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(first.hash()).isEqualTo(AuditChain.hash(1, AuditChain.GENESIS, 1, RECORD));
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(first.hash());
    }

    @Test
    void an_empty_chain_at_genesis_is_intact() {
        assertThat(AuditChain.verify(List.<ChainedAuditRecord>of().iterator(), AuditChainHead.genesis(1)))
                .isEqualTo(AuditVerification.intact(0));
    }

    @Test
    void a_chain_as_appended_is_intact() {
        List<ChainedAuditRecord> chain = chain(20);

        assertThat(verify(chain)).isEqualTo(AuditVerification.intact(20));
    }

    @Test
    void a_record_whose_content_changed_is_altered() {
        List<ChainedAuditRecord> chain = chain(10);
        ChainedAuditRecord seventh = chain.get(6);
        chain.set(6, new ChainedAuditRecord(1, 7, with(seventh.record(), seventh.record().at(), "forged",
                Action.DISPENSE, USER, "OK"), seventh.previousHash(), seventh.hash()));

        assertThat(AuditChain.verify(chain.iterator(), head(chain))).isEqualTo(AuditVerification.altered(6, 1, 7));
    }

    @Test
    void a_record_rewritten_with_a_fresh_hash_breaks_the_link_of_the_next() {
        List<ChainedAuditRecord> chain = chain(10);
        ChainedAuditRecord seventh = chain.get(6);
        AuditRecord forged = with(seventh.record(), seventh.record().at(), "forged", Action.DISPENSE, USER, "OK");
        chain.set(6, new ChainedAuditRecord(1, 7, forged, seventh.previousHash(),
                AuditChain.hash(1, seventh.previousHash(), 7, forged)));

        assertThat(verify(chain)).isEqualTo(AuditVerification.altered(7, 1, 8));
    }

    @Test
    void a_record_linked_to_the_wrong_previous_hash_is_altered() {
        List<ChainedAuditRecord> chain = chain(5);
        ChainedAuditRecord third = chain.get(2);
        String otherPrevious = "a".repeat(64);
        chain.set(2, new ChainedAuditRecord(1, 3, third.record(), otherPrevious,
                AuditChain.hash(1, otherPrevious, 3, third.record())));

        assertThat(AuditChain.verify(chain.iterator(), head(chain))).isEqualTo(AuditVerification.altered(2, 1, 3));
    }

    @Test
    void a_record_removed_from_the_middle_is_missing() {
        List<ChainedAuditRecord> chain = chain(10);
        AuditChainHead head = head(chain);
        chain.remove(4);

        assertThat(AuditChain.verify(chain.iterator(), head)).isEqualTo(AuditVerification.missing(4, 1, 5));
    }

    @Test
    void the_first_record_removed_is_missing() {
        List<ChainedAuditRecord> chain = chain(3);
        AuditChainHead head = head(chain);
        chain.remove(0);

        assertThat(AuditChain.verify(chain.iterator(), head)).isEqualTo(AuditVerification.missing(0, 1, 1));
    }

    @Test
    void records_removed_from_the_end_are_missing_from_the_first_gone() {
        List<ChainedAuditRecord> chain = chain(10);
        AuditChainHead head = head(chain);
        chain.remove(9);
        chain.remove(8);

        assertThat(AuditChain.verify(chain.iterator(), head)).isEqualTo(AuditVerification.missing(8, 1, 9));
    }

    @Test
    void every_record_removed_is_missing_from_the_first() {
        assertThat(AuditChain.verify(List.<ChainedAuditRecord>of().iterator(), new AuditChainHead(1, 3, "b".repeat(64))))
                .isEqualTo(AuditVerification.missing(0, 1, 1));
    }

    @Test
    void a_head_that_is_not_the_last_record_marks_the_last_record_altered() {
        List<ChainedAuditRecord> chain = chain(4);

        assertThat(AuditChain.verify(chain.iterator(), new AuditChainHead(1, 4, "c".repeat(64))))
                .isEqualTo(AuditVerification.altered(3, 1, 4));
    }

    @Test
    void a_record_beyond_the_head_is_altered() {
        List<ChainedAuditRecord> chain = chain(6);

        assertThat(AuditChain.verify(chain.iterator(), chain.get(3).asHead()))
                .isEqualTo(AuditVerification.altered(4, 1, 5));
    }

    @Test
    void records_out_of_order_are_altered() {
        List<ChainedAuditRecord> chain = chain(4);
        List<ChainedAuditRecord> repeated = new ArrayList<>(chain.subList(0, 3));
        repeated.add(chain.get(1));

        assertThat(AuditChain.verify(repeated.iterator(), head(chain)).breaks())
                .containsExactly(new AuditVerification.Break(1, 4, Problem.ALTERED));
    }

    @Test
    void every_chain_is_verified_on_its_own() {
        List<ChainedAuditRecord> third = chain(3, 6);

        assertThat(AuditChain.verify(third.iterator(), head(third))).isEqualTo(AuditVerification.intact(6));
        assertThat(AuditChain.verify(List.<ChainedAuditRecord>of().iterator(), AuditChainHead.genesis(7)))
                .isEqualTo(AuditVerification.intact(0));
    }

    @Test
    void a_break_is_reported_in_its_chain() {
        List<ChainedAuditRecord> chain = chain(9, 5);
        AuditChainHead head = head(chain);
        chain.remove(1);

        assertThat(AuditChain.verify(chain.iterator(), head)).isEqualTo(AuditVerification.missing(1, 9, 2));
    }

    @Test
    void a_record_moved_to_the_same_place_in_another_chain_is_altered() {
        ChainedAuditRecord firstOfSecond = chain(2, 1).getFirst();
        ChainedAuditRecord moved = new ChainedAuditRecord(4, 1, firstOfSecond.record(), firstOfSecond.previousHash(),
                firstOfSecond.hash());

        assertThat(AuditChain.verify(List.of(moved).iterator(), moved.asHead()))
                .isEqualTo(AuditVerification.altered(0, 4, 1));
    }

    @Test
    void a_record_of_another_chain_among_a_chains_records_is_altered() {
        List<ChainedAuditRecord> fourth = chain(4, 3);
        List<ChainedAuditRecord> mixed = new ArrayList<>(fourth);
        mixed.set(2, chain(2, 3).get(2));

        assertThat(AuditChain.verify(mixed.iterator(), head(fourth))).isEqualTo(AuditVerification.altered(2, 4, 3));
    }

    @Test
    void chain_1_may_begin_with_v1_records_that_later_records_continue() {
        List<ChainedAuditRecord> chain = v1Chain(4);
        AuditChainHead head = head(chain);
        for (int i = 0; i < 3; i++) {
            ChainedAuditRecord next = AuditChain.link(head, with(RECORD, AT.plusSeconds(100 + i), "after-" + i,
                    Action.DISPENSE, USER, "OK"));
            chain.add(next);
            head = next.asHead();
        }

        assertThat(verify(chain)).isEqualTo(AuditVerification.intact(7));
    }

    @Test
    void a_v1_record_after_a_v2_record_is_altered() {
        List<ChainedAuditRecord> chain = chain(1, 2);
        ChainedAuditRecord second = chain.get(1);
        chain.set(1, new ChainedAuditRecord(1, 2, second.record(), second.previousHash(),
                AuditChain.hashV1(second.previousHash(), 2, second.record())));
        chain.add(AuditChain.link(chain.get(1).asHead(), RECORD));

        assertThat(verify(chain)).isEqualTo(AuditVerification.altered(1, 1, 2));
    }

    @Test
    void v1_records_are_accepted_in_chain_1_only() {
        List<ChainedAuditRecord> v1 = v1Chain(2);
        List<ChainedAuditRecord> inChain2 = v1.stream().map(record -> new ChainedAuditRecord(2, record.sequence(),
                record.record(), record.previousHash(), record.hash())).toList();

        assertThat(verify(v1)).isEqualTo(AuditVerification.intact(2));
        assertThat(verify(inChain2)).isEqualTo(AuditVerification.altered(0, 2, 1));
    }

    @Test
    void verification_stops_reading_at_the_first_break() {
        List<ChainedAuditRecord> chain = chain(10);
        chain.remove(2);
        var iterator = chain.iterator();

        AuditChain.verify(iterator, new AuditChainHead(1, 10, AuditChain.GENESIS));

        assertThat(iterator.next().sequence()).isEqualTo(5);
    }

    private static List<ChainedAuditRecord> chain(int length) {
        return chain(1, length);
    }

    private static List<ChainedAuditRecord> chain(int number, int length) {
        List<ChainedAuditRecord> chain = new ArrayList<>();
        AuditChainHead head = AuditChainHead.genesis(number);
        for (int i = 0; i < length; i++) {
            ChainedAuditRecord next = AuditChain.link(head, with(RECORD, AT.plusSeconds(i), "request-" + i,
                    Action.values()[i % Action.values().length], USER, "OK"));
            chain.add(next);
            head = next.asHead();
        }
        return chain;
    }

    /** Chain 1 as the single chain was written before there were several: v1 hashes. */
    private static List<ChainedAuditRecord> v1Chain(int length) {
        List<ChainedAuditRecord> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRecord record = with(RECORD, AT.plusSeconds(i), "old-" + i, Action.CLAIM, USER, "OK");
            ChainedAuditRecord next = new ChainedAuditRecord(1, i, record, previous,
                    AuditChain.hashV1(previous, i, record));
            chain.add(next);
            previous = next.hash();
        }
        return chain;
    }

    private static AuditVerification verify(List<ChainedAuditRecord> chain) {
        return AuditChain.verify(chain.iterator(), head(chain));
    }

    private static AuditChainHead head(List<ChainedAuditRecord> chain) {
        return chain.getLast().asHead();
    }

    private static String hashWith(AuditWho who) {
        return AuditChain.hash(1, AuditChain.GENESIS, 1, with(RECORD, AT, "r", Action.DISPENSE, who, "OK"));
    }

    private static AuditRecord with(AuditRecord record, Instant at, String requestId, Action action, AuditWho who,
                                    String outcome) {
        return new AuditRecord(at, requestId, action, who, record.prescriptionId(), record.nhsNumber(), outcome);
    }

    /** The caller with one field changed to another value. */
    private static AuditWho who(AuditWho who, String field) {
        return new AuditWho(
                field.equals("kind") ? "administrator" : who.kind(),
                field.equals("userId") ? Optional.of("other") : who.userId(),
                field.equals("roleProfileId") ? Optional.of("other") : who.roleProfileId(),
                field.equals("organisation") ? Optional.empty() : who.organisation(),
                field.equals("clientId") ? Optional.of("other") : who.clientId(),
                field.equals("patient") ? Optional.of("9449304130") : who.patient());
    }
}
