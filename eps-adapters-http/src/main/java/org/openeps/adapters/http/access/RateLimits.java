package org.openeps.adapters.http.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * A rate limit per supplier system (administrators are counted together): a token bucket of the configured number of
 * requests a minute, refilled smoothly. Beyond it a request is refused 429 with {@code Retry-After}.
 */
public final class RateLimits {

    private final long perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(long perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("The rate limit must be at least one request a minute");
        }
        this.perMinute = perMinute;
    }

    /** The before-handler, after {@link Authentication}: counts the request against its supplier system. */
    public void limit(Context ctx) {
        if (Authentication.isOpen(ctx.path())) {
            return;
        }
        Caller caller = Authentication.caller(ctx);
        String key = caller.clientId().orElse("administrators");
        ConsumptionProbe probe = buckets.computeIfAbsent(key, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new EpsException(ErrorCode.RATE_LIMITED,
                    "More than " + perMinute + " requests a minute from this supplier system; retry after " + seconds
                            + " seconds");
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
