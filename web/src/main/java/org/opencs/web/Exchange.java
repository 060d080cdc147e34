package org.opencs.web;

import io.netty.handler.codec.http.FullHttpRequest;
import java.util.List;
import java.util.Map;

/**
 * One request as a route sees it: the request, its decoded form fields (application/x-www-form-urlencoded bodies;
 * empty otherwise), the session (null on public routes without one), the browser's address and the client
 * certificate its TLS handshake presented (verified against the key ring's CAs; null when none).
 */
public record Exchange(FullHttpRequest request, Map<String, List<String>> form, WebSession session, String client,
                       java.security.cert.X509Certificate certificate) {
    /** The one value of form field {@code name}, or null when absent or given more than once. */
    public String field(String name) {
        List<String> values = form.get(name);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }
}
