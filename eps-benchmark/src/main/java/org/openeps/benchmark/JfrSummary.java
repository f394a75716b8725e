package org.openeps.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot methods of a JFR recording, read with the JDK's own parser: from the execution samples
 * ({@code jdk.ExecutionSample}), the methods most often on top of the stack (self time) and, separately, the
 * service's own methods ({@code org.openeps}) most often anywhere on it (total time), each as a share of all samples.
 */
final class JfrSummary {

    /** A method and its share of the samples; {@code self} true for top-of-stack counts. */
    record Hot(String method, long samples, double percent, boolean self) {
    }

    private JfrSummary() {
    }

    static List<Hot> hotMethods(Path recording, int top) {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String name = name(frame);
                    if (name.startsWith("org.openeps.") && !name.contains("$$Lambda") && seen.add(name)) {
                        total.merge(name, 1L, Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            return List.of(new Hot("(recording unreadable: " + e.getMessage() + ")", 0, 0, true));
        }
        List<Hot> hot = new ArrayList<>();
        long all = Math.max(1, samples);
        self.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> hot.add(new Hot(e.getKey(), e.getValue(), 100.0 * e.getValue() / all, true)));
        total.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> hot.add(new Hot(e.getKey(), e.getValue(), 100.0 * e.getValue() / all, false)));
        hot.sort(Comparator.comparing(Hot::self).reversed());
        return hot;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
