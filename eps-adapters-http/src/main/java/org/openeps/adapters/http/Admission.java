package org.openeps.adapters.http;

import java.time.Duration;

/**
 * How many requests the service works on at once, and how many more wait for a turn, before it answers 503 at once.
 * Without a limit an overloaded service takes every request on, each waits behind all the others for a database
 * connection, and throughput collapses (the benchmark measured a quarter of capacity at 500 a second asked). With it,
 * the service works at capacity and tells the excess to retry.
 *
 * @param maxConcurrent requests worked on at once
 * @param maxQueued     requests waiting for a turn; one more is answered 503 at once
 * @param maxWait       the longest a request waits for a turn before it is answered 503
 */
public record Admission(int maxConcurrent, int maxQueued, Duration maxWait) {

    /** For a service whose database pool has this many connections: two requests per connection at once. */
    public static Admission forPool(int connections) {
        return new Admission(2 * connections, 500, Duration.ofSeconds(2));
    }

    public Admission {
        if (maxConcurrent < 1 || maxQueued < 0 || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("Admission needs at least 1 concurrent request, no negative queue"
                    + " and a wait above zero: " + maxConcurrent + ", " + maxQueued + ", " + maxWait);
        }
    }
}
