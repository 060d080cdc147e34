package org.opencs.web;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Static files served from the jar ({@code org/opencs/web/assets/}): style sheets, scripts and images written for
 * OpenCS, nothing fetched at run time. A name is one path segment of letters, digits and dashes with a known
 * extension, so no request reaches outside the folder.
 */
public final class Assets {
    /** The URL path under which the assets are served. */
    public static final String PREFIX = "/assets/";
    private static final String FOLDER = "/org/opencs/web/assets/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}\\.(css|js|svg|png|html)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "html", "text/html; charset=utf-8");

    private Assets() {
    }

    /** The bytes of asset {@code name} from the jar, or empty for a name that is not an asset. */
    public static Optional<byte[]> read(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try (InputStream in = Assets.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response for URL path {@code path} under {@link #PREFIX}: the asset, or 404. */
    public static FullHttpResponse serve(String path) {
        String name = path.substring(PREFIX.length());
        Optional<byte[]> bytes = read(name);
        if (bytes.isEmpty()) {
            return Responses.text(HttpResponseStatus.NOT_FOUND, "Not found\n");
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        FullHttpResponse response = Responses.bytes(HttpResponseStatus.OK, TYPES.get(extension), bytes.get());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        return response;
    }
}
