package org.opencs.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the route of a request by path and method: a known path with another method is 405 with the allowed
 * methods, an unknown path 404. A HEAD request is answered by the GET route.
 */
public final class Router {
    /** The outcome of a lookup. */
    public sealed interface Match {
        record Found(Route route) implements Match { }
        record MethodNotAllowed(List<HttpMethod> allowed) implements Match { }
        record NotFound() implements Match { }
    }

    private final List<Route> routes;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The route for {@code method} and {@code path} (the path without its query). */
    public Match match(HttpMethod method, String path) {
        HttpMethod wanted = method.equals(HttpMethod.HEAD) ? HttpMethod.GET : method;
        List<HttpMethod> allowed = new ArrayList<>();
        for (Route route : routes) {
            if (route.matches(path)) {
                if (route.method().equals(wanted)) {
                    return new Match.Found(route);
                }
                allowed.add(route.method());
            }
        }
        return allowed.isEmpty() ? new Match.NotFound() : new Match.MethodNotAllowed(List.copyOf(allowed));
    }

    /** Whether any route for {@code path} needs no session (login page and assets): redirects never point at others. */
    public boolean isPublic(String path) {
        return routes.stream().anyMatch(r -> r.matches(path) && r.access() == Route.Access.PUBLIC);
    }
}
