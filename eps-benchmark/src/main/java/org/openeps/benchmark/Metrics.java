package org.openeps.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies and outcomes per operation. Each operation records into an HdrHistogram {@link Recorder}; every interval
 * the sampler swaps out the interval histogram, keeps its percentiles as one point of the time series, and adds it to
 * the operation's whole-run histogram. Latency runs from the moment a request was <em>due</em> (its place in the
 * schedule), not from when it was sent, so a stalled service or driver shows in the figures instead of hiding
 * (no coordinated omission).
 */
final class Metrics {

    private static final long MAX_MICROS = 120_000_000L;

    /** One interval of one operation: when it ended (seconds since the start of measurement) and what it saw. */
    record Point(double seconds, long count, long errors, double p50, double p95, double p99, double max) {
    }

    static final class Op {
        final String name;
        final boolean lifecycle;
        private final Recorder recorder = new Recorder(MAX_MICROS, 3);
        private final LongAdder intervalErrors = new LongAdder();
        private Histogram interval;
        final Histogram total = new Histogram(MAX_MICROS, 3);
        final List<Point> points = new ArrayList<>();
        final AtomicLong errors = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        final Map<String, String> errorSamples = new ConcurrentHashMap<>();

        Op(String name, boolean lifecycle) {
            this.name = name;
            this.lifecycle = lifecycle;
        }

        long count() {
            return total.getTotalCount();
        }
    }

    private final Map<String, Op> ops = new ConcurrentHashMap<>();
    private volatile long startNanos = System.nanoTime();
    private volatile boolean recording = true;

    Op op(String name, boolean lifecycle) {
        return ops.computeIfAbsent(name, n -> new Op(n, lifecycle));
    }

    /** Records a finished request, successful or not, with its latency from when it was due. */
    void record(Op op, long dueNanos, boolean ok, String errorKind, String errorSample) {
        if (!recording) {
            return;
        }
        long micros = Math.max(1, Math.min(MAX_MICROS, (System.nanoTime() - dueNanos) / 1000));
        op.recorder.recordValue(micros);
        if (!ok) {
            op.intervalErrors.increment();
            op.errors.incrementAndGet();
            op.errorKinds.computeIfAbsent(errorKind, k -> new AtomicLong()).incrementAndGet();
            if (errorSample != null) {
                op.errorSamples.putIfAbsent(errorKind, errorSample.length() > 600 ? errorSample.substring(0, 600) : errorSample);
            }
        }
    }

    /** Forgets everything recorded so far (the end of the warm-up) and starts the clock. */
    synchronized void reset() {
        for (Op op : ops.values()) {
            op.interval = op.recorder.getIntervalHistogram(op.interval);
            op.intervalErrors.reset();
            op.total.reset();
            op.points.clear();
            op.errors.set(0);
            op.errorKinds.clear();
            op.errorSamples.clear();
        }
        startNanos = System.nanoTime();
        recording = true;
    }

    void stop() {
        recording = false;
    }

    /** Closes the current interval of every operation (called by the sampler every interval). */
    synchronized void sample() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        for (Op op : ops.values()) {
            op.interval = op.recorder.getIntervalHistogram(op.interval);
            long errors = op.intervalErrors.sumThenReset();
            Histogram h = op.interval;
            op.total.add(h);
            if (h.getTotalCount() == 0) {
                op.points.add(new Point(seconds, 0, errors, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            } else {
                op.points.add(new Point(seconds, h.getTotalCount(), errors, ms(h.getValueAtPercentile(50)),
                        ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue())));
            }
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The operations, by name. */
    Map<String, Op> ops() {
        return new TreeMap<>(ops);
    }

    static double ms(long micros) {
        return micros / 1000.0;
    }
}
