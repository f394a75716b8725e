package org.openeps.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.access.SupplierSystems.assured;
import static org.openeps.application.access.SupplierSystems.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Caller;
import org.openeps.domain.access.Feature;
import org.openeps.domain.access.SupplierSystem;
import org.openeps.domain.access.SupplierSystem.Status;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

class AuthorisationServiceTest {

    private static final Duration PERIOD = Duration.ofSeconds(60);

    private final InMemorySupplierSystemRegistry registry = new InMemorySupplierSystemRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final AuthorisationService.SupplierSystemCache cache =
            new AuthorisationService.SupplierSystemCache(registry, clock, PERIOD);
    private final AuthorisationService authorisation = new AuthorisationService(cache);
    private final ManageSupplierSystemsService manage =
            new ManageSupplierSystemsService(new InMemoryTransactions(registry), registry, cache);

    private static Caller.User prescriber(String clientId) {
        return new Caller.User("555086689106", "555086718101", "R8000", Set.of("B0278"), new OdsCode("A83008"),
                clientId);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private void assertAllowed(Caller caller, Action action) {
        assertThatCode(() -> authorisation.authorise(caller, action)).doesNotThrowAnyException();
    }

    private void assertNotAssured(Caller caller, Action action) {
        assertRefused(() -> authorisation.authorise(caller, action), ErrorCode.SUPPLIER_SYSTEM_NOT_ASSURED);
    }

    @Test
    void assured_system_may_call_for_its_features() {
        registry.save(assured("gp-system", Feature.PRESCRIBING, Feature.TRACKING));
        registry.save(assured("status-service", Feature.STATUS_UPDATE));

        assertAllowed(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);
        assertAllowed(prescriber("gp-system"), Action.READ_PRESCRIPTIONS);
        assertAllowed(new Caller.Application("status-service"), Action.UPDATE_STATUS);
    }

    @Test
    void unknown_client_is_not_assured() {
        registry.save(assured("gp-system", Feature.PRESCRIBING));

        assertNotAssured(prescriber("unknown-system"), Action.CREATE_PRESCRIPTION);
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"SUSPENDED", "WITHDRAWN"})
    void suspended_or_withdrawn_system_is_not_assured(Status status) {
        registry.save(system("gp-system", status, Feature.values()));

        assertNotAssured(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);
        assertNotAssured(new Caller.Application("gp-system"), Action.UPDATE_STATUS);
    }

    @Test
    void system_is_not_assured_for_a_feature_it_was_not_assured_for() {
        registry.save(assured("tracker", Feature.TRACKING));

        assertNotAssured(prescriber("tracker"), Action.CREATE_PRESCRIPTION);
        assertNotAssured(prescriber("tracker"), Action.CANCEL_PRESCRIPTION);
        assertAllowed(prescriber("tracker"), Action.READ_NOMINATIONS);
    }

    @Test
    void the_role_is_checked_whatever_the_system() {
        registry.save(assured("everything", Feature.values()));
        Caller.Patient patient = new Caller.Patient(new NhsNumber("9449304130"), Optional.empty(), "everything");

        assertRefused(() -> authorisation.authorise(patient, Action.CREATE_PRESCRIPTION), ErrorCode.ACCESS_DENIED);
        assertRefused(() -> authorisation.authorise(prescriber("everything"), Action.MANAGE_SUPPLIER_SYSTEMS),
                ErrorCode.ACCESS_DENIED);
        assertAllowed(new Caller.Administrator("555086689106"), Action.MANAGE_SUPPLIER_SYSTEMS);
    }

    @Test
    void registration_through_the_manage_service_takes_effect_at_once() {
        assertNotAssured(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);

        manage.register(assured("gp-system", Feature.PRESCRIBING));
        assertAllowed(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);

        manage.register(system("gp-system", Status.SUSPENDED, Feature.PRESCRIBING));
        assertNotAssured(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);

        manage.register(assured("gp-system", Feature.TRACKING));
        assertNotAssured(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);
        assertAllowed(prescriber("gp-system"), Action.READ_PRESCRIPTIONS);
    }

    @Test
    void seeding_through_the_manage_service_takes_effect_at_once() {
        assertNotAssured(prescriber("demo-prescribing"), Action.CREATE_PRESCRIPTION);

        manage.seed(List.of(assured("demo-prescribing", Feature.PRESCRIBING)));

        assertAllowed(prescriber("demo-prescribing"), Action.CREATE_PRESCRIPTION);
    }

    @Test
    void change_written_straight_into_the_registry_takes_effect_after_the_cache_period() {
        registry.save(assured("gp-system", Feature.PRESCRIBING));
        assertAllowed(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);
        assertNotAssured(prescriber("new-system"), Action.CREATE_PRESCRIPTION);

        registry.save(system("gp-system", Status.SUSPENDED, Feature.PRESCRIBING));
        registry.save(assured("new-system", Feature.PRESCRIBING));
        clock.advance(PERIOD.minusMillis(1));

        assertAllowed(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);
        assertNotAssured(prescriber("new-system"), Action.CREATE_PRESCRIPTION);

        clock.advance(Duration.ofMillis(1));

        assertNotAssured(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);
        assertAllowed(prescriber("new-system"), Action.CREATE_PRESCRIPTION);
    }

    @Test
    void clock_set_back_does_not_keep_an_answer_longer() {
        registry.save(assured("gp-system", Feature.PRESCRIBING));
        assertAllowed(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);

        registry.save(system("gp-system", Status.WITHDRAWN, Feature.PRESCRIBING));
        clock.advance(Duration.ofSeconds(-1));

        assertNotAssured(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);
    }

    @Test
    void zero_period_reads_the_registry_every_time() {
        AuthorisationService uncached = new AuthorisationService(
                new AuthorisationService.SupplierSystemCache(registry, clock, Duration.ZERO));
        registry.save(assured("gp-system", Feature.PRESCRIBING));
        uncached.authorise(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);

        registry.save(system("gp-system", Status.SUSPENDED, Feature.PRESCRIBING));

        assertRefused(() -> uncached.authorise(prescriber("gp-system"), Action.CREATE_PRESCRIPTION),
                ErrorCode.SUPPLIER_SYSTEM_NOT_ASSURED);
    }

    @Test
    void negative_period_is_refused() {
        assertThatThrownBy(() -> new AuthorisationService.SupplierSystemCache(registry, clock, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The administrator's change commits while a look-up is between reading the registry and keeping the answer. */
    @Test
    void look_up_overtaken_by_a_registration_does_not_keep_what_it_read() {
        SupplierSystem suspended = system("gp-system", Status.SUSPENDED, Feature.PRESCRIBING);
        registry.save(assured("gp-system", Feature.PRESCRIBING));
        AtomicReference<ManageSupplierSystemsService> administrator = new AtomicReference<>();
        SupplierSystemRegistry overtaken = new SupplierSystemRegistry() {
            private boolean first = true;

            @Override
            public Optional<SupplierSystem> find(String clientId) {
                Optional<SupplierSystem> read = registry.find(clientId);
                if (first) {
                    first = false;
                    administrator.get().register(suspended);
                }
                return read;
            }

            @Override
            public List<SupplierSystem> all() {
                return registry.all();
            }

            @Override
            public void save(SupplierSystem system) {
                registry.save(system);
            }

            @Override
            public int addMissing(List<SupplierSystem> systems) {
                return registry.addMissing(systems);
            }
        };
        AuthorisationService.SupplierSystemCache shared =
                new AuthorisationService.SupplierSystemCache(overtaken, clock, PERIOD);
        administrator.set(new ManageSupplierSystemsService(new InMemoryTransactions(registry), overtaken, shared));
        AuthorisationService racing = new AuthorisationService(shared);

        racing.authorise(prescriber("gp-system"), Action.CREATE_PRESCRIPTION);

        assertRefused(() -> racing.authorise(prescriber("gp-system"), Action.CREATE_PRESCRIPTION),
                ErrorCode.SUPPLIER_SYSTEM_NOT_ASSURED);
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The service reads instants only");
        }
    }
}
