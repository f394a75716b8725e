package org.openeps.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the run ran on, for the report: CPU, cores, memory, operating system, JDK and PostgreSQL. */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe(Postgres postgres) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")));
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("memory", firstLine(Path.of("/proc/meminfo"), "MemTotal")
                .map(line -> String.format("%.1f GiB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .orElse("?"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        try {
            machine.put("postgresql", postgres.version());
            machine.put("postgresql shared_buffers", postgres.setting("shared_buffers"));
            machine.put("postgresql max_wal_size, checkpoint_timeout", postgres.setting("max_wal_size") + ", "
                    + postgres.setting("checkpoint_timeout"));
        } catch (Exception e) {
            machine.put("postgresql", "unreachable: " + e.getMessage());
        }
        return machine;
    }

    private static java.util.Optional<String> firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
