package org.openeps.adapters.persistence.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openeps.application.directory.DirectoryFile;
import org.openeps.domain.directory.Country;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.directory.OrganisationKind;
import org.openeps.domain.directory.Postcode;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/**
 * The directory file format (docs/directory-csv.md): RFC 4180 CSV in UTF-8, a header row naming the nine columns
 * {@code ods,name,kind,address,postcode,telephone,website,country,status} in that order, then one row per
 * organisation. Address lines are separated by {@code |}; telephone and website may be empty; status is {@code open}
 * or {@code closed}. Blank lines are skipped, a leading byte order mark ignored.
 *
 * <p>The whole file is checked before anything is returned: every malformed row is reported with its line number in
 * one {@link EpsException} ({@link ErrorCode#INVALID_VALUE}, {@code "line 4: ...; line 9: ..."}), so a file is loaded
 * whole or not at all.
 */
public final class DirectoryCsv implements DirectoryFile {

    /** The header row, column by column. */
    public static final List<String> COLUMNS = List.of("ods", "name", "kind", "address", "postcode", "telephone",
            "website", "country", "status");
    /** The sample directory shipped with the service, on the class path. */
    public static final String SAMPLE = "/directory/organisations.csv";

    private static final int MAX_REPORTED = 20;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    @Override
    public List<Organisation> read(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<Organisation> organisations = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<OdsCode, Long> lineOf = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            long line = 1;
            try {
                if (!records.hasNext()) {
                    throw new EpsException(ErrorCode.INVALID_VALUE, "line 1: the header row is missing; expected "
                            + String.join(",", COLUMNS));
                }
                CSVRecord header = records.next();
                line = startLine(parser, header);
                List<String> names = header.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
                EpsException.require(names.equals(COLUMNS), ErrorCode.INVALID_VALUE, "line " + line
                        + ": the header row must be " + String.join(",", COLUMNS) + ", not " + String.join(",", header));
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    line = startLine(parser, record);
                    try {
                        Organisation organisation = organisation(record);
                        Long first = lineOf.putIfAbsent(organisation.ods(), line);
                        EpsException.require(first == null, ErrorCode.INVALID_VALUE,
                                "ODS code " + organisation.ods() + " is already on line " + first);
                        organisations.add(organisation);
                    } catch (EpsException e) {
                        errors.add("line " + line + ": " + e.getMessage());
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // the CSV itself is broken (a quote never closed): nothing after it can be read
                errors.add("line " + Math.max(line, parser.getCurrentLineNumber()) + ": not valid CSV ("
                        + rootMessage(e) + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            String reported = String.join("; ", errors.subList(0, Math.min(errors.size(), MAX_REPORTED)));
            throw new EpsException(ErrorCode.INVALID_VALUE, "The directory file has " + errors.size()
                    + " malformed row" + (errors.size() == 1 ? "" : "s") + " and was not loaded: " + reported
                    + (errors.size() > MAX_REPORTED ? "; ..." : ""));
        }
        EpsException.require(!organisations.isEmpty(), ErrorCode.INVALID_VALUE,
                "The directory file holds no organisation and was not loaded");
        return List.copyOf(organisations);
    }

    /** The sample directory shipped with the service. */
    public static String sample() {
        try (InputStream in = DirectoryCsv.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Organisation organisation(CSVRecord record) {
        EpsException.require(record.size() == COLUMNS.size(), ErrorCode.INVALID_VALUE,
                "expected " + COLUMNS.size() + " columns, found " + record.size());
        OdsCode ods = OdsCode.parse(record.get(0));
        try {
            return new Organisation(ods, record.get(1), OrganisationKind.fromCode(required(record, 2)),
                    Arrays.asList(record.get(3).split("\\|", -1)), Postcode.parse(record.get(4)),
                    optional(record.get(5)), optional(record.get(6)), Country.fromCode(required(record, 7)),
                    open(record.get(8)));
        } catch (EpsException e) {
            throw e.getMessage().contains(ods.value()) ? e
                    : new EpsException(e.code(), ods + ": " + e.getMessage());
        }
    }

    private static String required(CSVRecord record, int column) {
        String value = record.get(column);
        EpsException.require(!value.isBlank(), ErrorCode.MISSING_VALUE, COLUMNS.get(column) + " is missing");
        return value;
    }

    private static Optional<String> optional(String value) {
        return Optional.of(value).filter(text -> !text.isBlank());
    }

    private static boolean open(String status) {
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> true;
            case "closed" -> false;
            default -> throw new EpsException(ErrorCode.INVALID_VALUE,
                    "status must be open or closed, not '" + status + "'");
        };
    }

    /** The line a record starts on: the parser has read to its last line, and quoted values may hold line breaks. */
    private static long startLine(CSVParser parser, CSVRecord record) {
        long breaks = record.stream().mapToLong(value -> value.chars().filter(c -> c == '\n').count()).sum();
        return parser.getCurrentLineNumber() - breaks;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
