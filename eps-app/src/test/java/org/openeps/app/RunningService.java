package org.openeps.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.openeps.adapters.persistence.DatabaseSettings;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.adapters.persistence.directory.DirectoryCsv;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole service running for a test: a new database of its own, the real HTTP server on a free port, and a
 * client that talks to it over a socket.
 */
final class RunningService implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path EXAMPLES = Path.of(System.getProperty("eps.examples.dir", "../examples/eps-fhir-examples"));

    private final EpsService service;
    private final Optional<DatabaseSettings> database;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private RunningService(EpsService service, Optional<DatabaseSettings> database) {
        this.service = service;
        this.database = database;
    }

    /**
     * The service on a new test database, its organisation directory loaded from the sample shipped with the service
     * (as the embedded default does on its first start), so that prescriptions naming the examples' dispensers pass
     * the nominated-dispenser rule.
     */
    static RunningService start(Clock clock) {
        return start(clock, UnaryOperator.identity());
    }

    /** The same, with settings changed, e.g. another key source or rate limit. */
    static RunningService start(Clock clock, UnaryOperator<Configuration> settings) {
        DatabaseSettings database = TestDatabases.create();
        Configuration configuration = Configuration.of(0, Optional.of(database), Path.of("unused"))
                .withDirectoryFile(sampleDirectoryFile());
        return new RunningService(EpsService.start(settings.apply(configuration), clock), Optional.of(database));
    }

    /** The default set-up a new user starts with: nothing configured, the embedded PostgreSQL in a data directory. */
    static RunningService embedded(Path dataDirectory) {
        return new RunningService(EpsService.start(Configuration.of(0, Optional.empty(), dataDirectory),
                Clock.systemUTC()), Optional.empty());
    }

    private static Path sampleDirectoryFile() {
        try {
            Path file = Files.createTempFile("eps-directory-sample", ".csv");
            file.toFile().deleteOnExit();
            return Files.writeString(file, DirectoryCsv.sample());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunningService start() {
        return start(Clock.systemUTC());
    }

    /** Empties the store, so that the next example finds its prescription ID new. */
    void reset() {
        execute("truncate prescription, recorded_reply cascade");
    }

    /** How to reach the service's database, for tests that read it through a persistence adapter. */
    DatabaseSettings databaseSettings() {
        return database.orElseThrow();
    }

    /** Runs SQL straight on the service's database, as an operator (or an intruder) with a database session could. */
    void execute(String sql) {
        DatabaseSettings database = this.database.orElseThrow();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number a counting query on the service's database answers, as an operator would read it. */
    long count(String sql) {
        DatabaseSettings database = this.database.orElseThrow();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the time-driven work now, batch after batch, as the scheduler would. */
    void runScheduledWork() {
        while (service.runScheduledWork(100).changed() == 100) {
            // another batch is due
        }
    }

    HttpResponse<String> postMessage(byte[] body) {
        return post("/FHIR/R4/$process-message", body, "application/fhir+json", UUID.randomUUID().toString());
    }

    /** Posts as the caller the request names (see {@link MessageCallers}). */
    HttpResponse<String> post(String path, byte[] body, String contentType, String requestId) {
        return post(path, body, contentType, requestId, MessageCallers.callerFor("POST", path, body));
    }

    HttpResponse<String> post(String path, byte[] body, String contentType, String requestId, ObjectNode caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (requestId != null) {
            request.header("X-Request-ID", requestId);
        }
        return send(authorised(request, caller).build());
    }

    /** Reads as a dispensing user, or under {@code /api/admin/} as an administrator. */
    HttpResponse<String> get(String path) {
        return get(path, MessageCallers.callerFor("GET", path, null));
    }

    HttpResponse<String> get(String path, ObjectNode caller) {
        return send(authorised(HttpRequest.newBuilder(uri(path)).header("X-Request-ID", UUID.randomUUID().toString()),
                caller).GET().build());
    }

    /** Adds the access token of a caller (a {@code /dev/token} request body), and a user's role profile header. */
    HttpRequest.Builder authorised(HttpRequest.Builder request, ObjectNode caller) {
        request.header("Authorization", "Bearer " + token(caller));
        MessageCallers.roleProfile(caller).ifPresent(role -> request.header("NHSD-Session-URID", role));
        return request;
    }

    /** A development token for a caller, asked of the service once and kept. */
    String token(ObjectNode caller) {
        return tokens.computeIfAbsent(caller.toString(), body -> {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/dev/token"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").build());
            if (response.statusCode() != 200) {
                throw new AssertionError("POST /dev/token answered " + response.statusCode() + ": " + response.body());
            }
            return json(response.body()).path("access_token").asString();
        });
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    /** The Task search result for one prescription ID. */
    JsonNode taskFor(String prescriptionId) {
        HttpResponse<String> response = get("/FHIR/R4/Task?focus:identifier=" + URLEncoder.encode(prescriptionId, StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new AssertionError("Task search answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static byte[] example(String relativePath) {
        try {
            return Files.readAllBytes(EXAMPLES.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException("Example " + relativePath + " not found under " + EXAMPLES.toAbsolutePath(), e);
        }
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    @Override
    public void close() {
        service.close();
    }
}
