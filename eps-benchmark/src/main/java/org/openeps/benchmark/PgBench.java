package org.openeps.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical limit: {@code pgbench}'s built-in TPC-B-like script (five statements a transaction: three updates, a
 * select and an insert) against its own database on the same server, with as many clients as the service has
 * database connections, for as long as the service's load runs.
 */
final class PgBench {

    /** What pgbench reported. */
    record Result(double tps, double latencyMs, String output) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private PgBench() {
    }

    static Result run(Postgres postgres, String database, int scale, int clients, int seconds, Path log)
            throws IOException, InterruptedException {
        StringBuilder output = new StringBuilder();
        output.append(exec(postgres, List.of("pgbench", "-i", "-q", "-s", String.valueOf(scale), database)));
        String run = exec(postgres, List.of("pgbench", "-c", String.valueOf(clients), "-j",
                String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
                String.valueOf(seconds), "-P", "10", database));
        output.append(run);
        Files.writeString(log, output);
        Matcher tps = TPS.matcher(run);
        Matcher latency = LATENCY.matcher(run);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps; see " + log.toAbsolutePath());
        }
        return new Result(Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN,
                run);
    }

    private static String exec(Postgres postgres, List<String> command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(command.subList(0, command.size() - 1));
        line.addAll(List.of("-h", postgres.host(), "-p", String.valueOf(postgres.port()), "-U", postgres.user()));
        line.add(command.get(command.size() - 1));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putIfAbsent("PGPASSWORD", "");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed (" + exit + "):\n" + out);
        }
        return String.join(" ", line) + "\n" + out + "\n";
    }
}
