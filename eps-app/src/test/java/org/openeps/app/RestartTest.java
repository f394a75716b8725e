package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default set-up a new user starts with: no database configured, so the service runs its own embedded
 * PostgreSQL in the data directory, and what it stored is still there after a restart.
 */
class RestartTest {


    @Test
    void prescriptions_survive_a_restart_on_the_embedded_database(@TempDir Path dataDirectory) {
        try (RunningService service = RunningService.embedded(dataDirectory)) {
            HttpResponse<String> created = service.postMessage(
                    RunningService.example("prescription-order/homecare-acute-1201-req.json"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        }

        try (RunningService restarted = RunningService.embedded(dataDirectory)) {
            HttpResponse<String> found = restarted.get("/FHIR/R4/Task?focus:identifier=A0548B-A99968-451485");

            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(RunningService.json(found.body()).path("total").asInt()).isEqualTo(1);
            assertThat(found.body()).contains("\"code\":\"0001\"");
        }
    }
}
