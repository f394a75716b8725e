package org.openeps.domain.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The hash chains that make the audit trail tamper-evident. The trail is {@value #CHAINS} independent chains, numbered
 * 1 to {@value #CHAINS}, so that concurrent transactions can append at once, each to a chain of its own; each chain
 * has its own sequence (1, 2, ... without gaps) and its own head. Each record's hash covers its chain number, the hash
 * of the record before it in its chain, its own sequence number and every field of its content, so changing,
 * removing, reordering or moving any record to another chain breaks every link from it on in its chain, and
 * {@link #verify} finds the first break.
 *
 * <p>The hash is the lowercase hex SHA-256 of this encoding, in order: the format tag {@value #FORMAT}, the chain
 * number, the previous hash, the sequence, the time (epoch second and nanosecond, at microsecond precision), the
 * request ID, the action's name, the caller's kind, user ID, role profile ID, organisation, client ID and patient, the
 * prescription ID, the NHS number and the outcome. A text is its UTF-8 length as four bytes followed by its UTF-8
 * bytes; an optional text is a byte 0 when empty, or a byte 1 followed by the text; a number is eight bytes,
 * big-endian. Every field therefore has one encoding and no boundary between fields can be shifted. Changing the
 * encoding needs a new format tag.
 *
 * <p>Records written when the trail was one chain use the format {@value #FORMAT_V1}: the same encoding without the
 * chain number. They are the first records of chain {@value #V1_CHAIN}, which the later records continue; a
 * {@value #FORMAT_V1} record anywhere else (in another chain, or after a {@value #FORMAT} record) is not accepted.
 */
public final class AuditChain {

    /** The previous hash of the first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * How many chains the trail has: the one place this number is set. The database creates one head row for each
     * (migration {@code V12__audit_chains.sql}, checked against this by a test); more chains let more transactions
     * append at once without waiting for one another.
     */
    public static final int CHAINS = 16;

    /** Names the encoding the hash covers. */
    public static final String FORMAT = "openeps-audit-v2";

    /** Names the encoding of the records written before there were several chains, which has no chain number. */
    public static final String FORMAT_V1 = "openeps-audit-v1";

    /** The chain whose first records may be {@value #FORMAT_V1} records. */
    public static final int V1_CHAIN = 1;

    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /**
     * The hash of a record at this sequence in this chain, after a record with this hash.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the chain is not 1 to {@value #CHAINS}, the previous
     *     hash is not 64 lowercase hex digits or the sequence is not positive
     */
    public static String hash(int chain, String previousHash, long sequence, AuditRecord record) {
        requireChain(chain);
        MessageDigest digest = start(FORMAT, previousHash, sequence, record);
        number(digest, chain);
        return finish(digest, previousHash, sequence, record);
    }

    /**
     * The hash a {@value #FORMAT_V1} record has: as {@link #hash} without the chain number, under that format tag.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the previous hash is not 64 lowercase hex digits or the
     *     sequence is not positive
     */
    public static String hashV1(String previousHash, long sequence, AuditRecord record) {
        return finish(start(FORMAT_V1, previousHash, sequence, record), previousHash, sequence, record);
    }

    private static MessageDigest start(String format, String previousHash, long sequence, AuditRecord record) {
        requireHash(previousHash, "previous hash");
        EpsException.require(sequence >= 1, ErrorCode.INVALID_VALUE,
                "An audit record's sequence starts at 1: " + sequence);
        Objects.requireNonNull(record, "record");
        MessageDigest digest = sha256();
        text(digest, format);
        return digest;
    }

    private static String finish(MessageDigest digest, String previousHash, long sequence, AuditRecord record) {
        text(digest, previousHash);
        number(digest, sequence);
        number(digest, record.at().getEpochSecond());
        number(digest, record.at().getNano());
        text(digest, record.requestId());
        text(digest, record.action().name());
        text(digest, record.who().kind());
        optional(digest, record.who().userId());
        optional(digest, record.who().roleProfileId());
        optional(digest, record.who().organisation());
        optional(digest, record.who().clientId());
        optional(digest, record.who().patient());
        optional(digest, record.prescriptionId());
        optional(digest, record.nhsNumber());
        text(digest, record.outcome());
        return HEX.formatHex(digest.digest());
    }

    /**
     * The record as the next one after the head, in the head's chain: the next sequence number, linked to the head's
     * hash, in the current format.
     */
    public static ChainedAuditRecord link(AuditChainHead head, AuditRecord record) {
        long sequence = Math.addExact(head.sequence(), 1);
        return new ChainedAuditRecord(head.chain(), sequence, record, head.hash(),
                hash(head.chain(), head.hash(), sequence, record));
    }

    /**
     * Checks one chain, the head's, reading its records once in sequence order and stopping at the first break, so
     * that a chain of any length can be streamed through: the first record is sequence 1 and each next one more (else
     * the first absent sequence is {@code MISSING}); each record is in the head's chain, links to the hash of the one
     * before ({@link #GENESIS} for the first) and its hash is the one {@link #hash} gives (or, for the records of
     * chain {@value #V1_CHAIN} before its first {@value #FORMAT} record, {@link #hashV1}), else that record is
     * {@code ALTERED}. The head must be the last record: a head beyond it means the records after it are
     * {@code MISSING}; a record beyond the head, or a head whose hash is not the last record's, is {@code ALTERED}.
     *
     * @param records the chain's records in ascending sequence order
     * @param head    the chain's head as stored ({@link AuditChainHead#genesis} when there is none)
     * @return the verification of this one chain: at most one break, in this chain
     */
    public static AuditVerification verify(Iterator<ChainedAuditRecord> records, AuditChainHead head) {
        int chain = head.chain();
        AuditChainHead last = AuditChainHead.genesis(chain);
        boolean v1Accepted = chain == V1_CHAIN;
        while (records.hasNext()) {
            ChainedAuditRecord next = records.next();
            long expected = last.sequence() + 1;
            long checked = last.sequence();
            if (next.chain() == chain && next.sequence() > expected) {
                return AuditVerification.missing(checked, chain, expected);
            }
            if (next.chain() != chain || next.sequence() < expected || next.sequence() > head.sequence()
                    || !next.previousHash().equals(last.hash())) {
                return AuditVerification.altered(checked, chain, expected);
            }
            if (next.hash().equals(hash(chain, next.previousHash(), next.sequence(), next.record()))) {
                v1Accepted = false;
            } else if (!v1Accepted
                    || !next.hash().equals(hashV1(next.previousHash(), next.sequence(), next.record()))) {
                return AuditVerification.altered(checked, chain, expected);
            }
            last = next.asHead();
        }
        if (head.sequence() > last.sequence()) {
            return AuditVerification.missing(last.sequence(), chain, last.sequence() + 1);
        }
        if (!head.hash().equals(last.hash())) {
            return AuditVerification.altered(Math.max(0, last.sequence() - 1), chain, Math.max(1, last.sequence()));
        }
        return AuditVerification.intact(last.sequence());
    }

    static void requireChain(int chain) {
        EpsException.require(chain >= 1 && chain <= CHAINS, ErrorCode.INVALID_VALUE,
                "An audit chain is numbered 1 to " + CHAINS + ": " + chain);
    }

    static void requireHash(String hash, String name) {
        EpsException.require(hash != null, ErrorCode.MISSING_VALUE, "The audit record's " + name + " is missing");
        EpsException.require(HASH.matcher(hash).matches(), ErrorCode.INVALID_VALUE,
                "The audit record's " + name + " must be 64 lowercase hex digits: '" + hash + "'");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static void text(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static void optional(MessageDigest digest, Optional<String> value) {
        if (value.isPresent()) {
            digest.update((byte) 1);
            text(digest, value.orElseThrow());
        } else {
            digest.update((byte) 0);
        }
    }

    private static void number(MessageDigest digest, long value) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }
}
