package org.openeps.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openeps.benchmark.Http.Answer;
import org.openeps.benchmark.Http.Caller;
import org.openeps.benchmark.Messages.Prescription;
import org.openeps.benchmark.Population.Organisation;
import tools.jackson.databind.JsonNode;

/**
 * The load: an open model, so the service cannot slow the arrivals down. New prescriptions arrive at a fixed rate;
 * each then goes through its life (nominated release in each pharmacy's next batch, or release by ID at a pharmacy the
 * patient walks into; status update "With Pharmacy"; a complete dispense notification, or a partial and owing one then
 * the rest; status update "Collected"; the claim), each step due a random think time after the one before. Pharmacies
 * ask for their nominated prescriptions on a fixed period. Tracker, Task search and patient reads arrive at fixed rates
 * against prescriptions of this run and of the preload. Every request is timed from when it was due.
 */
final class Driver {

    private static final String FHIR = "application/fhir+json";
    private static final Pattern RELEASED_ID = Pattern.compile(
            "\"https://fhir.nhs.uk/Id/prescription-order-number\"\\s*,\\s*\"value\"\\s*:\\s*\"([0-9A-F]{6}-[0-9A-Z]{6}-[0-9A-F]{5}[0-9A-Z+])\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z][A-Z_]{3,})\"");

    /** The optional endpoints (another part of the service, maybe not there yet) and whether they answered. */
    enum Optional {
        STATUS_UPDATE, TRACKER, PATIENT_VIEW
    }

    private final Options options;
    private final Population population;
    private final Messages messages;
    private final Mix mix;
    private final Http http;
    private final Metrics metrics;
    private final long preloaded;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "driver-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;
    private final Map<String, Prescription> awaitingNominated = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Prescription> recent = new AtomicReferenceArray<>(8192);
    private final AtomicInteger recentCount = new AtomicInteger();
    private final AtomicLong sequence;
    private final Map<Optional, String> absent = new ConcurrentHashMap<>();
    private final Set<Optional> enabled = Collections.newSetFromMap(new ConcurrentHashMap<>());
    private final List<Caller> patientCallers = new ArrayList<>();
    private final AtomicLong unknownReleased = new AtomicLong();
    private volatile boolean running;
    private volatile long rampNanos;

    private final Metrics.Op create;
    private final Metrics.Op releaseNominated;
    private final Metrics.Op releaseEmpty;
    private final Metrics.Op releaseById;
    private final Metrics.Op dispense;
    private final Metrics.Op dispensePartial;
    private final Metrics.Op claim;
    private final Metrics.Op statusUpdate;
    private final Metrics.Op taskById;
    private final Metrics.Op taskByNhs;
    private final Metrics.Op trackerById;
    private final Metrics.Op trackerByNhs;
    private final Metrics.Op trackerDetails;
    private final Metrics.Op patientView;

    Driver(Options options, Population population, Messages messages, Mix mix, Http http, Metrics metrics,
           long preloaded, long firstSequence) {
        this.options = options;
        this.population = population;
        this.messages = messages;
        this.mix = mix;
        this.http = http;
        this.metrics = metrics;
        this.preloaded = preloaded;
        this.sequence = new AtomicLong(firstSequence);
        this.inFlight = new Semaphore(options.integer("max-in-flight"));
        create = metrics.op("prescription-order", true);
        releaseNominated = metrics.op("release-nominated", true);
        releaseEmpty = metrics.op("release-nominated-empty", false);
        releaseById = metrics.op("release-by-id", true);
        dispense = metrics.op("dispense-notification", true);
        dispensePartial = metrics.op("dispense-notification-partial", true);
        claim = metrics.op("claim", true);
        statusUpdate = metrics.op("status-update", false);
        taskById = metrics.op("task-search-by-id", false);
        taskByNhs = metrics.op("task-search-by-nhs", false);
        trackerById = metrics.op("tracker-list-by-id", false);
        trackerByNhs = metrics.op("tracker-list-by-nhs", false);
        trackerDetails = metrics.op("tracker-details", false);
        patientView = metrics.op("patient-view", false);
    }

    /** Prescriptions a second that give the target rate of lifecycle messages, for this mix. */
    double prescriptionRate() {
        double rate = options.decimal("rate");
        double nominated = options.decimal("nominated-share");
        double partial = options.decimal("partial-share");
        double perPrescription = 4;
        double prescriptions = rate / perPrescription;
        for (int i = 0; i < 20; i++) {
            double batch = Math.max(1, Math.min(25, prescriptions * nominated / population.pharmacies().size()
                    * options.decimal("release-poll-seconds")));
            perPrescription = 1 + nominated / batch + (1 - nominated) + 1 + partial + 1;
            prescriptions = rate / perPrescription;
        }
        return prescriptions;
    }

    /** Asks for every organisation's token before the clock starts, and the tokens of the patients viewed. */
    void prepareTokens() {
        List<Caller> callers = new ArrayList<>();
        population.practices().forEach(org -> callers.add(prescriber(org)));
        population.trusts().forEach(org -> callers.add(prescriber(org)));
        population.pharmacies().forEach(org -> callers.add(dispenser(org)));
        callers.add(statusUpdateCaller());
        SplittableRandom random = new SplittableRandom(options.integer("seed"));
        int viewers = Math.min(500, population.patientCount());
        for (int i = 0; i < viewers; i++) {
            Caller caller = Http.patient(patientNhs(random));
            patientCallers.add(caller);
            callers.add(caller);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            callers.forEach(caller -> pool.submit(() -> http.token(caller)));
        }
    }

    /**
     * Runs the load: warm-up (not measured), probes of the optional endpoints, then the measured duration, with
     * {@code measuredStart} run as it begins and {@code measuredEnd} as it ends (readings of CPU and of PostgreSQL).
     */
    void run(int warmupSeconds, int durationSeconds, Runnable measuredStart, Runnable measuredEnd) {
        running = true;
        enabled.clear();
        // a cold service at the full rate at once queues more than it can catch up on within the warm-up
        rampNanos = (long) (warmupSeconds * options.decimal("ramp") * 1e9);
        List<Thread> loops = new ArrayList<>();
        double rate = prescriptionRate();
        loops.add(loop("arrivals", rate, this::newPrescription));
        double polls = population.pharmacies().size() / options.decimal("release-poll-seconds");
        AtomicInteger nextPharmacy = new AtomicInteger();
        loops.add(loop("release-polls", polls, due -> nominatedRelease(due,
                population.pharmacies().get(Math.floorMod(nextPharmacy.getAndIncrement(), population.pharmacies().size())))));
        double taskRate = options.decimal("task-search-rate");
        loops.add(loop("task-search", taskRate, this::taskSearch));
        double trackerRate = options.decimal("tracker-rate");
        loops.add(loop("tracker", trackerRate, this::tracker));
        double patientRate = options.decimal("patient-rate");
        loops.add(loop("patient", patientRate, this::patientView));
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try {
            sleep(warmupSeconds * 1000L);
            probeOptionalEndpoints();
            metrics.reset();
            measuredStart.run();
            int interval = options.integer("interval");
            sampler.scheduleAtFixedRate(metrics::sample, interval, interval, TimeUnit.SECONDS);
            sleep(durationSeconds * 1000L);
        } finally {
            running = false;
            measuredEnd.run();
            sampler.shutdownNow();
            metrics.sample();
            metrics.stop();
            loops.forEach(Thread::interrupt);
        }
        // let the requests in flight finish (not measured), so that the next stage starts clean
        inFlight.acquireUninterruptibly(options.integer("max-in-flight"));
        inFlight.release(options.integer("max-in-flight"));
    }

    Map<String, String> notes() {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("prescriptions per second (arrivals)", String.format("%.1f", prescriptionRate()));
        absent.forEach((endpoint, why) -> notes.put("not measured: " + endpoint, why));
        notes.put("prescriptions still awaiting nominated release at the end", String.valueOf(awaitingNominated.size()));
        if (unknownReleased.get() > 0) {
            notes.put("released prescriptions not made by this run", String.valueOf(unknownReleased.get()));
        }
        return notes;
    }

    // ---------------------------------------------------------------- schedules

    /** A platform thread handing work to virtual threads at a fixed rate; each piece of work knows when it was due. */
    private Thread loop(String name, double perSecond, LongConsumer work) {
        Thread thread = new Thread(() -> {
            if (perSecond <= 0) {
                return;
            }
            long start = System.nanoTime();
            for (long k = 0; running; k++) {
                long due = start + arrival(k, perSecond, rampNanos);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!running || Thread.currentThread().isInterrupted()) {
                    return;
                }
                workers.submit(() -> work.accept(due));
            }
        }, "driver-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * When the {@code k}-th request of a loop is due, in nanoseconds from the loop's start: the rate rises in a
     * straight line from 0 to {@code perSecond} over the ramp, then stays there (so the first {@code perSecond × ramp
     * / 2} requests fall in the ramp, at times growing as the square root of their number).
     */
    static long arrival(long k, double perSecond, long rampNanos) {
        double ramp = rampNanos / 1e9;
        double inRamp = perSecond * ramp / 2;
        double seconds = k < inRamp ? Math.sqrt(2 * ramp * k / perSecond) : ramp + (k - inRamp) / perSecond;
        return (long) (seconds * 1e9);
    }

    /** Runs a step of a prescription's life after a think time. */
    private void later(LongConsumer step) {
        if (!running) {
            return;
        }
        long thinkMs = ThreadLocalRandom.current().nextLong(options.integer("think-min-ms"),
                options.integer("think-max-ms") + 1L);
        long due = System.nanoTime() + thinkMs * 1_000_000L;
        timer.schedule(() -> workers.submit(() -> step.accept(due)), thinkMs, TimeUnit.MILLISECONDS);
    }

    private Answer call(Metrics.Op op, long due, java.util.function.Supplier<Answer> request) {
        inFlight.acquireUninterruptibly();
        Answer answer;
        try {
            answer = request.get();
        } finally {
            inFlight.release();
        }
        boolean ok = answer.ok();
        metrics.record(op, due, ok, ok ? null : kind(answer), ok ? null : answer.status() + " " + answer.body()
                + (answer.failure() == null ? "" : answer.failure()));
        return answer;
    }

    private static String kind(Answer answer) {
        if (answer.status() == 0) {
            return "no answer: " + answer.failure();
        }
        Matcher code = CODE.matcher(answer.body());
        return answer.status() + (code.find() ? " " + code.group(1) : "");
    }

    // ---------------------------------------------------------------- the life of a prescription

    private void newPrescription(long due) {
        Prescription p = mix.prescription(sequence.getAndIncrement(), Instant.now());
        String body = messages.order(p, Messages.uuid(ThreadLocalRandom.current()));
        Answer answer = call(create, due, () -> http.post("/FHIR/R4/$process-message", body, FHIR,
                prescriber(p.prescriber())));
        if (!answer.ok()) {
            return;
        }
        remember(p);
        if (p.isNominated()) {
            awaitingNominated.put(p.id(), p);
        } else {
            Organisation pharmacy = population.pharmacies().get(ThreadLocalRandom.current().nextInt(population.pharmacies().size()));
            later(next -> releaseById(next, p, pharmacy));
        }
    }

    private void nominatedRelease(long due, Organisation pharmacy) {
        String body = messages.nominatedRelease(pharmacy);
        inFlight.acquireUninterruptibly();
        Answer answer;
        try {
            answer = http.post("/FHIR/R4/Task/$release", body, FHIR, dispenser(pharmacy));
        } finally {
            inFlight.release();
        }
        boolean empty = answer.ok() && answer.body().contains("NO_MORE_PRESCRIPTIONS");
        boolean ok = answer.ok();
        metrics.record(empty ? releaseEmpty : releaseNominated, due, ok, ok ? null : kind(answer),
                ok ? null : answer.status() + " " + answer.body());
        if (!ok || empty) {
            return;
        }
        for (String id : passedIds(answer.body())) {
            Prescription p = awaitingNominated.remove(id);
            if (p == null) {
                unknownReleased.incrementAndGet();
                continue;
            }
            released(p, pharmacy);
        }
    }

    /** The prescription IDs in {@code passedPrescriptions} of a release answer. */
    static Set<String> passedIds(String body) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        JsonNode parameters = Messages.JSON.readTree(body);
        for (JsonNode parameter : parameters.path("parameter")) {
            if (!parameter.path("name").asString().equals("passedPrescriptions")) {
                continue;
            }
            Matcher matcher = RELEASED_ID.matcher(parameter.path("resource").toString());
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    private void releaseById(long due, Prescription p, Organisation pharmacy) {
        String body = messages.releaseById(pharmacy, p.id());
        Answer answer = call(releaseById, due, () -> http.post("/FHIR/R4/Task/$release", body, FHIR, dispenser(pharmacy)));
        if (answer.ok()) {
            released(p, pharmacy);
        }
    }

    private void released(Prescription p, Organisation pharmacy) {
        if (enabled.contains(Optional.STATUS_UPDATE)) {
            later(due -> statusUpdate(due, p, pharmacy, "With Pharmacy", "in-progress"));
        }
        boolean partial = ThreadLocalRandom.current().nextDouble() < options.decimal("partial-share");
        later(due -> dispense(due, p, pharmacy, partial));
    }

    private void dispense(long due, Prescription p, Organisation pharmacy, boolean partial) {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < p.items().size(); i++) {
            statuses.add(!partial ? "0001" : p.items().size() == 1 ? "0003" : i == 0 ? "0001" : i % 2 == 1 ? "0004" : "0003");
        }
        String body = messages.dispense(p, pharmacy, statuses, partial ? "0003" : "0006",
                Messages.uuid(ThreadLocalRandom.current()), Instant.now(), ThreadLocalRandom.current());
        Answer answer = call(partial ? dispensePartial : dispense, due,
                () -> http.post("/FHIR/R4/$process-message", body, FHIR, dispenser(pharmacy)));
        if (!answer.ok()) {
            return;
        }
        if (partial) {
            later(next -> dispense(next, p, pharmacy, false));
            return;
        }
        if (enabled.contains(Optional.STATUS_UPDATE)) {
            later(next -> statusUpdate(next, p, pharmacy, "Collected", "completed"));
        }
        later(next -> claim(next, p, pharmacy));
    }

    private void claim(long due, Prescription p, Organisation pharmacy) {
        String body = messages.claim(p, pharmacy, Messages.uuid(ThreadLocalRandom.current()), Instant.now(),
                ThreadLocalRandom.current());
        call(claim, due, () -> http.post("/FHIR/R4/Claim", body, FHIR, dispenser(pharmacy)));
    }

    private void statusUpdate(long due, Prescription p, Organisation pharmacy, String businessStatus, String taskStatus) {
        String body = messages.statusUpdate(p, pharmacy, businessStatus, taskStatus, Instant.now(),
                ThreadLocalRandom.current());
        call(statusUpdate, due, () -> http.post("/prescription-status-update/", body, FHIR, statusUpdateCaller()));
    }

    // ---------------------------------------------------------------- reads

    private record Target(String id, String nhsNumber) {
    }

    /** A prescription to look up: one of this run's, or (when there is a preload) as often one of the preload's. */
    private Target target() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int made = Math.min(recentCount.get(), recent.length());
        if (preloaded > 0 && (made == 0 || random.nextBoolean())) {
            Prescription p = mix.prescription(random.nextLong(preloaded), Instant.EPOCH);
            return new Target(p.id(), p.patient().nhsNumber());
        }
        if (made == 0) {
            return null;
        }
        Prescription p = recent.get(random.nextInt(made));
        return new Target(p.id(), p.patient().nhsNumber());
    }

    private void remember(Prescription p) {
        recent.set(Math.floorMod(recentCount.getAndIncrement(), recent.length()), p);
    }

    private Caller reader() {
        return dispenser(population.pharmacies().get(ThreadLocalRandom.current().nextInt(population.pharmacies().size())));
    }

    private void taskSearch(long due) {
        Target target = target();
        if (target == null) {
            return;
        }
        if (ThreadLocalRandom.current().nextBoolean()) {
            call(taskById, due, () -> http.get("/FHIR/R4/Task?focus:identifier=" + encode(target.id()), reader()));
        } else {
            call(taskByNhs, due, () -> http.get("/FHIR/R4/Task?patient:identifier=" + target.nhsNumber(), reader()));
        }
    }

    private void tracker(long due) {
        Target target = target();
        if (target == null || !enabled.contains(Optional.TRACKER)) {
            return;
        }
        switch (ThreadLocalRandom.current().nextInt(3)) {
            case 0 -> call(trackerById, due, () -> http.get("/api/prescription-list?prescriptionId=" + encode(target.id()),
                    reader()));
            case 1 -> call(trackerByNhs, due, () -> http.get("/api/prescription-list?nhsNumber=" + target.nhsNumber(),
                    reader()));
            default -> call(trackerDetails, due, () -> http.get("/api/prescription-details/" + encode(target.id()),
                    reader()));
        }
    }

    private void patientView(long due) {
        if (!enabled.contains(Optional.PATIENT_VIEW) || patientCallers.isEmpty()) {
            return;
        }
        Caller patient = patientCallers.get(ThreadLocalRandom.current().nextInt(patientCallers.size()));
        call(patientView, due, () -> http.get("/prescriptions-for-patients/Bundle", patient));
    }

    /**
     * Whether the endpoints other parts of the service bring are there: each is asked once about a prescription of
     * the warm-up; a 404 or 405 (no such route) leaves it out of the run, and the report says so.
     */
    private void probeOptionalEndpoints() {
        int made = Math.min(recentCount.get(), recent.length());
        Prescription p = made == 0 ? null : recent.get(0);
        if (p == null) {
            absent.put(Optional.TRACKER, "no prescription was created during the warm-up");
            return;
        }
        probe(Optional.TRACKER, http.get("/api/prescription-list?prescriptionId=" + encode(p.id()), reader()));
        probe(Optional.PATIENT_VIEW, http.get("/prescriptions-for-patients/Bundle", patientCallers.isEmpty()
                ? Http.patient(p.patient().nhsNumber()) : patientCallers.get(0)));
        if (options.flag("status-updates")) {
            Organisation pharmacy = population.pharmacies().get(0);
            probe(Optional.STATUS_UPDATE, http.post("/prescription-status-update/", messages.statusUpdate(p, pharmacy,
                    "With Pharmacy", "in-progress", Instant.now(), ThreadLocalRandom.current()), FHIR, statusUpdateCaller()));
        } else {
            absent.put(Optional.STATUS_UPDATE, "switched off (--status-updates false)");
        }
    }

    private void probe(Optional endpoint, Answer answer) {
        if (answer.status() == 404 || answer.status() == 405 || answer.status() == 0) {
            absent.put(endpoint, "the service answered " + answer.status() + " (not implemented yet?)");
            enabled.remove(endpoint);
        } else {
            absent.remove(endpoint);
            enabled.add(endpoint);
        }
    }

    // ---------------------------------------------------------------- callers

    private static Caller prescriber(Organisation org) {
        return Http.user(org.ods(), org.sdsUserId(), org.roleProfileId(), "B0278", "demo-prescribing");
    }

    private static Caller dispenser(Organisation org) {
        return Http.user(org.ods(), org.sdsUserId(), org.roleProfileId(), "B0570", "demo-dispensing");
    }

    private static Caller statusUpdateCaller() {
        return Http.system("demo-status-update");
    }

    private String patientNhs(SplittableRandom random) {
        if (preloaded > 0) {
            return mix.prescription(random.nextLong(preloaded), Instant.EPOCH).patient().nhsNumber();
        }
        return Population.nhsNumber(random.nextInt(population.patientCount()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
