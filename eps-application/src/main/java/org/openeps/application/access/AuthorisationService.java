package org.openeps.application.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.openeps.domain.access.AccessPolicy;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Caller;
import org.openeps.domain.access.SupplierSystem;

/**
 * Applies {@link AccessPolicy} to every call, reading supplier systems through a {@link SupplierSystemCache} so that
 * the registry is not read on every request.
 */
public final class AuthorisationService implements AuthoriseUseCase {

    private final SupplierSystemCache cache;

    /** @param cache the cache that the {@link ManageSupplierSystemsService} of this process also holds */
    public AuthorisationService(SupplierSystemCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public void authorise(Caller caller, Action action) {
        AccessPolicy.authorise(caller, action, cache::find);
    }

    /**
     * The registry's answers by client ID, each kept for at most a period read from the clock, an unknown client ID
     * as much as a registered one. A change registered through the {@link ManageSupplierSystemsService} sharing this
     * cache drops the client ID's answer at once, including one a concurrent look-up read before the change and
     * stores after it; a change written to the registry any other way (another process, SQL) is seen once the period
     * has passed.
     *
     * <p>A class nested here rather than a top-level one because it is neither a port nor a use case: the two
     * services share it, and the wiring builds one per process.
     */
    public static final class SupplierSystemCache {

        /** More client IDs than a registry holds: past it the cache starts again, so unknown IDs cannot fill memory. */
        static final int MAX_ENTRIES = 10_000;

        private final SupplierSystemRegistry registry;
        private final Clock clock;
        private final Duration period;
        private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
        /** Counts the changes forgotten, so that a look-up overtaken by one does not keep what it read. */
        private final AtomicLong changes = new AtomicLong();

        /**
         * @param period how long an answer is kept at most; zero reads the registry on every look-up
         */
        public SupplierSystemCache(SupplierSystemRegistry registry, Clock clock, Duration period) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.clock = Objects.requireNonNull(clock, "clock");
            this.period = Objects.requireNonNull(period, "period");
            if (period.isNegative()) {
                throw new IllegalArgumentException("The supplier system cache period must not be negative: " + period);
            }
        }

        /** The system registered under the client ID, as the registry gave it at most the period ago. */
        public Optional<SupplierSystem> find(String clientId) {
            Instant now = clock.instant();
            Entry cached = entries.get(clientId);
            if (cached != null && cached.freshAt(now)) {
                return cached.system();
            }
            long seen = changes.get();
            Optional<SupplierSystem> system = registry.find(clientId);
            if (period.isPositive()) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                Entry entry = new Entry(system, now, now.plus(period));
                entries.put(clientId, entry);
                if (changes.get() != seen) {
                    entries.remove(clientId, entry);
                }
            }
            return system;
        }

        /** Drops the answer kept for the client ID: the next look-up reads the registry. */
        public void forget(String clientId) {
            changes.incrementAndGet();
            entries.remove(clientId);
        }

        /** Drops every answer kept. */
        public void forgetAll() {
            changes.incrementAndGet();
            entries.clear();
        }

        /** An answer and the interval it may be used in (a clock set back does not make it last longer). */
        private record Entry(Optional<SupplierSystem> system, Instant read, Instant expires) {
            boolean freshAt(Instant now) {
                return !now.isBefore(read) && now.isBefore(expires);
            }
        }
    }
}
