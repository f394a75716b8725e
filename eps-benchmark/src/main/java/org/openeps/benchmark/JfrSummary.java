package org.openeps.benchmark;

import java.io.IOException;
import java.nio.file.Path;
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
 * Where a JFR recording says the service's CPU went, read with the JDK's own parser from the execution samples
 * ({@code jdk.ExecutionSample}): the methods most often on top of the stack (self time); the service's own methods
 * ({@code org.openeps}) most often anywhere on it (total time); and the share of each library, each sample counted
 * for the library of its topmost frame outside the JDK (so a {@code String.indexOf} called by Jackson counts for
 * Jackson; a sample with JDK frames only counts for the JDK). Every figure is a share of all samples.
 */
final class JfrSummary {

    /** A method or a library and its share of the samples. */
    record Hot(String name, long samples, double percent) {
    }

    /** What one recording shows; all lists most samples first. */
    record Profile(List<Hot> self, List<Hot> openEpsTotal, List<Hot> libraries) {

        static final Profile NONE = new Profile(List.of(), List.of(), List.of());

        boolean isEmpty() {
            return self.isEmpty();
        }
    }

    /** Package prefixes and the library they belong to, first match wins. */
    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("org.openeps.", "OpenEPS"),
            Map.entry("tools.jackson.", "Jackson"),
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("org.eclipse.jetty.", "Jetty"),
            Map.entry("io.javalin.", "Javalin"),
            Map.entry("org.postgresql.", "PostgreSQL JDBC driver"),
            Map.entry("org.jdbi.", "Jdbi"),
            Map.entry("com.zaxxer.hikari.", "HikariCP"),
            Map.entry("org.flywaydb.", "Flyway"),
            Map.entry("kotlin.", "Kotlin runtime (Javalin's)"),
            Map.entry("jakarta.servlet.", "Jakarta Servlet API"),
            Map.entry("com.nimbusds.", "Nimbus JOSE + JWT"),
            Map.entry("com.github.benmanes.caffeine.", "Caffeine"),
            Map.entry("io.github.bucket4j.", "Bucket4j"),
            Map.entry("com.github.luben.zstd.", "zstd-jni"),
            Map.entry("org.slf4j.", "logging"),
            Map.entry("ch.qos.logback.", "logging"));

    private JfrSummary() {
    }

    static Profile profile(Path recording, int top) {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
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
                libraries.merge(library(frames.stream().map(frame -> frame.getMethod().getType().getName()).toList()),
                        1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String name = name(frame);
                    if (name.startsWith("org.openeps.") && !name.contains("$$Lambda") && seen.add(name)) {
                        total.merge(name, 1L, Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            return new Profile(List.of(new Hot("(recording unreadable: " + e.getMessage() + ")", 0, 0)), List.of(), List.of());
        }
        long all = Math.max(1, samples);
        return new Profile(ranked(self, all, top), ranked(total, all, top), ranked(libraries, all, Integer.MAX_VALUE));
    }

    /** The library of the topmost type outside the JDK, given the types of a stack's frames from the top; "JDK" when every frame is the JDK's. */
    static String library(List<String> types) {
        for (String type : types) {
            if (isJdk(type)) {
                continue;
            }
            return LIBRARIES.stream().filter(entry -> type.startsWith(entry.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElseGet(() -> packageOf(type));
        }
        return "JDK";
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                || type.startsWith("sun.") || type.startsWith("com.sun.");
    }

    private static String packageOf(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    private static List<Hot> ranked(Map<String, Long> counts, long all, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> new Hot(e.getKey(), e.getValue(), 100.0 * e.getValue() / all))
                .toList();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
