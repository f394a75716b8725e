package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default set-up a new user starts with: no database configured, so the service runs its own embedded
 * PostgreSQL in the data directory, and what it stored is still there after a restart.
 */
class RestartTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void prescriptions_survive_a_restart_on_the_embedded_database(@TempDir Path dataDirectory) throws Exception {
        Configuration configuration = Configuration.of(0, Optional.empty(), dataDirectory);
        try (EpsService service = EpsService.start(configuration, Clock.systemUTC())) {
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(uri(service, "/FHIR/R4/$process-message"))
                    .header("Content-Type", "application/fhir+json")
                    .header("X-Request-ID", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            RunningService.example("prescription-order/homecare-acute-1201-req.json")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        }

        try (EpsService restarted = EpsService.start(configuration, Clock.systemUTC())) {
            HttpResponse<String> found = client.send(HttpRequest.newBuilder(
                            uri(restarted, "/FHIR/R4/Task?focus:identifier=A0548B-A99968-451485"))
                    .header("X-Request-ID", UUID.randomUUID().toString())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(RunningService.json(found.body()).path("total").asInt()).isEqualTo(1);
            assertThat(found.body()).contains("\"code\":\"0001\"");
        }
    }

    private static URI uri(EpsService service, String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }
}
