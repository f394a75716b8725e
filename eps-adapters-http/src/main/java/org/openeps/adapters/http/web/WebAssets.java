package org.openeps.adapters.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.openeps.adapters.http.HttpError;
import org.openeps.adapters.http.Routes;

/**
 * The web pages' static files under {@code /assets/}: the NHS design system (nhsuk-frontend) and this service's
 * own style sheet and script, built by {@code src/main/frontend/build.mjs} into the jar. They are read into memory at
 * start (a few hundred kilobytes). Files named by version or content hash are cached by browsers for a year; the
 * design system's images, whose names it fixes, for a day.
 */
public final class WebAssets implements Routes {

    private static final String BASE = "openeps-web/";
    private static final String PATH = "/assets/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String A_DAY = "public, max-age=86400";
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/manifest+json");

    private final Map<String, String> names;
    private final Map<String, Asset> files;

    private WebAssets(Map<String, String> names, Map<String, Asset> files) {
        this.names = names;
        this.files = files;
    }

    /** Reads the built files from the class path; fails when the module was built without its front end. */
    public static WebAssets load() {
        Properties properties = new Properties();
        try (InputStream in = resource("assets.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> names = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> names.put(name, properties.getProperty(name)));
        Set<String> versioned = Set.copyOf(names.values());
        Map<String, Asset> files = new HashMap<>();
        for (String file : read("assets.list").split("\n")) {
            if (file.isBlank()) {
                continue;
            }
            String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            try (InputStream in = resource("assets/" + file)) {
                files.put(file, new Asset(in.readAllBytes(), TYPES.getOrDefault(extension, "application/octet-stream"),
                        versioned.contains(file) ? IMMUTABLE : A_DAY));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new WebAssets(Map.copyOf(names), Map.copyOf(files));
    }

    /** The URL of a built file by its logical name: {@code nhsuk.css}, {@code nhsuk.js}, {@code openeps.css}, ... */
    public String url(String logicalName) {
        String file = names.get(logicalName);
        if (file == null) {
            throw new IllegalArgumentException("No web asset " + logicalName);
        }
        return PATH + file;
    }

    /** The version of the NHS design system the pages use. */
    public String designSystemVersion() {
        return names.getOrDefault("nhsuk-frontend.version", "unknown");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH + "<file>", this::serve);
    }

    private void serve(Context ctx) {
        Asset asset = files.get(ctx.pathParam("file"));
        if (asset == null) {
            throw new HttpError(404, "not-found", "NOT_FOUND", "No such file");
        }
        ctx.header("Cache-Control", asset.cacheControl())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(asset.contentType())
                .result(asset.content());
    }

    private static InputStream resource(String name) {
        InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("The web pages' assets (" + BASE + name + ") are missing from the class"
                    + " path: build eps-adapters-http with Maven, which builds them with Node.js");
        }
        return in;
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Asset(byte[] content, String contentType, String cacheControl) {
    }
}
