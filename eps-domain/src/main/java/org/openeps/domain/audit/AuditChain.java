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
 * The hash chain that makes the audit trail tamper-evident: each record's hash covers the hash of the record before
 * it, its own sequence number and every field of its content, so changing, removing or reordering any record breaks
 * every link from it on, and {@link #verify} finds the first break.
 *
 * <p>The hash is the lowercase hex SHA-256 of this encoding, in order: the format tag {@value #FORMAT}, the previous
 * hash, the sequence, the time (epoch second and nanosecond, at microsecond precision), the request ID, the action's
 * name, the caller's kind, user ID, role profile ID, organisation, client ID and patient, the prescription ID, the NHS
 * number and the outcome. A text is its UTF-8 length as four bytes followed by its UTF-8 bytes; an optional text is a
 * byte 0 when empty, or a byte 1 followed by the text; a number is eight bytes, big-endian. Every field therefore has
 * one encoding and no boundary between fields can be shifted. Changing the encoding needs a new format tag.
 */
public final class AuditChain {

    /** The previous hash of the first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** Names the encoding the hash covers. */
    public static final String FORMAT = "openeps-audit-v1";

    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /**
     * The hash of a record at this sequence after a record with this hash.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the previous hash is not 64 lowercase hex digits or the
     *     sequence is not positive
     */
    public static String hash(String previousHash, long sequence, AuditRecord record) {
        requireHash(previousHash, "previous hash");
        EpsException.require(sequence >= 1, ErrorCode.INVALID_VALUE,
                "An audit record's sequence starts at 1: " + sequence);
        Objects.requireNonNull(record, "record");
        MessageDigest digest = sha256();
        text(digest, FORMAT);
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

    /** The record as the next one after the head: the next sequence number, linked to the head's hash. */
    public static ChainedAuditRecord link(AuditChainHead head, AuditRecord record) {
        long sequence = Math.addExact(head.sequence(), 1);
        return new ChainedAuditRecord(sequence, record, head.hash(), hash(head.hash(), sequence, record));
    }

    /**
     * Checks a chain, reading its records once in sequence order and stopping at the first break, so that a chain of
     * any length can be streamed through: the first record is sequence 1 and each next one more (else the first
     * absent sequence is {@code MISSING}); each record links to the hash of the one before ({@link #GENESIS} for the
     * first) and its hash is the one {@link #hash} gives (else that record is {@code ALTERED}). The head must be the
     * last record: a head beyond it means the records after it are {@code MISSING}; a record beyond the head, or a
     * head whose hash is not the last record's, is {@code ALTERED}.
     *
     * @param records the chain's records in ascending sequence order
     * @param head    the chain's head as stored
     */
    public static AuditVerification verify(Iterator<ChainedAuditRecord> records, AuditChainHead head) {
        AuditChainHead last = AuditChainHead.genesis();
        while (records.hasNext()) {
            ChainedAuditRecord next = records.next();
            long expected = last.sequence() + 1;
            long checked = last.sequence();
            if (next.sequence() > expected) {
                return AuditVerification.missing(checked, expected);
            }
            if (next.sequence() < expected || next.sequence() > head.sequence()
                    || !next.previousHash().equals(last.hash())
                    || !next.hash().equals(hash(next.previousHash(), next.sequence(), next.record()))) {
                return AuditVerification.altered(checked, expected);
            }
            last = next.asHead();
        }
        if (head.sequence() > last.sequence()) {
            return AuditVerification.missing(last.sequence(), last.sequence() + 1);
        }
        if (!head.hash().equals(last.hash())) {
            return AuditVerification.altered(Math.max(0, last.sequence() - 1), Math.max(1, last.sequence()));
        }
        return AuditVerification.intact(last.sequence());
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
