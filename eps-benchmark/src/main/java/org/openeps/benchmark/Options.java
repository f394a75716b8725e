package org.openeps.benchmark;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's settings: {@code --name value} (or {@code --name=value}) on the command line, each with a default
 * small enough for a smoke run. {@code --help} lists them.
 */
final class Options {

    private static final Map<String, String[]> DEFAULTS = new LinkedHashMap<>();

    static {
        define("url", "", "a service already running (e.g. http://127.0.0.1:8080) instead of starting one; it must serve "
                + "/dev/token, and then the preload, JFR and memory figures need --database and --service-pid");
        define("service-pid", "", "with --url: the service's process ID, for memory figures and JFR");
        define("service-jar", "eps-app/target/openeps.jar", "the service jar started for the run");
        define("service-java-opts", "-Xms256m", "JVM options for the service (e.g. -Xmx512m)");
        define("port", "18180", "port of the service started for the run");
        define("pool-size", "10", "EPS_DATABASE_POOL_SIZE of the service, and pgbench's client count");
        define("pg-host", "127.0.0.1", "PostgreSQL host");
        define("pg-port", "5432", "PostgreSQL port");
        define("pg-user", "postgres", "PostgreSQL user (trust or PGPASSWORD)");
        define("database", "eps_bench", "database created for the service (dropped and created again at start)");
        define("pgbench-database", "pgbench_bench", "database created for pgbench");
        define("keep-databases", "false", "keep both databases at the end");
        define("reuse-database", "false", "use --database as it is (made if missing) instead of a fresh one, and keep "
                + "it: a database preloaded by an earlier run (with --keep-databases or this) is topped up, not "
                + "loaded again, and the migrations of a newer service are applied to it at start");
        define("sizes", "0", "stored prescriptions at each stage, comma separated, e.g. 1000000,10000000: the preload "
                + "tops the database up to each size, then the load runs");
        define("duration", "60", "seconds of measured load per stage");
        define("warmup", "10", "seconds of unmeasured load before each stage");
        define("ramp", "0.5", "share of the warm-up over which every rate rises from nothing to its full value");
        define("rate", "30", "target lifecycle messages per second (create, release, dispense notification, claim)");
        define("task-search-rate", "4", "Task searches per second (half by prescription ID, half by NHS number)");
        define("tracker-rate", "4", "clinical tracker look-ups per second (list by ID, list by NHS number, details)");
        define("patient-rate", "2", "patient views per second");
        define("status-updates", "true", "two pharmacy status updates per item (POST /prescription-status-update/)");
        define("gp-practices", "100", "GP practices");
        define("trusts", "10", "hospital trusts");
        define("pharmacies", "50", "pharmacies (each polls for its nominated prescriptions)");
        define("online-share", "0.05", "share of pharmacies that are online (distance selling)");
        define("patients", "100000", "patients");
        define("nominated-share", "0.85", "share of patients with a nominated pharmacy");
        define("repeat-share", "0.15", "share of GP prescriptions that are repeat prescribing");
        define("erd-share", "0.10", "share of GP prescriptions that are repeat dispensing (eRD)");
        define("trust-share", "0.10", "share of prescriptions from hospital trusts (acute)");
        define("partial-share", "0.10", "share dispensed in two notifications (partial and owing, then complete)");
        define("think-min-ms", "200", "least pause between two steps of one prescription");
        define("think-max-ms", "2000", "greatest pause between two steps of one prescription");
        define("release-poll-seconds", "5", "how often each pharmacy asks for its nominated prescriptions");
        define("interval", "5", "seconds per point of the latency and throughput plots");
        define("max-in-flight", "2000", "requests in flight at most (beyond it requests wait, and their wait counts)");
        define("pgbench", "true", "run pgbench (TPC-B-like) for the same duration and client count");
        define("pgbench-scale", "10", "pgbench scale factor (10 = 1 million accounts); keep it at least the client count, or the branch rows' locks dominate");
        define("jfr", "true", "record the service with JFR during each stage and name its hot methods");
        define("preload-batch", "5000", "prescriptions per COPY batch of the preload");
        define("preload-threads", "2", "threads (and database connections) writing the preload");
        define("examples", "examples/eps-fhir-examples", "the published example messages used as templates");
        define("out", "", "report folder (default benchmark-results/<date-time>)");
        define("seed", "42", "seed of everything random: the same seed gives the same population and preload");
    }

    private static void define(String name, String value, String help) {
        DEFAULTS.put(name, new String[] {value, help});
    }

    private final Map<String, String> values = new LinkedHashMap<>();

    Options(String... args) {
        DEFAULTS.forEach((name, value) -> values.put(name, value[0]));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + arg + " (see --help)");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + " (see --help)");
            }
            values.put(name, value);
        }
        if (string("out").isEmpty()) {
            values.put("out", "benchmark-results/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
    }

    static String help() {
        StringBuilder text = new StringBuilder("Usage: bin/benchmark [--option value ...]\n\n");
        DEFAULTS.forEach((name, value) -> text.append(String.format("  --%-22s %s (default: %s)%n", name, value[1],
                value[0].isEmpty() ? "none" : value[0])));
        return text.toString();
    }

    String string(String name) {
        return values.get(name);
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name).replace("_", ""));
    }

    double decimal(String name) {
        return Double.parseDouble(values.get(name));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    Path path(String name) {
        return Path.of(values.get(name));
    }

    List<Long> sizes() {
        List<Long> sizes = new ArrayList<>();
        Arrays.stream(values.get("sizes").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> sizes.add(Long.parseLong(s.replace("_", ""))));
        return sizes;
    }

    /** Every setting as used, for the report. */
    Map<String, String> all() {
        return new LinkedHashMap<>(values);
    }
}
