package org.openeps.adapters.persistence.prescription;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How a prescription's order message is stored (ADR 0008): its UTF-8 bytes exactly as received, as one Zstandard
 * frame compressed with a dictionary trained on the published prescription-order examples. The frame names its
 * dictionary, so a message is read back with the dictionary it was written with; a new dictionary gets a new ID and
 * its own file, and a dictionary file, once released, never changes (rows depend on it).
 *
 * <p>Public so that the benchmark's bulk preload writes what the service would write.
 */
public final class OrderMessageCodec {

    /** The dictionary new messages are compressed with. */
    public static final int CURRENT_DICTIONARY = 32769;

    private static final int LEVEL = 3;
    private static final int LARGEST_MESSAGE = 64 * 1024 * 1024;

    private static final byte[] CURRENT = dictionary(CURRENT_DICTIONARY);
    private static final ZstdDictCompress COMPRESSOR = new ZstdDictCompress(CURRENT, LEVEL);
    private static final Map<Long, ZstdDictDecompress> DECOMPRESSORS =
            Map.of((long) CURRENT_DICTIONARY, new ZstdDictDecompress(CURRENT));

    private OrderMessageCodec() {
    }

    /** The message's stored form. */
    public static byte[] encode(String message) {
        return Zstd.compress(message.getBytes(StandardCharsets.UTF_8), COMPRESSOR);
    }

    /** The message exactly as it was received. */
    public static String decode(byte[] stored) {
        long dictionaryId = Zstd.getDictIdFromFrame(stored);
        ZstdDictDecompress dictionary = DECOMPRESSORS.get(dictionaryId);
        if (dictionary == null) {
            throw new IllegalStateException("stored order message names an unknown dictionary " + dictionaryId);
        }
        long size = Zstd.getFrameContentSize(stored);
        if (size < 0 || size > LARGEST_MESSAGE) {
            throw new IllegalStateException("stored order message has no valid content size: " + size);
        }
        return new String(Zstd.decompress(stored, dictionary, (int) size), StandardCharsets.UTF_8);
    }

    static byte[] dictionary(int id) {
        String name = "order-message-" + id + ".zdict";
        try (InputStream in = OrderMessageCodec.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("dictionary " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
