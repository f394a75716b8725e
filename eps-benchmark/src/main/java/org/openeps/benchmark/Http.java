package org.openeps.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service over HTTP: the JDK client on virtual threads (one blocking call per virtual thread, so thousands in
 * flight cost little), development tokens asked of {@code POST /dev/token} once per caller and kept.
 */
final class Http {

    /** A caller: the body of its {@code /dev/token} request and the role profile header a user sends. */
    record Caller(String tokenRequest, String roleProfile) {
    }

    /** The answer: status and body (null when the request failed before an answer). */
    record Answer(int status, String body, String failure) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final URI base;
    private final HttpClient client;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Http(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    URI base() {
        return base;
    }

    static Caller user(String ods, String sdsUserId, String roleProfileId, String activity, String clientId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("kind", "user").put("sdsUserId", sdsUserId).put("roleProfileId", roleProfileId)
                .put("roleCode", "R8000").put("ods", ods).put("clientId", clientId).put("expiresIn", 86_400);
        body.putArray("activities").add(activity);
        return new Caller(body.toString(), roleProfileId);
    }

    static Caller patient(String nhsNumber) {
        return new Caller(JsonNodeFactory.instance.objectNode().put("kind", "patient").put("nhsNumber", nhsNumber)
                .put("expiresIn", 86_400).toString(), null);
    }

    static Caller system(String clientId) {
        return new Caller(JsonNodeFactory.instance.objectNode().put("kind", "system").put("clientId", clientId)
                .put("expiresIn", 86_400).toString(), null);
    }

    static Caller administrator() {
        return new Caller(JsonNodeFactory.instance.objectNode().put("kind", "admin").put("sdsUserId", "555000000099")
                .put("expiresIn", 86_400).toString(), null);
    }

    /** The caller's token, asked for once. */
    String token(Caller caller) {
        return tokens.computeIfAbsent(caller.tokenRequest(), body -> {
            Answer answer = send(HttpRequest.newBuilder(base.resolve("/dev/token"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json"));
            if (answer.status() != 200) {
                throw new IllegalStateException("POST /dev/token answered " + answer.status() + ": " + answer.body()
                        + (answer.failure() == null ? "" : answer.failure())
                        + " (is the service running with EPS_DEV_TOKENS=true?)");
            }
            int at = answer.body().indexOf("\"access_token\"");
            int start = answer.body().indexOf('"', answer.body().indexOf(':', at) + 1) + 1;
            return answer.body().substring(start, answer.body().indexOf('"', start));
        });
    }

    Answer post(String path, String body, String contentType, Caller caller) {
        return send(authorised(HttpRequest.newBuilder(base.resolve(path)), caller)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType));
    }

    Answer get(String path, Caller caller) {
        return send(authorised(HttpRequest.newBuilder(base.resolve(path)), caller).GET());
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request, Caller caller) {
        request.header("X-Request-ID", UUID.randomUUID().toString()).timeout(Duration.ofSeconds(60));
        if (caller != null) {
            request.header("Authorization", "Bearer " + token(caller));
            if (caller.roleProfile() != null) {
                request.header("NHSD-Session-URID", caller.roleProfile());
            }
        }
        return request;
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Answer(0, "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "interrupted");
        }
    }
}
