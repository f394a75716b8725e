package org.openeps.app;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts OpenEPS with the configuration in the environment and runs until the process is stopped. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Configuration configuration;
        EpsService service;
        try {
            configuration = Configuration.fromEnvironment(System.getenv());
            service = EpsService.start(configuration, Clock.systemUTC());
        } catch (RuntimeException e) {
            LOG.error("OpenEPS could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping OpenEPS");
            service.close();
            stopped.countDown();
        }, "eps-shutdown"));
        LOG.info("OpenEPS started on port {}", service.port());
        stopped.await();
    }
}
