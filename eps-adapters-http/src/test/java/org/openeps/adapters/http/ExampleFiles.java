package org.openeps.adapters.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.openeps.adapters.http.fhir.MessageBundle;
import tools.jackson.databind.JsonNode;

/** The published EPS example messages, read from the repository's copy of the corpus. */
public final class ExampleFiles {

    /** The corpus, relative to the module directory Maven runs the tests in. */
    public static final Path DIR = Path.of("../examples/eps-fhir-examples");

    private static final FhirJson JSON = new FhirJson();

    private ExampleFiles() {
    }

    /** The example at {@code relative} (e.g. {@code release/nominated-release-req.json}) as JSON. */
    public static JsonNode json(String relative) {
        return JSON.parse(bytes(relative));
    }

    /** The example at {@code relative} as a message Bundle. */
    public static MessageBundle message(String relative) {
        return MessageBundle.of(json(relative));
    }

    /** The example as text, exactly as published. */
    public static String text(String relative) {
        return FhirJson.text(bytes(relative));
    }

    /** The request examples ({@code *-req.json}) of a folder, as paths relative to the corpus. */
    public static List<String> requests(String folder) {
        try (Stream<Path> files = Files.list(DIR.resolve(folder))) {
            return files.map(path -> folder + "/" + path.getFileName())
                    .filter(name -> name.endsWith("-req.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(DIR.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
