package org.opencs.web;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;

/**
 * A route: method and path (a path ending in "/" matches every path under it, e.g. "/assets/"), whether it needs a
 * session, and what answers it. Routes that need a session send a browser without one to /login (303); their
 * state-changing requests need the session's CSRF token.
 */
public record Route(HttpMethod method, String path, Access access, Handler handler) {
    /** Who may use a route. */
    public enum Access { PUBLIC, SESSION }

    /** What answers a request; it may block (it runs on the worker pool, not the event loop). */
    @FunctionalInterface
    public interface Handler {
        FullHttpResponse handle(Exchange exchange) throws Exception;
    }

    boolean matches(String requestPath) {
        return path.endsWith("/") && path.length() > 1 ? requestPath.startsWith(path) && requestPath.length() > path.length()
                : path.equals(requestPath);
    }
}
