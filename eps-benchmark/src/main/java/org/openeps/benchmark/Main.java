package org.openeps.benchmark;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bin/benchmark}: pgbench for the yardstick, then the service on a fresh database, then for each size the
 * preload, a warm-up and the measured load with JFR, then the report.
 */
public final class Main {

    /** What one stage measured. */
    record Stage(long stored, long storedAtEnd, Map<String, Metrics.Op> ops, double seconds, List<Service.Memory> memory,
                 long databaseBytes, Map<String, Long> tableBytes, double preloadSeconds, long preloadedNow,
                 Path recording, JfrSummary.Profile profile, Optional<Cpu.Use> cpu,
                 Optional<Postgres.Checkpoints> checkpoints, Map<String, String> notes) {
    }

    private Main() {
    }

    /** The server's checkpoint counters, or null when they cannot be read (the report then leaves them out). */
    private static Postgres.Checkpoints checkpointsOrNull(Postgres postgres) {
        try {
            return postgres.checkpoints();
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        if (List.of(args).contains("--help")) {
            out.print(Options.help());
            return;
        }
        Options options = new Options(args);
        Path report = options.path("out");
        Files.createDirectories(report);
        Postgres postgres = new Postgres(options.string("pg-host"), options.integer("pg-port"), options.string("pg-user"));
        long seed = options.integer("seed");
        Population population = new Population(seed, options.integer("gp-practices"), options.integer("trusts"),
                options.integer("pharmacies"), options.decimal("online-share"), options.integer("patients"),
                options.decimal("nominated-share"));
        Mix mix = new Mix(seed, population, options.decimal("trust-share"), options.decimal("repeat-share"),
                options.decimal("erd-share"));
        Messages messages = new Messages(options.path("examples"));
        String database = options.string("database");
        int clients = options.integer("pool-size");
        Map<String, String> machine = Machine.describe(postgres);
        out.println("OpenEPS benchmark -> " + report.toAbsolutePath());
        machine.forEach((k, v) -> out.println("  " + k + ": " + v));

        PgBench.Result pgbench = null;
        if (options.flag("pgbench")) {
            out.printf("pgbench: scale %d, %d clients, %d s ...%n", options.integer("pgbench-scale"), clients,
                    options.integer("duration"));
            postgres.recreate(options.string("pgbench-database"));
            try {
                pgbench = PgBench.run(postgres, options.string("pgbench-database"), options.integer("pgbench-scale"),
                        clients, options.integer("duration"), report.resolve("pgbench.txt"));
            } finally {
                if (!options.flag("keep-databases")) {
                    postgres.drop(options.string("pgbench-database"));
                }
            }
            out.printf("pgbench: %.0f tps, latency average %.2f ms%n", pgbench.tps(), pgbench.latencyMs());
        }

        List<Stage> stages = new ArrayList<>();
        boolean ownService = options.string("url").isEmpty();
        boolean reuse = options.flag("reuse-database");
        if (ownService && !reuse) {
            postgres.recreate(database);
        } else if (ownService) {
            postgres.createIfMissing(database);
        }
        Path directory = report.resolve("directory.csv");
        Files.writeString(directory, population.directoryCsv());
        try (Service service = ownService
                ? Service.start(options.path("service-jar"), options.string("service-java-opts"), options.integer("port"),
                        postgres.url(database), postgres.user(), clients, directory, report.resolve("service.log"))
                : Service.running(URI.create(options.string("url")),
                        options.string("service-pid").isEmpty() ? -1 : Long.parseLong(options.string("service-pid")))) {
            out.println("service: " + service.url() + " (pid " + service.pid() + ")");
            Http http = new Http(service.url());
            Preload preload = new Preload(postgres, database, mix, messages, population, options.integer("preload-batch"));
            preload.restoreState();
            boolean preloading = options.sizes().stream().anyMatch(size -> size > 0);
            if (preloading) {
                preload.calibrate(http);
            }
            List<Long> sizes = options.sizes().isEmpty() ? List.of(0L) : options.sizes();
            int stageNumber = 0;
            for (long size : sizes) {
                stageNumber++;
                long stored = preload.stored();
                double preloadSeconds = 0;
                if (size > stored) {
                    Disk.warnIfShort(postgres, database, size - stored, out);
                    out.printf("preload: %,d -> %,d prescriptions ...%n", stored, size);
                    long started = System.nanoTime();
                    preload.topUp(size, options.integer("preload-threads"), out);
                    preloadSeconds = (System.nanoTime() - started) / 1e9;
                    out.printf("preload: %,d prescriptions in %.0f s (%.0f/s)%n", size - stored, preloadSeconds,
                            (size - stored) / preloadSeconds);
                }
                long preloaded = preload.preloadedCount();
                Metrics metrics = new Metrics();
                Driver driver = new Driver(options, population, messages, mix, http, metrics, preloaded,
                        preload.nextStageSequence());
                long storedAtStart = preload.stored();
                out.printf("stage %d: %,d stored; tokens ...%n", stageNumber, storedAtStart);
                driver.prepareTokens();
                String recordingName = "bench-stage-" + stageNumber;
                boolean jfr = options.flag("jfr") && service.pid() > 0;
                out.printf("stage %d: warm-up %d s, then %d s at %s lifecycle messages/s (%.1f prescriptions/s) ...%n",
                        stageNumber, options.integer("warmup"), options.integer("duration"), options.string("rate"),
                        driver.prescriptionRate());
                service.startSampling();
                if (jfr) {
                    service.startRecording(recordingName, report);
                }
                Instant began = Instant.now();
                Cpu.Meter cpu = new Cpu.Meter(service.pid());
                AtomicReference<Postgres.Checkpoints> checkpointsAtStart = new AtomicReference<>();
                AtomicReference<Postgres.Checkpoints> checkpoints = new AtomicReference<>();
                driver.run(options.integer("warmup"), options.integer("duration"), () -> {
                    cpu.start();
                    checkpointsAtStart.set(checkpointsOrNull(postgres));
                }, () -> {
                    cpu.stop();
                    Postgres.Checkpoints end = checkpointsOrNull(postgres);
                    if (end != null && checkpointsAtStart.get() != null) {
                        checkpoints.set(end.since(checkpointsAtStart.get()));
                    }
                });
                List<Service.Memory> memory = service.stopSampling();
                Path recording = null;
                JfrSummary.Profile profile = JfrSummary.Profile.NONE;
                if (jfr) {
                    recording = service.stopRecording(recordingName, report.resolve("service-stage-" + stageNumber + ".jfr"));
                    profile = JfrSummary.profile(recording, 25);
                }
                Stage result = new Stage(storedAtStart, preload.stored(), metrics.ops(), metrics.elapsedSeconds(), memory,
                        postgres.databaseSize(database), postgres.tableSizes(database), preloadSeconds, preloaded,
                        recording, profile, cpu.use(), Optional.ofNullable(checkpoints.get()), driver.notes());
                stages.add(result);
                Report.printStage(out, stageNumber, result, pgbench);
                out.printf("stage %d took %d s%n", stageNumber, java.time.Duration.between(began, Instant.now()).toSeconds());
            }
        } finally {
            if (ownService && !reuse && !options.flag("keep-databases")) {
                postgres.drop(database);
            }
        }
        Map<String, String> settings = new LinkedHashMap<>(options.all());
        Report.write(report, machine, settings, pgbench, stages);
        out.println("report: " + report.resolve("index.html").toAbsolutePath());
    }
}
