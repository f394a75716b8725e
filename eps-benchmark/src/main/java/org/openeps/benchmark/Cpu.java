package org.openeps.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time over the measured part of a stage, read from Linux's {@code /proc}: the whole machine's busy time
 * ({@code /proc/stat}: all but idle and I/O wait), the service's and the load driver's own ({@code utime + stime} of
 * {@code /proc/<pid>/stat}); what is left of the machine's busy time is PostgreSQL's and the rest of the machine's.
 * All are in the kernel's clock ticks, so shares need no tick length.
 */
final class Cpu {

    /** The counters at one moment. */
    record Reading(long machineBusy, long machineAll, long service, long driver) {
    }

    /**
     * Shares of the machine (100 = every core busy) over a measured interval, and its length.
     *
     * @param seconds wall-clock length of the interval
     */
    record Use(double machinePercent, double servicePercent, double driverPercent, double seconds) {

        /** PostgreSQL and everything else on the machine. */
        double restPercent() {
            return Math.max(0, machinePercent - servicePercent - driverPercent);
        }

        /** CPU seconds a share of the machine (a percent of this use's) comes to over the interval, given its cores. */
        double cpuSeconds(double percent, int cores) {
            return percent / 100 * cores * seconds;
        }
    }

    /** Reads the counters when the measured part starts and when it ends. */
    static final class Meter {

        private final long servicePid;
        private Reading start;
        private long startNanos;
        private Use use;

        Meter(long servicePid) {
            this.servicePid = servicePid;
        }

        void start() {
            startNanos = System.nanoTime();
            start = read(servicePid).orElse(null);
        }

        void stop() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            use = start == null ? null : read(servicePid).map(end -> between(start, end, seconds)).orElse(null);
        }

        /** Empty when {@code /proc} could not be read (not Linux) or the interval was never measured. */
        Optional<Use> use() {
            return Optional.ofNullable(use);
        }
    }

    private Cpu() {
    }

    static Use between(Reading start, Reading end, double seconds) {
        double all = Math.max(1, end.machineAll() - start.machineAll());
        return new Use(100 * (end.machineBusy() - start.machineBusy()) / all, 100 * (end.service() - start.service()) / all,
                100 * (end.driver() - start.driver()) / all, seconds);
    }

    /** The counters now; empty when {@code /proc} cannot be read. The service's are 0 when its pid is unknown. */
    static Optional<Reading> read(long servicePid) {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < cpu.length; i++) {
                // guest time (fields 9 and 10) is already counted in user and nice
                all += i <= 8 ? Long.parseLong(cpu[i]) : 0;
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return Optional.of(new Reading(all - idle, all, servicePid > 0 ? processTicks(servicePid) : 0,
                    processTicks(ProcessHandle.current().pid())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code utime + stime} of a process, fields 14 and 15 of its stat line (counted after its name's parenthesis). */
    static long processTicks(long pid) throws IOException {
        return processTicks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
    }

    static long processTicks(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state); utime is field 14, stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
