package org.opencs.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;

/**
 * Cross-site request forgery protection: a state-changing request (POST, PUT, PATCH, DELETE) must carry the session's
 * token in the form field {@value #FIELD} or the header {@value #HEADER}; without it (or with another) it changes
 * nothing and gets 403 (OWASP's synchronizer token pattern).
 */
public final class Csrf {
    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    /** Whether requests with {@code method} change state and so need the token. */
    public static boolean changesState(HttpMethod method) {
        return method.equals(HttpMethod.POST) || method.equals(HttpMethod.PUT) || method.equals(HttpMethod.PATCH)
                || method.equals(HttpMethod.DELETE);
    }

    /**
     * Whether the request carries {@code expected}: in the header (null when absent) or as the one value of the form
     * field (several values never pass).
     */
    public static boolean carries(String expected, String header, Map<String, List<String>> form) {
        if (header != null) {
            return Tokens.same(expected, header);
        }
        List<String> values = form.get(FIELD);
        return values != null && values.size() == 1 && Tokens.same(expected, values.get(0));
    }
}
