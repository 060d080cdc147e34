package org.opencs.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencs.pki.net.Endpoints;
import org.slf4j.Logger;

/**
 * Answers one aggregated request: finds its route, its session (from the cookie), sends a browser without a session
 * to /login (303) for every path but the public ones (a session whose user was revoked since logon is ended: 403
 * OCSW043E on the API, /login with that message for pages), refuses a state-changing request without the session's CSRF
 * token (403, nothing changed), decodes a form body and calls the route. Runs on the worker pool: routes may block.
 */
public final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Router router;
    private final SessionStore sessions;
    private final Logger log;

    public RequestHandler(Router router, SessionStore sessions, Logger log) {
        this.router = router;
        this.sessions = sessions;
        this.log = log;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        FullHttpResponse response;
        if (!request.decoderResult().isSuccess()) {
            response = Responses.text(HttpResponseStatus.BAD_REQUEST, "OCSW011E The request is not valid HTTP.\n");
        } else {
            response = answer(ctx, request);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        }
    }

    private FullHttpResponse answer(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        SessionStore.Lookup lookup = sessions.look(SessionCookies.value(request, SessionCookies.SESSION));
        WebSession session = lookup instanceof SessionStore.Lookup.Live live ? live.session() : null;
        Router.Match match = router.match(request.method(), path);
        if (lookup instanceof SessionStore.Lookup.Revoked revoked && !router.isPublic(path)) {
            // revoked since logon: the session has just been ended (WEB_LOGOFF REVOKED); say why
            FullHttpResponse response = path.startsWith("/api/")
                    ? Responses.json(HttpResponseStatus.FORBIDDEN,
                            Map.of("message", LoginService.revokedMessage(revoked.userid())))
                    : Responses.seeOther("/login?revoked=" + revoked.userid());
            response.headers().add(HttpHeaderNames.SET_COOKIE, SessionCookies.clear(SessionCookies.SESSION));
            return response;
        }
        if (session == null && !router.isPublic(path)) {
            return Responses.seeOther("/login");
        }
        if (match instanceof Router.Match.NotFound) {
            return Responses.text(HttpResponseStatus.NOT_FOUND, "OCSW012E " + path + " is not a page of this server.\n");
        }
        if (match instanceof Router.Match.MethodNotAllowed notAllowed) {
            FullHttpResponse response = Responses.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "OCSW013E " + request.method() + " is not allowed here.\n");
            response.headers().set(HttpHeaderNames.ALLOW,
                    notAllowed.allowed().stream().map(Object::toString).collect(Collectors.joining(", ")));
            return response;
        }
        Route route = ((Router.Match.Found) match).route();
        Map<String, List<String>> form = form(request);
        if (route.access() == Route.Access.SESSION && Csrf.changesState(request.method())
                && !Csrf.carries(session.csrfToken(), request.headers().get(Csrf.HEADER), form)) {
            return WebApp.forbidden();
        }
        String client = Endpoints.client(ctx.channel()).getAddress().getHostAddress();
        try {
            return route.handler().handle(new Exchange(request, form, session, client, peerCertificate(ctx)));
        } catch (Exception e) {
            log.error("OCSW014E {} {} failed: {}", request.method(), path, e.toString());
            return Responses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    "OCSW014E The server could not answer this request; the system log tells why.\n");
        }
    }

    /** The client certificate the TLS handshake verified, or null when the browser sent none. */
    private static java.security.cert.X509Certificate peerCertificate(ChannelHandlerContext ctx) {
        io.netty.handler.ssl.SslHandler tls = ctx.pipeline().get(io.netty.handler.ssl.SslHandler.class);
        if (tls == null) {
            return null;
        }
        try {
            var chain = tls.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof java.security.cert.X509Certificate x509 ? x509 : null;
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** The fields of an application/x-www-form-urlencoded body (UTF-8), else none. */
    private static Map<String, List<String>> form(FullHttpRequest request) {
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        String body = request.content().toString(StandardCharsets.UTF_8);
        return new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("OCSW015I Web connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
