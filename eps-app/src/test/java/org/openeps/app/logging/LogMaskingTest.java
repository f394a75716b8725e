package org.openeps.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The service's own logging configuration masks NHS numbers and access tokens, in messages and in stack traces. */
class LogMaskingTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI1NTUwODY2ODkxMDYifQ.c2lnbmF0dXJl";

    @Test
    void messages_and_stack_traces_logged_through_the_service_configuration_are_masked() throws JoranException {
        String logged = format("NHS number 9449304130 (or 944 930 4130, 944-930-4130) sent Authorization: Bearer "
                + TOKEN + ", again " + TOKEN, new IllegalStateException("patient 9449304130"));

        assertThat(logged).doesNotContain("9449304130", "944 930 4130", "944-930-4130", TOKEN, "eyJ")
                .contains("NHS number **********", "Bearer [token]", "again [token]", "patient **********",
                        "IllegalStateException");
    }

    @Test
    void other_numbers_are_left_alone() {
        assertThat(LogMasking.mask("prescription 24F5DA-A83008-7EFE6Z, 12345 items, request 1700000000000 ms, 20000/min"))
                .isEqualTo("prescription 24F5DA-A83008-7EFE6Z, 12345 items, request 1700000000000 ms, 20000/min");
    }

    /** Formats one event with the encoder of the CONSOLE appender that {@code logback.xml} configures. */
    private static String format(String message, Throwable thrown) throws JoranException {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogMaskingTest.class.getResource("/logback.xml"));
        Logger logger = context.getLogger("test");
        OutputStreamAppender<?> console = (OutputStreamAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("CONSOLE");
        @SuppressWarnings("unchecked")
        ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent> encoder =
                (ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent>) console.getEncoder();
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, null);
        String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
        context.stop();
        return text;
    }
}
