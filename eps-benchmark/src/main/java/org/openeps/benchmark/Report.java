package org.openeps.benchmark;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report of a run: {@code index.html} (settings, machine, and per stage the table of operations, lifecycle
 * messages per second against pgbench, CPU, database size, memory, CPU by library and hot methods, errors, and the
 * plots), the plots as PNG (XChart), {@code summary.md} (the tables in Markdown, for docs/benchmarks.md), and per
 * stage a CSV of every interval of every operation.
 */
final class Report {

    private Report() {
    }

    // ---------------------------------------------------------------- figures

    /** Lifecycle messages answered without error, per second: the throughput the targets speak of. */
    static double lifecycleRate(Main.Stage stage) {
        return lifecycleAnswered(stage) / Math.max(1e-9, stage.seconds());
    }

    private static long lifecycleAnswered(Main.Stage stage) {
        return lifecycleRequests(stage) - lifecycleErrors(stage);
    }

    private static long lifecycleRequests(Main.Stage stage) {
        return stage.ops().values().stream().filter(op -> op.lifecycle).mapToLong(Metrics.Op::count).sum();
    }

    /** Every lifecycle answer per second, errors included. */
    private static double lifecycleRequestRate(Main.Stage stage) {
        return lifecycleRequests(stage) / Math.max(1e-9, stage.seconds());
    }

    static long lifecycleErrors(Main.Stage stage) {
        return stage.ops().values().stream().filter(op -> op.lifecycle).mapToLong(op -> op.errors.get()).sum();
    }

    static Histogram lifecycleHistogram(Main.Stage stage) {
        Histogram all = new Histogram(120_000_000L, 3);
        stage.ops().values().stream().filter(op -> op.lifecycle).forEach(op -> all.add(op.total));
        return all;
    }

    static double maxOf(List<Service.Memory> memory, java.util.function.ToDoubleFunction<Service.Memory> field) {
        return memory.stream().mapToDouble(field).max().orElse(-1);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024.0);
    }

    private static String perMillion(Main.Stage stage) {
        if (stage.storedAtEnd() < 1000) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,.0f MiB", stage.databaseBytes() / 1024.0 / 1024.0 / (stage.storedAtEnd() / 1e6));
    }

    private static List<String[]> opRows(Main.Stage stage) {
        List<String[]> rows = new ArrayList<>();
        for (Metrics.Op op : stage.ops().values()) {
            if (op.count() == 0) {
                continue;
            }
            Histogram h = op.total;
            rows.add(new String[] {op.name + (op.lifecycle ? " *" : ""), String.format(Locale.ROOT, "%,d", op.count()),
                    String.format(Locale.ROOT, "%.1f", op.count() / stage.seconds()),
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)),
                    ms(h.getMaxValue()), String.valueOf(op.errors.get())});
        }
        Histogram all = lifecycleHistogram(stage);
        if (all.getTotalCount() > 0) {
            rows.add(new String[] {"all lifecycle messages *", String.format(Locale.ROOT, "%,d", all.getTotalCount()),
                    String.format(Locale.ROOT, "%.1f", lifecycleRequestRate(stage)), ms(all.getValueAtPercentile(50)),
                    ms(all.getValueAtPercentile(95)), ms(all.getValueAtPercentile(99)), ms(all.getMaxValue()),
                    String.valueOf(lifecycleErrors(stage))});
        }
        return rows;
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static final String[] HEADER = {"operation", "requests", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"};

    private static Map<String, String> figures(Main.Stage stage, PgBench.Result pgbench) {
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        figures.put("prescriptions stored at the start of the stage", String.format(Locale.ROOT, "%,d", stage.stored()));
        figures.put("measured", String.format(Locale.ROOT, "%.0f s", stage.seconds()));
        figures.put("lifecycle messages per second (answered without error)", String.format(Locale.ROOT, "%.1f",
                lifecycleRate(stage)));
        figures.put("lifecycle requests per second (every answer, errors included)", String.format(Locale.ROOT, "%.1f",
                lifecycleRequestRate(stage)));
        figures.put("lifecycle errors", String.valueOf(lifecycleErrors(stage)));
        stage.cpu().ifPresent(cpu -> {
            int cores = Runtime.getRuntime().availableProcessors();
            figures.put("machine CPU busy (measured part)", String.format(Locale.ROOT,
                    "%.0f%% of %d cores: service %.0f%%, PostgreSQL and the rest %.0f%%, load driver %.0f%%",
                    cpu.machinePercent(), cores, cpu.servicePercent(), cpu.restPercent(), cpu.driverPercent()));
            long answered = lifecycleAnswered(stage);
            if (answered > 0) {
                double busy = cpu.cpuSeconds(cpu.machinePercent() - cpu.driverPercent(), cores);
                figures.put("CPU per lifecycle message answered (service and PostgreSQL, all traffic included)",
                        String.format(Locale.ROOT, "%.2f ms (service %.2f ms)", 1000 * busy / answered,
                                1000 * cpu.cpuSeconds(cpu.servicePercent(), cores) / answered));
            }
        });
        if (pgbench != null) {
            figures.put("pgbench TPS (TPC-B-like)", String.format(Locale.ROOT, "%.0f", pgbench.tps()));
            figures.put("lifecycle messages/s per pgbench TPS", String.format(Locale.ROOT, "%.3f", lifecycleRate(stage) / pgbench.tps()));
        }
        stage.checkpoints().ifPresent(checkpoints -> figures.put("PostgreSQL checkpoints (measured part)",
                String.format(Locale.ROOT, "%d: %d on schedule, %d asked for (WAL volume past max_wal_size, mostly)",
                        checkpoints.timed() + checkpoints.requested(), checkpoints.timed(), checkpoints.requested())));
        figures.put("prescriptions stored at the end of the stage", String.format(Locale.ROOT, "%,d", stage.storedAtEnd()));
        figures.put("database size (end of stage)", mib(stage.databaseBytes()));
        figures.put("database size per million stored prescriptions", perMillion(stage));
        if (stage.preloadSeconds() > 0) {
            figures.put("preload", String.format(Locale.ROOT, "%.0f s", stage.preloadSeconds()));
        }
        figures.put("service heap used, max", String.format(Locale.ROOT, "%.0f MiB", maxOf(stage.memory(), Service.Memory::heapUsedMiB)));
        figures.put("service heap committed, max", String.format(Locale.ROOT, "%.0f MiB", maxOf(stage.memory(), Service.Memory::heapCommittedMiB)));
        figures.put("service RSS, max", String.format(Locale.ROOT, "%.0f MiB", maxOf(stage.memory(), Service.Memory::rssMiB)));
        figures.putAll(stage.notes());
        return figures;
    }

    // ---------------------------------------------------------------- the console

    static void printStage(PrintStream out, int number, Main.Stage stage, PgBench.Result pgbench) {
        out.printf("%n== stage %d ==%n", number);
        out.printf("%-34s %10s %8s %8s %8s %8s %9s %7s%n", (Object[]) HEADER);
        for (String[] row : opRows(stage)) {
            out.printf("%-34s %10s %8s %8s %8s %8s %9s %7s%n", (Object[]) row);
        }
        out.println("(* lifecycle message; per s counts every answer, errors included; latency from when each request was due)");
        figures(stage, pgbench).forEach((k, v) -> out.printf("  %s: %s%n", k, v));
        errors(stage).forEach(line -> out.println("  error " + line));
        if (!stage.profile().isEmpty()) {
            out.println("  CPU samples by library (topmost frame outside the JDK):");
            stage.profile().libraries().forEach(h -> out.printf("    %5.1f%%  %s%n", h.percent(), h.name()));
            out.println("  hot methods (self, % of samples):");
            stage.profile().self().stream().limit(10)
                    .forEach(h -> out.printf("    %5.1f%%  %s%n", h.percent(), h.name()));
        }
    }

    private static List<String[]> rows(List<JfrSummary.Hot> hot) {
        return hot.stream().map(h -> new String[] {h.name(), String.valueOf(h.samples()),
                String.format(Locale.ROOT, "%.1f", h.percent())}).toList();
    }

    private static List<String> errors(Main.Stage stage) {
        List<String> lines = new ArrayList<>();
        for (Metrics.Op op : stage.ops().values()) {
            op.errorKinds.forEach((kind, count) -> lines.add(op.name + ": " + kind + " x" + count.get()
                    + " e.g. " + op.errorSamples.getOrDefault(kind, "").replaceAll("\\s+", " ")));
        }
        return lines;
    }

    // ---------------------------------------------------------------- the files

    static void write(Path dir, Map<String, String> machine, Map<String, String> settings, PgBench.Result pgbench,
                      List<Main.Stage> stages) throws IOException {
        StringBuilder html = new StringBuilder();
        StringBuilder md = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>OpenEPS benchmark</title>")
                .append("<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}img{max-width:100%;border:1px solid #eee;margin:4px 0}")
                .append("pre{background:#f6f6f6;padding:8px;overflow:auto}</style></head><body>")
                .append("<h1>OpenEPS benchmark</h1>");
        md.append("# OpenEPS benchmark report\n\n");
        html.append("<h2>Machine</h2>").append(keyValues(machine));
        md.append("## Machine\n\n").append(mdKeyValues(machine));
        if (pgbench != null) {
            html.append("<h2>pgbench</h2><p>").append(String.format(Locale.ROOT, "%.0f TPS, latency average %.2f ms",
                    pgbench.tps(), pgbench.latencyMs())).append(" (<a href=\"pgbench.txt\">output</a>)</p>");
            md.append(String.format(Locale.ROOT, "pgbench: %.0f TPS, latency average %.2f ms%n%n", pgbench.tps(),
                    pgbench.latencyMs()));
        }
        int number = 0;
        for (Main.Stage stage : stages) {
            number++;
            String title = String.format(Locale.ROOT, "Stage %d: %,d prescriptions stored", number, stage.stored());
            html.append("<h2>").append(title).append("</h2>");
            md.append("## ").append(title).append("\n\n");
            html.append(keyValues(figures(stage, pgbench)));
            md.append(mdKeyValues(figures(stage, pgbench)));
            html.append(table(HEADER, opRows(stage)));
            md.append(mdTable(HEADER, opRows(stage))).append('\n');
            html.append("<p>* lifecycle message. Per s counts every answer, errors included. Latency is timed from when "
                    + "each request was due, so waiting in the driver counts.</p>");
            List<String> errors = errors(stage);
            if (!errors.isEmpty()) {
                html.append("<h3>Errors</h3><pre>");
                errors.forEach(line -> html.append(escape(line)).append('\n'));
                html.append("</pre>");
                md.append("Errors:\n\n```\n");
                errors.forEach(line -> md.append(line, 0, Math.min(line.length(), 300)).append('\n'));
                md.append("```\n\n");
            }
            for (String chart : charts(dir, number, stage)) {
                html.append("<img src=\"").append(chart).append("\" alt=\"").append(chart).append("\">");
            }
            if (!stage.profile().isEmpty()) {
                String[] methodHeader = {"method", "samples", "%"};
                String[] libraryHeader = {"library", "samples", "%"};
                List<String[]> libraryRows = rows(stage.profile().libraries());
                List<String[]> selfRows = rows(stage.profile().self());
                List<String[]> totalRows = rows(stage.profile().openEpsTotal());
                html.append("<h3>Where the service's CPU went (JFR execution samples)</h3>")
                        .append("<p>Recording: <a href=\"").append(stage.recording().getFileName()).append("\">")
                        .append(stage.recording().getFileName()).append("</a> (open with JDK Mission Control, or ")
                        .append("<code>jfr print --events jdk.ExecutionSample</code>)</p>");
                html.append("<h4>By library (each sample for the library of its topmost frame outside the JDK)</h4>")
                        .append(table(libraryHeader, libraryRows));
                html.append("<h4>Self (top of stack)</h4>").append(table(methodHeader, selfRows));
                html.append("<h4>OpenEPS methods, total (anywhere on the stack)</h4>").append(table(methodHeader, totalRows));
                md.append("CPU samples by library (topmost frame outside the JDK):\n\n").append(mdTable(libraryHeader, libraryRows))
                        .append("\nHot methods, self (JFR execution samples):\n\n")
                        .append(mdTable(methodHeader, selfRows.subList(0, Math.min(10, selfRows.size()))))
                        .append('\n');
                Files.writeString(dir.resolve("hot-methods-stage-" + number + ".txt"),
                        "By library:\n\n" + mdTable(libraryHeader, libraryRows)
                                + "\nSelf:\n\n" + mdTable(methodHeader, selfRows)
                                + "\nOpenEPS methods, total:\n\n" + mdTable(methodHeader, totalRows));
            }
            writeCsv(dir.resolve("timeseries-stage-" + number + ".csv"), stage);
            Map<String, String> tables = new java.util.LinkedHashMap<>();
            stage.tableBytes().forEach((table, bytes) -> tables.put(table, mib(bytes)));
            html.append("<h3>Tables (with indexes and TOAST)</h3>").append(keyValues(tables));
        }
        html.append("<h2>Settings</h2>").append(keyValues(settings)).append("</body></html>\n");
        md.append("## Settings\n\n").append(mdKeyValues(settings));
        Files.writeString(dir.resolve("index.html"), html);
        Files.writeString(dir.resolve("summary.md"), md);
    }

    private static List<String> charts(Path dir, int number, Main.Stage stage) throws IOException {
        List<String> files = new ArrayList<>();
        // throughput of every operation over time
        XYChart throughput = chart("Stage " + number + ": requests per second", "seconds", "requests/s");
        for (Metrics.Op op : stage.ops().values()) {
            if (op.count() > 0) {
                addSeries(throughput, op.name, op.points, p -> (double) p.count());
            }
        }
        files.add(save(dir, "stage-" + number + "-throughput", throughput));
        // p50, p95, p99 over time, per operation
        for (Metrics.Op op : stage.ops().values()) {
            if (op.count() == 0) {
                continue;
            }
            XYChart latency = chart("Stage " + number + ": " + op.name + " latency", "seconds", "ms");
            addSeries(latency, "p50", op.points, Metrics.Point::p50);
            addSeries(latency, "p95", op.points, Metrics.Point::p95);
            addSeries(latency, "p99", op.points, Metrics.Point::p99);
            if (op.errors.get() > 0) {
                addSeries(latency, "errors/s", op.points, p -> (double) p.errors());
            }
            files.add(save(dir, "stage-" + number + "-latency-" + op.name, latency));
        }
        if (!stage.memory().isEmpty()) {
            XYChart memory = chart("Stage " + number + ": service memory", "seconds (warm-up included)", "MiB");
            double[] x = stage.memory().stream().mapToDouble(Service.Memory::seconds).toArray();
            memory.addSeries("RSS", x, stage.memory().stream().mapToDouble(Service.Memory::rssMiB).toArray());
            memory.addSeries("heap used", x, stage.memory().stream().mapToDouble(Service.Memory::heapUsedMiB).toArray());
            memory.addSeries("heap committed", x, stage.memory().stream().mapToDouble(Service.Memory::heapCommittedMiB).toArray());
            files.add(save(dir, "stage-" + number + "-memory", memory));
        }
        return files;
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(1100).height(420).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    private static void addSeries(XYChart chart, String name, List<Metrics.Point> points,
                                  java.util.function.Function<Metrics.Point, Double> value) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Metrics.Point point : points) {
            Double v = value.apply(point);
            if (v != null && !v.isNaN()) {
                x.add(point.seconds());
                y.add(v);
            }
        }
        if (!x.isEmpty()) {
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
        }
    }

    private static String save(Path dir, String name, XYChart chart) throws IOException {
        String file = name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
        if (chart.getSeriesMap().isEmpty()) {
            return file;
        }
        BitmapEncoder.saveBitmap(chart, dir.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    private static void writeCsv(Path file, Main.Stage stage) throws IOException {
        StringBuilder csv = new StringBuilder("operation,seconds,count,errors,p50_ms,p95_ms,p99_ms,max_ms\n");
        for (Metrics.Op op : stage.ops().values()) {
            for (Metrics.Point p : op.points) {
                csv.append(String.format(Locale.ROOT, "%s,%.1f,%d,%d,%.3f,%.3f,%.3f,%.3f%n", op.name, p.seconds(),
                        p.count(), p.errors(), p.p50(), p.p95(), p.p99(), p.max()));
            }
        }
        Files.writeString(file, csv);
    }

    private static String keyValues(Map<String, String> values) {
        StringBuilder html = new StringBuilder("<table>");
        values.forEach((k, v) -> html.append("<tr><td>").append(escape(k)).append("</td><td>").append(escape(v))
                .append("</td></tr>"));
        return html.append("</table>").toString();
    }

    private static String table(String[] header, List<String[]> rows) {
        StringBuilder html = new StringBuilder("<table><tr>");
        for (String h : header) {
            html.append("<th>").append(escape(h)).append("</th>");
        }
        html.append("</tr>");
        for (String[] row : rows) {
            html.append("<tr>");
            for (String cell : row) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    private static String mdKeyValues(Map<String, String> values) {
        StringBuilder md = new StringBuilder("| | |\n|---|---|\n");
        values.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        return md.append('\n').toString();
    }

    private static String mdTable(String[] header, List<String[]> rows) {
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.length; i++) {
            md.append(i == 0 ? "---|" : "---:|");
        }
        md.append('\n');
        for (String[] row : rows) {
            md.append("| ").append(String.join(" | ", row).replace("$", "\\$")).append(" |\n");
        }
        return md.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
