package org.openeps.adapters.http;

import io.javalin.config.RoutesConfig;

/** One feature's endpoints; {@link HttpServer} registers every feature's routes when it starts. */
public interface Routes {

    void register(RoutesConfig routes);
}
