package org.openeps.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile read from a JFR recording: samples by library, self and total time. */
class JfrSummaryTest {

    @Test
    void a_sample_counts_for_the_library_of_its_topmost_frame_outside_the_jdk() {
        assertThat(JfrSummary.library(List.of("java.lang.String", "tools.jackson.core.json.UTF8StreamJsonParser",
                "org.openeps.adapters.http.FhirJson"))).isEqualTo("Jackson");
        assertThat(JfrSummary.library(List.of("jdk.internal.misc.Unsafe", "sun.nio.ch.SocketDispatcher",
                "org.eclipse.jetty.io.SocketChannelEndPoint"))).isEqualTo("Jetty");
        assertThat(JfrSummary.library(List.of("org.openeps.domain.shared.NhsNumber", "org.postgresql.jdbc.PgStatement")))
                .isEqualTo("OpenEPS");
        assertThat(JfrSummary.library(List.of("com.example.Unknown", "org.openeps.Main"))).isEqualTo("com.example");
        assertThat(JfrSummary.library(List.of("java.lang.Thread", "jdk.internal.misc.VM"))).isEqualTo("JDK");
    }

    @Test
    void a_recording_of_busy_openeps_code_shows_openeps_as_the_library_and_the_busy_method(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long until = System.nanoTime() + Duration.ofMillis(800).toNanos();
            long sink = 0;
            while (System.nanoTime() < until) {
                sink += busy(sink);
            }
            recording.stop();
            recording.dump(file);
            assertThat(sink).isNotZero();
        }

        JfrSummary.Profile profile = JfrSummary.profile(file, 5);

        assertThat(profile.libraries()).isNotEmpty();
        assertThat(profile.libraries().getFirst().name()).isEqualTo("OpenEPS");
        assertThat(profile.libraries().stream().mapToDouble(JfrSummary.Hot::percent).sum()).isCloseTo(100.0,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(profile.openEpsTotal()).extracting(JfrSummary.Hot::name)
                .contains(JfrSummaryTest.class.getName() + ".busy");
        assertThat(profile.self()).hasSizeLessThanOrEqualTo(5).isNotEmpty();
    }

    private static long busy(long seed) {
        long x = seed | 1;
        for (int i = 0; i < 100_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x == 0 ? 1 : x;
    }
}
