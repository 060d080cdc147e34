package org.opencs.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Building responses: HTML pages, plain text, JSON (through Jackson), redirects and static bytes. */
public final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    /** An HTML page (UTF-8); the caller has escaped every user-derived string ({@link Html}). */
    public static FullHttpResponse html(HttpResponseStatus status, String page) {
        return bytes(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** Plain text (UTF-8). */
    public static FullHttpResponse text(HttpResponseStatus status, String text) {
        return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code value} as JSON, written by Jackson. */
    public static FullHttpResponse json(Object value) {
        return json(HttpResponseStatus.OK, value);
    }

    /** {@code value} as JSON with {@code status}, written by Jackson. */
    public static FullHttpResponse json(HttpResponseStatus status, Object value) {
        try {
            return bytes(status, "application/json", JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a web API value cannot be written as JSON", e);
        }
    }

    /** 303 See Other to {@code location} (a path on this server). */
    public static FullHttpResponse seeOther(String location) {
        FullHttpResponse response = bytes(HttpResponseStatus.SEE_OTHER, "text/plain; charset=utf-8",
                ("See " + location + "\n").getBytes(StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.LOCATION, location);
        return response;
    }

    /** A response with {@code body} of {@code contentType}. */
    public static FullHttpResponse bytes(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
