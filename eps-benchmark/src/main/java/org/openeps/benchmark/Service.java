package org.openeps.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The service under test: started from its jar on the benchmark's database with development tokens and the
 * benchmark's directory, or one already running. Its memory is read from {@code /proc} (resident set) and
 * {@code jcmd GC.heap_info} (heap used and committed) every few seconds, and JFR recordings are started and dumped
 * through {@code jcmd}.
 */
final class Service implements AutoCloseable {

    /** One reading of the service's memory, in MiB; heap values are -1 when jcmd could not be asked. */
    record Memory(double seconds, double rssMiB, double heapUsedMiB, double heapCommittedMiB) {
    }

    private final Process process;
    private final long pid;
    private final URI url;
    private final Path jcmd;
    private final List<Memory> memory = new ArrayList<>();
    private ScheduledExecutorService sampler;
    private long sampleStart;

    private Service(Process process, long pid, URI url) {
        this.process = process;
        this.pid = pid;
        this.url = url;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /** Starts the jar and waits for {@code /_status} to answer 200. */
    static Service start(Path jar, String javaOptions, int port, String jdbcUrl, String user, int poolSize,
                         Path directoryCsv, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No service jar at " + jar.toAbsolutePath()
                    + ": build it with mvn -DskipTests package -pl eps-app -am");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : javaOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("EPS_PORT", String.valueOf(port));
        env.put("EPS_DATABASE_URL", jdbcUrl);
        env.put("EPS_DATABASE_USER", user);
        env.put("EPS_DATABASE_POOL_SIZE", String.valueOf(poolSize));
        env.put("EPS_DEV_TOKENS", "true");
        env.put("EPS_DIRECTORY_CSV", directoryCsv.toAbsolutePath().toString());
        // the benchmark's callers are a few hundred pharmacies and practices, all through the demo systems
        env.put("EPS_RATE_LIMIT_PER_MINUTE", "100000000");
        Process process = builder.start();
        URI url = URI.create("http://127.0.0.1:" + port);
        Service service = new Service(process, process.pid(), url);
        Http probe = new Http(url);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped at start; see " + log.toAbsolutePath());
            }
            if (probe.send(java.net.http.HttpRequest.newBuilder(url.resolve("/_status"))).status() == 200) {
                return service;
            }
            Thread.sleep(250);
        }
        process.destroy();
        throw new IllegalStateException("The service did not answer /_status within 3 minutes; see " + log.toAbsolutePath());
    }

    /** A service someone else started: memory and JFR only when its process ID is known. */
    static Service running(URI url, long pid) {
        return new Service(null, pid, url);
    }

    URI url() {
        return url;
    }

    long pid() {
        return pid;
    }

    void startSampling() {
        memory.clear();
        sampleStart = System.nanoTime();
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(this::sampleMemory, 0, 5, TimeUnit.SECONDS);
    }

    List<Memory> stopSampling() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
        sampleMemory();
        return List.copyOf(memory);
    }

    private void sampleMemory() {
        if (pid <= 0) {
            return;
        }
        double seconds = (System.nanoTime() - sampleStart) / 1e9;
        double rss = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone, or this is not Linux
        }
        double used = -1;
        double committed = -1;
        String heap = jcmd("GC.heap_info");
        // G1: "garbage-first heap   total reserved 16777216K, committed 262144K, used 123456K"
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("committed (\\d+)K, used (\\d+)K").matcher(heap);
        if (m.find()) {
            committed = Long.parseLong(m.group(1)) / 1024.0;
            used = Long.parseLong(m.group(2)) / 1024.0;
        }
        synchronized (memory) {
            memory.add(new Memory(seconds, rss, used, committed));
        }
    }

    /** Runs {@code jcmd <pid> <command...>} and answers its output ("" when it could not). */
    String jcmd(String... command) {
        if (pid <= 0) {
            return "";
        }
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * Starts a JFR recording with the low-overhead {@code default} settings, execution samples every 10 ms for the hot
     * methods, and Jdbi's statement events off: Jdbi renders every statement's bound values into each event, which
     * costs the service as much as a real cost would, and would put patients' details into the recording.
     */
    void startRecording(String name, Path folder) throws IOException {
        Path settings = folder.resolve("benchmark.jfc");
        Files.writeString(settings, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="OpenEPS benchmark">
                  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
                  <event name="jdbi.statement"><setting name="enabled">false</setting></event>
                </configuration>
                """);
        jcmd("JFR.start", "name=" + name, "settings=default", "settings=" + settings.toAbsolutePath());
    }

    Path stopRecording(String name, Path file) {
        jcmd("JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
        return file;
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
