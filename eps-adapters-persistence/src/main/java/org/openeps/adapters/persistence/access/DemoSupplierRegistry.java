package org.openeps.adapters.persistence.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openeps.domain.access.Feature;
import org.openeps.domain.access.SupplierSystem;
import org.openeps.domain.shared.EpsException;

/**
 * The demo registry shipped with the service, which the client IDs in the README use: RFC 4180 CSV in UTF-8, a header
 * row naming the six columns {@code client_id,supplier,product,version,features,status} in that order, then one row
 * per system; features are {@link Feature} names separated by spaces, status a {@link SupplierSystem.Status} name.
 * Blank lines are skipped.
 *
 * <p>The file is part of the build, so a malformed one is a defect: an {@link IllegalStateException} naming the file
 * and the line.
 */
public final class DemoSupplierRegistry {

    /** The demo registry on the class path. */
    public static final String RESOURCE = "/access/demo-supplier-systems.csv";
    /** The header row, column by column. */
    public static final List<String> COLUMNS = List.of("client_id", "supplier", "product", "version", "features",
            "status");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private DemoSupplierRegistry() {
    }

    /** The demo registry's systems, in the file's order. */
    public static List<SupplierSystem> systems() {
        try (InputStream in = DemoSupplierRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The systems a file in the demo registry's format holds. */
    static List<SupplierSystem> read(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<Row> rows = rows(text);
        if (rows.isEmpty()) {
            throw malformed(1, "the header row is missing");
        }
        Row header = rows.getFirst();
        if (!header.values().equals(COLUMNS)) {
            throw malformed(header.line(), "the header row must be " + String.join(",", COLUMNS) + ", not "
                    + String.join(",", header.values()));
        }
        List<SupplierSystem> systems = new ArrayList<>();
        Map<String, Long> lineOf = new HashMap<>();
        for (Row row : rows.subList(1, rows.size())) {
            SupplierSystem system = system(row);
            Long first = lineOf.putIfAbsent(system.clientId(), row.line());
            if (first != null) {
                throw malformed(row.line(), "client ID " + system.clientId() + " is already on line " + first);
            }
            systems.add(system);
        }
        if (systems.isEmpty()) {
            throw malformed(header.line(), "no supplier system follows the header row");
        }
        return List.copyOf(systems);
    }

    /** The file's records with the lines they start on, or the line where the CSV itself breaks. */
    private static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord record : parser) {
                rows.add(new Row(startLine(text, record), record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // a quote never closed: the record that breaks starts on the first line with text after the last one read
            long line = rows.isEmpty() ? 1 : nextLineWithText(text, rows.getLast());
            throw malformed(line, "not valid CSV (" + rootMessage(e) + ")");
        }
        return rows;
    }

    /** The line a record starts on: its character position is where the blank lines skipped before it begin. */
    private static long startLine(String text, CSVRecord record) {
        int start = (int) record.getCharacterPosition();
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        return 1 + text.substring(0, start).chars().filter(c -> c == '\n').count();
    }

    private static long nextLineWithText(String text, Row last) {
        List<String> lines = text.lines().toList();
        long breaks = last.values().stream().mapToLong(value -> value.chars().filter(c -> c == '\n').count()).sum();
        int next = (int) (last.line() + breaks);
        while (next < lines.size() && lines.get(next).isBlank()) {
            next++;
        }
        return next + 1;
    }

    private static SupplierSystem system(Row row) {
        List<String> values = row.values();
        if (values.size() != COLUMNS.size()) {
            throw malformed(row.line(), "expected " + COLUMNS.size() + " columns, found " + values.size());
        }
        try {
            return new SupplierSystem(values.get(0), values.get(1), values.get(2), values.get(3),
                    features(values.get(4), row.line()), status(values.get(5), row.line()));
        } catch (EpsException e) {
            throw malformed(row.line(), e.getMessage());
        }
    }

    private static Set<Feature> features(String names, long line) {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        for (String name : names.isBlank() ? new String[0] : names.strip().split("\\s+")) {
            features.add(Arrays.stream(Feature.values()).filter(feature -> feature.name().equals(name)).findFirst()
                    .orElseThrow(() -> malformed(line, "unknown feature '" + name + "'; features are "
                            + Arrays.toString(Feature.values()))));
        }
        return features;
    }

    private static SupplierSystem.Status status(String name, long line) {
        return Arrays.stream(SupplierSystem.Status.values()).filter(status -> status.name().equals(name)).findFirst()
                .orElseThrow(() -> malformed(line, "unknown status '" + name + "'; statuses are "
                        + Arrays.toString(SupplierSystem.Status.values())));
    }

    private static IllegalStateException malformed(long line, String problem) {
        return new IllegalStateException(RESOURCE + " line " + line + ": " + problem);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** A record's values and the line it starts on. */
    private record Row(long line, List<String> values) {
    }
}
