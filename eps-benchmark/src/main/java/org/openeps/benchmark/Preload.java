package org.openeps.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.openeps.benchmark.Messages.Kind;
import org.openeps.benchmark.Messages.Prescription;
import org.openeps.benchmark.Population.Organisation;
import org.postgresql.PGConnection;
import org.openeps.adapters.persistence.prescription.OrderMessageCodec;
import org.postgresql.copy.CopyManager;

/**
 * The bulk preload: prescriptions written straight into the service's schema (after Flyway made it) with
 * {@code COPY}, never through the API, so that millions take minutes. Each preloaded prescription is
 * {@link Mix#prescription prescription n} of the mix, with its message as the driver would send it, and a life
 * already lived, consistent with the domain's rules: most claimed, some dispensed and not yet claimed, some with a
 * dispenser, some waiting to be released by ID, some cancelled, not dispensed or expired; eRD prescriptions with issue 1
 * claimed and issue 2 waiting for its download date. Issues, item statuses, dispense records and the tracker's history
 * are written as the service writes them; the replay records and the audit trail of those past messages are not.
 *
 * <p>The columns the service derives from a message (prescription type, prescriber's name, items' medication, days
 * supply, number of issues) are learnt from one prescription of each kind sent through the API first (calibration), so
 * the preload stores exactly what the service would have.
 */
final class Preload {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** What the service stored for a calibration prescription of a kind (4 items). */
    private record Calibration(String prescriptionType, String treatmentType, String prescriberName,
                               String prescriberRoleCode, String gender, Integer daysSupply, int issues,
                               List<String[]> items) {
    }

    /** Mix numbers from here are the stages' own prescriptions, each stage a range of its own; below, the preload. */
    private static final long STAGE_SEQUENCES = 1L << 40;
    private static final long STAGE_SEQUENCE_RANGE = 100_000_000L;
    /** Mix numbers of the calibration prescriptions, sent through the API once per database. */
    private static final long CALIBRATION_SEQUENCES = 1L << 39;

    private final Postgres postgres;
    private final String database;
    private final Mix mix;
    private final Messages messages;
    private final int batch;
    private final Population population;
    private final Map<Kind, Calibration> calibrations = new EnumMap<>(Kind.class);
    private long preloaded;

    Preload(Postgres postgres, String database, Mix mix, Messages messages, Population population, int batch) {
        this.postgres = postgres;
        this.database = database;
        this.mix = mix;
        this.messages = messages;
        this.population = population;
        this.batch = batch;
    }

    /**
     * Reads what earlier runs left in a reused database (the table {@code benchmark_state}, made after the service's
     * migrations): how many prescriptions of the mix are preloaded, and how many stages have run against it.
     */
    void restoreState() throws SQLException {
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table if not exists benchmark_state (
                        id int primary key check (id = 1), preloaded bigint not null, stages_run bigint not null)""");
            statement.execute("insert into benchmark_state values (1, 0, 0) on conflict (id) do nothing");
            try (ResultSet row = statement.executeQuery("select preloaded from benchmark_state")) {
                row.next();
                preloaded = row.getLong(1);
            }
        }
    }

    /**
     * The first mix number of a new stage's own prescriptions: far above any preload, and a new range for every stage
     * ever run against the database, so that no two runs send the same prescription ID.
     */
    long nextStageSequence() throws SQLException {
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "update benchmark_state set stages_run = stages_run + 1 returning stages_run")) {
            row.next();
            return STAGE_SEQUENCES + row.getLong(1) * STAGE_SEQUENCE_RANGE;
        }
    }

    long stored() throws SQLException {
        return postgres.count(database, "prescription");
    }

    /** Preloaded prescriptions are numbers 0 to this - 1 of the mix. */
    long preloadedCount() {
        return preloaded;
    }

    /**
     * Sends one four-item prescription of each kind through the API (unless a reused database has it already) and
     * keeps what the service stored of it.
     */
    void calibrate(Http http) throws SQLException {
        long n = CALIBRATION_SEQUENCES;
        for (Kind kind : Kind.values()) {
            Prescription p;
            do {
                p = mix.prescription(n++, Instant.now());
            } while (p.kind() != kind);
            // not nominated, so that no pharmacy of the run is handed it
            Prescription four = Messages.newPrescription(new SplittableRandom(n), kind, 4, p.patient(), p.prescriber(),
                    null, (int) n, Instant.now());
            try (Connection connection = postgres.connect(database)) {
                Calibration earlier = exists(connection, four.id()) ? read(connection, four.id()) : null;
                if (earlier != null) {
                    calibrations.put(kind, earlier);
                    continue;
                }
            }
            Organisation prescriber = four.prescriber();
            Http.Answer answer = http.post("/FHIR/R4/$process-message", messages.order(four, Messages.uuid(new SplittableRandom(n))),
                    "application/fhir+json", Http.user(prescriber.ods(), prescriber.sdsUserId(), prescriber.roleProfileId(),
                            "B0278", "demo-prescribing"));
            if (!answer.ok()) {
                throw new IllegalStateException("Calibration prescription refused: " + answer.status() + " " + answer.body());
            }
            try (Connection connection = postgres.connect(database)) {
                calibrations.put(kind, read(connection, four.id()));
            }
        }
    }

    private static boolean exists(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select 1 from prescription where id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Calibration read(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select prescription_type, treatment_type, prescriber_name, prescriber_role_code, patient_gender,
                       days_supply, number_of_issues from prescription where id = ?""")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                List<String[]> items = new ArrayList<>();
                try (PreparedStatement itemSelect = connection.prepareStatement("""
                        select medication_code, medication_display, quantity_value, quantity_unit, dosage_text
                        from prescription_item where prescription_id = ? order by position""")) {
                    itemSelect.setString(1, id);
                    try (ResultSet item = itemSelect.executeQuery()) {
                        while (item.next()) {
                            items.add(new String[] {item.getString(1), item.getString(2),
                                    item.getBigDecimal(3).toPlainString(), item.getString(4), item.getString(5)});
                        }
                    }
                }
                int days = row.getInt(6);
                Integer daysSupply = row.wasNull() ? null : days;
                return new Calibration(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), daysSupply, row.getInt(7), items);
            }
        }
    }

    /** Adds prescriptions until {@code size} are stored, then rebuilds the indexes and analyses. */
    void topUp(long size, int threads, PrintStream out) throws Exception {
        long missing = size - stored();
        if (missing <= 0) {
            return;
        }
        if (calibrations.isEmpty()) {
            throw new IllegalStateException("calibrate first");
        }
        Instant now = Instant.now();
        long first = preloaded;
        long last = preloaded + missing;
        boolean rebuild = missing >= 200_000;
        Map<String, String> indexes = rebuild ? dropIndexes() : Map.of();
        AtomicLong next = new AtomicLong(first);
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (Connection connection = postgres.connect(database)) {
                        try (Statement statement = connection.createStatement()) {
                            // the rows are consistent by construction: skip the foreign key triggers while loading
                            statement.execute("set session_replication_role = replica");
                            statement.execute("set synchronous_commit = off");
                        }
                        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                        while (true) {
                            long from = next.getAndAdd(batch);
                            if (from >= last) {
                                return null;
                            }
                            long to = Math.min(last, from + batch);
                            copyBatch(copy, from, to, now);
                            long total = done.addAndGet(to - from);
                            if (total % Math.max(batch, 100_000) < batch || to == last) {
                                double seconds = (System.nanoTime() - started) / 1e9;
                                out.printf("  preload: %,d of %,d (%.0f/s)%n", total, missing, total / seconds);
                            }
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        preloaded = last;
        try (Connection connection = postgres.connect(database);
             PreparedStatement update = connection.prepareStatement("update benchmark_state set preloaded = ?")) {
            update.setLong(1, preloaded);
            update.executeUpdate();
        }
        if (rebuild) {
            out.println("  preload: rebuilding " + indexes.size() + " indexes ...");
            recreateIndexes(indexes);
        }
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            out.println("  preload: vacuum analyse ...");
            statement.execute("vacuum (analyze) prescription, prescription_item, prescription_issue, issue_item_status, "
                    + "prescription_history, dispense_record");
            statement.execute("checkpoint");
        }
    }

    /** Secondary indexes of the loaded tables (not primary keys), dropped for the load and made again after. */
    private Map<String, String> dropIndexes() throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("""
                    select i.indexname, i.indexdef from pg_indexes i
                    where i.schemaname = 'public'
                      and i.tablename in ('prescription', 'prescription_item', 'prescription_issue', 'issue_item_status',
                                          'prescription_history', 'dispense_record')
                      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)""")) {
                while (rows.next()) {
                    indexes.put(rows.getString(1), rows.getString(2));
                }
            }
            for (String name : indexes.keySet()) {
                statement.execute("drop index \"" + name + "\"");
            }
        }
        return indexes;
    }

    private void recreateIndexes(Map<String, String> indexes) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> builds = new ArrayList<>();
            for (String definition : indexes.values()) {
                builds.add(pool.submit(() -> {
                    try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
                        statement.execute("set maintenance_work_mem = '512MB'");
                        statement.execute(definition);
                    }
                    return null;
                }));
            }
            for (Future<?> build : builds) {
                build.get();
            }
        }
    }

    // ---------------------------------------------------------------- rows

    private final class Rows {
        final StringBuilder prescriptions = new StringBuilder(1 << 20);
        final StringBuilder items = new StringBuilder(1 << 16);
        final StringBuilder issues = new StringBuilder(1 << 16);
        final StringBuilder itemStatuses = new StringBuilder(1 << 16);
        final StringBuilder history = new StringBuilder(1 << 16);
        final StringBuilder dispenses = new StringBuilder(1 << 14);
    }

    private void copyBatch(CopyManager copy, long from, long to, Instant now) throws SQLException, IOException {
        Rows rows = new Rows();
        for (long n = from; n < to; n++) {
            write(rows, n, now);
        }
        copy.copyIn("copy prescription (id, long_form_id, prescription_type, treatment_type, prescriber_ods, "
                + "prescriber_org_name, prescriber_name, prescriber_sds_user_id, prescriber_role_profile, "
                + "prescriber_role_code, nhs_number, patient_family_name, patient_given_names, patient_birth_date, "
                + "patient_gender, patient_postcode, nominated_ods, nominated_site_type, nomination_cleared, authored_on, "
                + "start_date, days_supply, number_of_issues, received_at, order_message, to_be_dispensed, version) from stdin",
                new StringReader(rows.prescriptions.toString()));
        copy.copyIn("copy prescription_item (prescription_id, item_id, position, medication_code, medication_display, "
                + "quantity_value, quantity_unit, dosage_text) from stdin", new StringReader(rows.items.toString()));
        copy.copyIn("copy prescription_issue (prescription_id, issue_number, status, dispenser_ods, claim_id, "
                + "claim_received_at, expires_on, available_from, last_dispensed_at) from stdin",
                new StringReader(rows.issues.toString()));
        copy.copyIn("copy issue_item_status (prescription_id, issue_number, item_id, status) from stdin",
                new StringReader(rows.itemStatuses.toString()));
        copy.copyIn("copy prescription_history (prescription_id, issue_number, at, organisation, event, status, "
                + "item_statuses, message_id, person) from stdin", new StringReader(rows.history.toString()));
        copy.copyIn("copy dispense_record (prescription_id, issue_number, position, notification_id, at, status_before, "
                + "items_before) from stdin", new StringReader(rows.dispenses.toString()));
    }

    /** The state a preloaded single-issue prescription is left in. */
    private enum State { CLAIMED, DISPENSED, WITH_DISPENSER, TO_BE_DISPENSED, CANCELLED, NOT_DISPENSED, EXPIRED }

    private static State state(double roll) {
        if (roll < 0.78) {
            return State.CLAIMED;
        }
        if (roll < 0.84) {
            return State.DISPENSED;
        }
        if (roll < 0.88) {
            return State.WITH_DISPENSER;
        }
        if (roll < 0.92) {
            return State.TO_BE_DISPENSED;
        }
        if (roll < 0.95) {
            return State.CANCELLED;
        }
        if (roll < 0.98) {
            return State.NOT_DISPENSED;
        }
        return State.EXPIRED;
    }

    private void write(Rows rows, long n, Instant now) {
        SplittableRandom random = Mix.random(~n, 17);
        boolean erd;
        State state;
        Instant received;
        Instant release = null;
        Instant dispensed = null;
        Instant claimed = null;
        Instant ended = null;
        Prescription template = mix.prescription(n, Instant.EPOCH);
        erd = template.kind() == Kind.GP_ERD;
        state = erd ? State.CLAIMED : state(random.nextDouble());
        if (erd) {
            // issue 2 must still wait for its download date (start + days supply - 7), so eRD ones are recent
            claimed = now.minusSeconds(60 + random.nextInt(3600 * 4));
            dispensed = claimed.minusSeconds(60 + random.nextInt(3600 * 4));
            release = dispensed.minusSeconds(60 + random.nextInt(3600 * 4));
            received = release.minusSeconds(60 + random.nextInt(3600 * 4));
        } else {
            switch (state) {
                case CLAIMED -> {
                    claimed = now.minus(Duration.ofMinutes(random.nextLong(60, 120L * 24 * 60)));
                    dispensed = claimed.minus(Duration.ofMinutes(random.nextLong(60, 10L * 24 * 60)));
                    release = dispensed.minus(Duration.ofMinutes(random.nextLong(10, 2L * 24 * 60)));
                    received = release.minus(Duration.ofMinutes(random.nextLong(10, 3L * 24 * 60)));
                }
                case DISPENSED, NOT_DISPENSED -> {
                    dispensed = now.minus(Duration.ofMinutes(random.nextLong(60, 20L * 24 * 60)));
                    release = dispensed.minus(Duration.ofMinutes(random.nextLong(10, 2L * 24 * 60)));
                    received = release.minus(Duration.ofMinutes(random.nextLong(10, 3L * 24 * 60)));
                }
                case WITH_DISPENSER -> {
                    release = now.minus(Duration.ofMinutes(random.nextLong(10, 5L * 24 * 60)));
                    received = release.minus(Duration.ofMinutes(random.nextLong(10, 3L * 24 * 60)));
                }
                case TO_BE_DISPENSED -> received = now.minus(Duration.ofMinutes(random.nextLong(10, 30L * 24 * 60)));
                case CANCELLED -> {
                    ended = now.minus(Duration.ofMinutes(random.nextLong(60, 60L * 24 * 60)));
                    received = ended.minus(Duration.ofMinutes(random.nextLong(10, 5L * 24 * 60)));
                }
                case EXPIRED -> received = now.minus(Duration.ofDays(random.nextLong(190, 260)));
                default -> throw new IllegalStateException();
            }
        }
        Instant authored = received.minusSeconds(60);
        // waiting for release by ID: not nominated (a nominated one would be handed out by the driver's pharmacies)
        Organisation nominated = state == State.TO_BE_DISPENSED ? null : template.nominated();
        Prescription p = new Prescription(template.id(), template.longFormId(), template.kind(), template.items(),
                template.patient(), template.prescriber(), nominated, LocalDate.ofInstant(authored, java.time.ZoneOffset.UTC)
                .minusDays(1), authored.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Organisation dispenser = nominated != null ? nominated
                : population.pharmacies().get(random.nextInt(population.pharmacies().size()));
        Calibration c = calibrations.get(p.kind());
        LocalDate signed = LocalDate.ofInstant(p.authored(), LONDON);
        int issues = c.issues();

        // prescription
        StringBuilder r = rows.prescriptions;
        field(r, p.id()).field(r, p.longFormId()).field(r, c.prescriptionType()).field(r, c.treatmentType())
                .field(r, p.prescriber().ods()).field(r, p.prescriber().name()).field(r, c.prescriberName())
                .field(r, p.prescriber().sdsUserId()).field(r, p.prescriber().roleProfileId()).field(r, c.prescriberRoleCode())
                .field(r, p.patient().nhsNumber()).field(r, p.patient().family())
                .field(r, "{\"" + p.patient().given() + "\"}").field(r, p.patient().birthDate().toString())
                .field(r, c.gender()).field(r, p.patient().postcode())
                .field(r, nominated == null ? null : nominated.ods()).field(r, nominated == null ? "0004" : "P1")
                .field(r, "f").field(r, ts(p.authored())).field(r, p.date().toString())
                .field(r, c.daysSupply() == null ? null : c.daysSupply().toString()).field(r, String.valueOf(issues))
                .field(r, ts(received)).field(r, bytea(OrderMessageCodec.encode(messages.order(p, Messages.uuid(random)))))
                .field(r, state == State.TO_BE_DISPENSED ? "t" : "f")
                .last(r, String.valueOf(1 + (release != null ? 1 : 0) + (dispensed != null ? 1 : 0)
                        + (claimed != null ? 1 : 0) + (ended != null ? 1 : 0)));

        // items
        for (int i = 0; i < p.items().size(); i++) {
            String[] item = c.items().get(Math.min(i, c.items().size() - 1));
            field(rows.items, p.id()).field(rows.items, p.items().get(i)).field(rows.items, String.valueOf(i))
                    .field(rows.items, item[0]).field(rows.items, item[1]).field(rows.items, new BigDecimal(item[2]).toPlainString())
                    .field(rows.items, item[3]).last(rows.items, item[4]);
        }

        // issue 1 and its item statuses; eRD issues 2..n
        String status = switch (state) {
            case CLAIMED -> "0008";
            case DISPENSED -> "0006";
            case WITH_DISPENSER -> "0002";
            case TO_BE_DISPENSED -> "0001";
            case CANCELLED -> "0005";
            case NOT_DISPENSED -> "0007";
            case EXPIRED -> "0004";
        };
        String itemStatus = switch (state) {
            case CLAIMED, DISPENSED -> "0001";
            case WITH_DISPENSER -> "0008";
            case TO_BE_DISPENSED -> "0007";
            case CANCELLED -> "0005";
            case NOT_DISPENSED -> "0002";
            case EXPIRED -> "0006";
        };
        String claimId = claimed != null ? Messages.uuid(random) : null;
        issue(rows, p, 1, status, release != null ? dispenser.ods() : null, claimId, claimed, signed.plusMonths(6),
                p.date(), dispensed);
        itemStatuses(rows, p, 1, itemStatus);
        for (int number = 2; number <= issues; number++) {
            issue(rows, p, number, number == 2 ? "0000" : "9000", null, null, null, signed.plusMonths(12),
                    p.date().plusDays((long) c.daysSupply() * (number - 1) - 7), null);
            itemStatuses(rows, p, number, "0007");
        }

        // history, as the service records it, and the dispense record
        String prescriber = p.prescriber().ods();
        for (int number = 1; number <= issues; number++) {
            history(rows, p, number, received, prescriber, "prescription-order", number == 1 ? "0001" : "9000", "0007",
                    null, p.prescriber().sdsUserId());
        }
        if (release != null) {
            history(rows, p, 1, release, dispenser.ods(), "release", "0002", "0008", Messages.uuid(random),
                    dispenser.sdsUserId());
        }
        if (dispensed != null) {
            String notification = Messages.uuid(random);
            boolean none = state == State.NOT_DISPENSED;
            history(rows, p, 1, dispensed, dispenser.ods(), "dispense-notification", none ? "0007" : "0006",
                    none ? "0002" : "0001", notification, dispenser.sdsUserId());
            if (issues > 1) {
                history(rows, p, 2, dispensed, dispenser.ods(), "dispense-notification", "0000", "0007", notification,
                        dispenser.sdsUserId());
            }
            field(rows.dispenses, p.id()).field(rows.dispenses, "1").field(rows.dispenses, "0")
                    .field(rows.dispenses, notification).field(rows.dispenses, ts(dispensed)).field(rows.dispenses, "0002")
                    .last(rows.dispenses, statusArray(p, "0008"));
        }
        if (claimed != null) {
            history(rows, p, 1, claimed, dispenser.ods(), "claim", "0008", "0001", claimId, dispenser.sdsUserId());
        }
        if (state == State.CANCELLED) {
            history(rows, p, 1, ended, prescriber, "cancel", "0005", "0005", Messages.uuid(random),
                    p.prescriber().sdsUserId());
        }
        if (state == State.EXPIRED) {
            Instant expiredAt = signed.plusMonths(6).plusDays(1).atStartOfDay(LONDON).toInstant();
            history(rows, p, 1, expiredAt, null, "expire", "0004", "0006", null, null);
        }
    }

    private void issue(Rows rows, Prescription p, int number, String status, String dispenser, String claimId,
                       Instant claimed, LocalDate expires, LocalDate available, Instant lastDispensed) {
        StringBuilder r = rows.issues;
        field(r, p.id()).field(r, String.valueOf(number)).field(r, status).field(r, dispenser).field(r, claimId)
                .field(r, claimed == null ? null : ts(claimed)).field(r, expires.toString()).field(r, available.toString())
                .last(r, lastDispensed == null ? null : ts(lastDispensed));
    }

    private void itemStatuses(Rows rows, Prescription p, int number, String status) {
        for (String item : p.items()) {
            field(rows.itemStatuses, p.id()).field(rows.itemStatuses, String.valueOf(number))
                    .field(rows.itemStatuses, item).last(rows.itemStatuses, status);
        }
    }

    private void history(Rows rows, Prescription p, int number, Instant at, String organisation, String event,
                         String status, String itemStatus, String messageId, String person) {
        StringBuilder r = rows.history;
        field(r, p.id()).field(r, String.valueOf(number)).field(r, ts(at)).field(r, organisation).field(r, event)
                .field(r, status).field(r, statusArray(p, itemStatus)).field(r, messageId).last(r, person);
    }

    private static String statusArray(Prescription p, String status) {
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < p.items().size(); i++) {
            array.append(i == 0 ? "" : ",").append(p.items().get(i)).append('=').append(status);
        }
        return array.append('}').toString();
    }

    private static String ts(Instant instant) {
        return TS.format(instant.atOffset(java.time.ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- COPY text format

    private Preload field(StringBuilder row, String value) {
        append(row, value);
        row.append('\t');
        return this;
    }

    /** A {@code bytea} in the hex format; {@link #append} doubles its backslash for COPY. */
    private static String bytea(byte[] value) {
        return "\\x" + HexFormat.of().formatHex(value);
    }

    private void last(StringBuilder row, String value) {
        append(row, value);
        row.append('\n');
    }

    private static void append(StringBuilder row, String value) {
        if (value == null) {
            row.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(ch);
            }
        }
    }
}
