package org.opencs.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.opencs.saf.Registry;
import org.slf4j.Logger;

/**
 * The terminal's WebSocket, {@value #PATH}: the upgrade is allowed only with a live session cookie, the session's
 * CSRF token as the query parameter {@code csrf} and an Origin that is this server (https://Host); otherwise 403 and
 * nothing opens. Once upgraded, the connection's idle timer is removed (the TN3270E port's INACTIVE governs), a
 * {@link TerminalSession} is opened for the web user, screens go out as text frames and key messages come in.
 */
public final class TerminalSocket extends ChannelInboundHandlerAdapter {
    public static final String PATH = "/terminal/ws";
    private static final int MAX_FRAME = 64 * 1024;

    private final SessionStore sessions;
    private final TerminalHost host;
    private final Registry registry;
    private final ExecutorService terminals;
    private final Logger log;

    public TerminalSocket(SessionStore sessions, TerminalHost host, Registry registry, ExecutorService terminals,
                          Logger log) {
        this.sessions = sessions;
        this.host = host;
        this.registry = registry;
        this.terminals = terminals;
        this.log = log;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || !new QueryStringDecoder(request.uri()).path().equals(PATH)) {
            ctx.fireChannelRead(msg);
            return;
        }
        WebSession session = sessions.find(SessionCookies.value(request, SessionCookies.SESSION)).orElse(null);
        String refusal = refusal(request, session);
        if (refusal != null) {
            ReferenceCountUtil.release(request);
            ctx.writeAndFlush(Responses.text(HttpResponseStatus.FORBIDDEN, refusal))
                    .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
            return;
        }
        var config = WebSocketServerProtocolConfig.newBuilder().websocketPath(PATH).checkStartsWith(true)
                .maxFramePayloadLength(MAX_FRAME).handshakeTimeoutMillis(10_000).build();
        ctx.pipeline().addAfter(ctx.name(), "ws", new WebSocketServerProtocolHandler(config));
        ctx.pipeline().addAfter("ws", "terminal", new Frames(session,
                TerminalModel.parse(new QueryStringDecoder(request.uri()).parameters().get("model"))));
        if (ctx.pipeline().get("idle") != null) {
            ctx.pipeline().remove("idle");
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(request);
    }

    /** Why the upgrade is refused (an OCSWnnn text), or null. */
    static String refusal(FullHttpRequest request, WebSession session) {
        if (session == null) {
            return "OCSW035E The terminal needs a logon: open /login first.\n";
        }
        List<String> csrf = new QueryStringDecoder(request.uri()).parameters().get("csrf");
        if (csrf == null || csrf.size() != 1 || !MessageDigest.isEqual(csrf.get(0).getBytes(StandardCharsets.US_ASCII),
                session.csrfToken().getBytes(StandardCharsets.US_ASCII))) {
            return "OCSW010E The request was refused: it does not carry this session's CSRF token. Reload the page.\n";
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        String hostHeader = request.headers().get(HttpHeaderNames.HOST);
        if (origin == null || hostHeader == null || !origin.equalsIgnoreCase("https://" + hostHeader)) {
            return "OCSW036E The terminal was opened from another site (Origin " + origin + "); it was refused.\n";
        }
        try {
            TerminalModel.parse(new QueryStringDecoder(request.uri()).parameters().get("model"));
        } catch (org.opencs.core.ZosException e) {
            return e.getMessage() + "\n";
        }
        return null;
    }

    /** The frames of one upgraded connection. */
    private final class Frames extends ChannelInboundHandlerAdapter {
        private final WebSession web;
        private final int model;
        private final TerminalJson json = new TerminalJson();
        private volatile TerminalSession terminal;

        Frames(WebSession web, int model) {
            this.web = web;
            this.model = model;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                var channel = ctx.channel();
                terminals.execute(() -> {
                    try {
                        TerminalSession opened = TerminalSession.open(host, registry, web, json,
                                text -> channel.writeAndFlush(new TextWebSocketFrame(text)), terminals, model);
                        terminal = opened;
                        if (!channel.isActive()) {
                            opened.close();
                        }
                    } catch (java.io.IOException | RuntimeException e) {
                        log.warn("OCSW037E Web terminal for {} from {} could not reach the TN3270E port {}: {}",
                                web.userid(), web.client(), host.port(), e.getMessage());
                        channel.writeAndFlush(new TextWebSocketFrame(json.write(new TerminalJson.Status(
                                "OCSW037E The host cannot be reached: " + e.getMessage()))));
                        channel.close();
                    }
                });
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof TextWebSocketFrame frame) {
                    String text = frame.text();
                    TerminalSession session = terminal;
                    if (session == null) {
                        if (sessions.find(web.id()).isEmpty()) {
                            ctx.close();
                        }
                    } else {
                        // logged off, idle or its user revoked since logon (the look-up ends the web session then,
                        // WEB_LOGOFF REVOKED): the terminal ends with the session. The look-up asks the registry, so
                        // it runs on the terminal pool, not the connection's event loop.
                        terminals.execute(() -> {
                            if (sessions.find(web.id()).isEmpty()) {
                                ctx.close();
                            } else {
                                session.keys(text);
                            }
                        });
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            TerminalSession session = terminal;
            if (session != null) {
                session.close();
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("OCSW015I Web terminal connection from {} closed: {}", web.client(), cause.toString());
            ctx.close();
        }
    }
}
