package org.opencs.tn3270.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.time.Instant;
import org.opencs.core.smf.Smf119Builder;
import org.opencs.core.smf.Smf119Origin;
import org.opencs.core.smf.Smf119Subtype;
import org.opencs.core.smf.Smf119Writer;

/**
 * The port's SMF 119 records, when SMFINIT and SMFTERM ask for them ({@link org.opencs.tn3270.config.TelnetSmf}):
 * subtype 20 when a session reaches its first application (or a printer is ready), subtype 21 when it ends, with
 * IBM's fields (z/OS Communications Server: IP Programmer's Guide and Reference, "TN3270E Telnet server SNA session
 * initiation record (subtype 20)", "... termination record (subtype 21)"). OpenCS has one LU-LU session per
 * connection, so each connection has at most one pair. The writer is the Telnet server's address space
 * {@value #AS_NAME} under the servers' user ID.
 */
final class TelnetSmfRecords {
    static final String AS_NAME = "TN3270";
    private final Tn3270ServerContext context;

    TelnetSmfRecords(Tn3270ServerContext context) {
        this.context = context;
    }

    /** What a session's records tell: its LU, the application, the device type and how the session was set up. */
    record Session(String lu, String application, String deviceType, boolean tn3270e, boolean luRequested,
                   Instant started) {
    }

    void initiation(ChannelHandlerContext ctx, Session session) {
        if (!context.port().smf().init()) {
            return;
        }
        Channel channel = ctx.channel();
        new Smf119Writer(context.registry().audit()).write(builder(Smf119Subtype.TN3270_SESSION_INIT, session.started())
                .text("SMF119TN_NILU", session.lu()).text("SMF119TN_NIAppl", session.application())
                .endpoint("SMF119TN_NIRIP", "SMF119TN_NIRPort", org.opencs.pki.net.Endpoints.client(channel))
                .endpoint("SMF119TN_NILIP", "SMF119TN_NILPort", org.opencs.pki.net.Endpoints.server(channel))
                .dateTime("SMF119TN_NIDate", "SMF119TN_NITime", session.started()).build());
    }

    void termination(ChannelHandlerContext ctx, Session session, long bytesIn, long bytesOut) {
        if (!context.port().smf().term()) {
            return;
        }
        Channel channel = ctx.channel();
        Instant ended = context.registry().clock().instant();
        new Smf119Writer(context.registry().audit()).write(builder(Smf119Subtype.TN3270_SESSION_TERM, ended)
                .text("SMF119TN_NTLU", session.lu()).text("SMF119TN_NTAppl", session.application())
                .endpoint("SMF119TN_NTRIP", "SMF119TN_NTRPort", org.opencs.pki.net.Endpoints.client(channel))
                .endpoint("SMF119TN_NTLIP", "SMF119TN_NTLPort", org.opencs.pki.net.Endpoints.server(channel))
                .number("SMF119TN_NTInByte", bytesIn).number("SMF119TN_NTOutByte", bytesOut)
                .dateTime("SMF119TN_NTiDate", "SMF119TN_NTiTime", session.started())
                .dateTime("SMF119TN_NTtDate", "SMF119TN_NTtTime", ended)
                .hundredths("SMF119TN_NTDur", Duration.between(session.started(), ended))
                .number("SMF119TN_NTSType", session.tn3270e() ? 2 : 1)
                .number("SMF119TN_NTLUSel", session.luRequested() ? 1 : 0)
                .number("SMF119TN_NTSSL", ssl(ctx))
                .text("SMF119TN_NTDevt", session.deviceType()).build());
    }

    private Smf119Builder builder(Smf119Subtype subtype, Instant written) {
        var registry = context.registry();
        return Smf119Builder.of(subtype, written, Smf119Origin.of(registry.config(), AS_NAME,
                registry.config().serverUserid(), registry.clock().getZone()));
    }

    /** IBM's SSL status: 0 no TLS, 1 server authentication only, 2 server and client authentication. */
    private static int ssl(ChannelHandlerContext ctx) {
        if (ctx.pipeline().get(SslHandler.class) == null) {
            return 0;
        }
        return ConnectionFacts.peerCertificate(ctx) == null ? 1 : 2;
    }
}
