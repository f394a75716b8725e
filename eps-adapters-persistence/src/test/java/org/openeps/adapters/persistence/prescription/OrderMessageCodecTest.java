package org.openeps.adapters.persistence.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OrderMessageCodecTest {

    private static final Path ORDERS = Path.of("../examples/eps-fhir-examples/prescription-order");

    @Test
    void every_published_order_message_reads_back_byte_for_byte_smaller_than_without_the_dictionary() throws IOException {
        List<Path> requests = requests();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(20);
        long sent = 0;
        long kept = 0;
        for (Path request : requests) {
            String message = Files.readString(request);
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);

            byte[] stored = OrderMessageCodec.encode(message);

            assertThat(OrderMessageCodec.decode(stored)).as(request.toString()).isEqualTo(message);
            assertThat(stored.length).as(request.toString()).isLessThan(Zstd.compress(bytes, 3).length);
            sent += bytes.length;
            kept += stored.length;
        }
        assertThat(kept).as("all of them together").isLessThan(sent / 8);
    }

    @Test
    void a_message_unlike_the_examples_reads_back_exactly() {
        String awkward = " \t{\r\n  \"name\": \"Zoë 😀 \\u00e9\" }\n\n  " + "x".repeat(100_000);

        assertThat(OrderMessageCodec.decode(OrderMessageCodec.encode(awkward))).isEqualTo(awkward);
        assertThat(OrderMessageCodec.decode(OrderMessageCodec.encode(""))).isEmpty();
    }

    @Test
    void the_stored_frame_names_its_dictionary() {
        byte[] stored = OrderMessageCodec.encode("{\"resourceType\":\"Bundle\"}");

        assertThat(Zstd.getDictIdFromFrame(stored)).isEqualTo(OrderMessageCodec.CURRENT_DICTIONARY);
    }

    @Test
    void a_frame_made_with_another_dictionary_or_none_is_refused_not_misread() {
        byte[] plain = Zstd.compress("{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> OrderMessageCodec.decode(plain))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown dictionary 0");
    }

    @Test
    void the_released_dictionary_never_changes_because_stored_rows_depend_on_it() throws NoSuchAlgorithmException {
        byte[] dictionary = OrderMessageCodec.dictionary(OrderMessageCodec.CURRENT_DICTIONARY);

        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dictionary)))
                .isEqualTo("a99adc11317c61fec3c6e5832593e5c7ccbb3b9004b805ab6e647dd4ea146ac2");
        assertThat(Zstd.getDictIdFromDict(dictionary)).isEqualTo(OrderMessageCodec.CURRENT_DICTIONARY);
    }

    private static List<Path> requests() throws IOException {
        try (Stream<Path> files = Files.list(ORDERS)) {
            return files.filter(path -> path.getFileName().toString().endsWith("-req.json")).sorted().toList();
        }
    }
}
