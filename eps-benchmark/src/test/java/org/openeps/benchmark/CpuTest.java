package org.openeps.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CPU time read from /proc: a process's ticks, shares of the machine, and this JVM's own time growing when busy. */
class CpuTest {

    @Test
    void a_process_s_ticks_are_its_user_and_system_time_even_when_its_name_holds_spaces_and_parentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1500 250 0 0 20 0 40 0 100 0 0";

        assertThat(Cpu.processTicks(stat)).isEqualTo(1750);
    }

    @Test
    void shares_are_of_the_whole_machine_and_the_rest_is_what_neither_process_used() {
        Cpu.Use use = Cpu.between(new Cpu.Reading(1_000, 10_000, 100, 50), new Cpu.Reading(1_800, 11_000, 400, 150), 5.0);

        assertThat(use.machinePercent()).isCloseTo(80, within(1e-9));
        assertThat(use.servicePercent()).isCloseTo(30, within(1e-9));
        assertThat(use.driverPercent()).isCloseTo(10, within(1e-9));
        assertThat(use.restPercent()).isCloseTo(40, within(1e-9));
        assertThat(use.cpuSeconds(use.machinePercent(), 2)).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void the_meter_sees_this_jvm_busy_as_the_driver_and_the_machine_at_least_as_busy() {
        Cpu.Meter meter = new Cpu.Meter(0);
        meter.start();
        long until = System.nanoTime() + 400_000_000L;
        long sink = 1;
        while (System.nanoTime() < until) {
            sink = sink * 31 + System.nanoTime();
        }
        meter.stop();

        Optional<Cpu.Use> use = meter.use();
        assertThat(sink).isNotZero();
        assertThat(use).hasValueSatisfying(measured -> {
            assertThat(measured.driverPercent()).isGreaterThan(0);
            assertThat(measured.machinePercent()).isGreaterThanOrEqualTo(measured.driverPercent() - 5);
            assertThat(measured.servicePercent()).isZero();
            assertThat(measured.seconds()).isBetween(0.39, 5.0);
        });
    }
}
