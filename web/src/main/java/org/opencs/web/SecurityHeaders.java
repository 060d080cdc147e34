package org.opencs.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Adds the security headers to every response, whichever handler wrote it (pages, assets, errors of the codec):
 * a Content-Security-Policy that allows scripts from this server's files only (no inline script, no plug-ins, no
 * framing, no base URI), nosniff, no referrer, and HSTS. Cache-Control {@code no-store} unless the response set
 * its own (assets).
 */
public final class SecurityHeaders extends ChannelOutboundHandlerAdapter {
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response) {
            apply(response.headers());
        }
        super.write(ctx, msg, promise);
    }

    /** Sets the headers on {@code headers}. */
    public static void apply(HttpHeaders headers) {
        headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY");
        headers.set("Strict-Transport-Security", "max-age=31536000");
        if (!headers.contains(HttpHeaderNames.CACHE_CONTROL)) {
            headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        }
    }
}
