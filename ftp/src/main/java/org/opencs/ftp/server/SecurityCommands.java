package org.opencs.ftp.server;

import io.netty.handler.ssl.SslHandler;
import java.util.Locale;
import org.opencs.ftp.config.FtpData;

/**
 * AUTH, PBSZ, PROT and CCC (RFC 2228/4217) with z/OS's rules and replies (shared/reference/zos-ftp.md section 1.4).
 */
final class SecurityCommands {
    private final SessionState s;

    SecurityCommands(SessionState session) {
        this.s = session;
    }

    void auth(String mechanism) {
        String m = mechanism.toUpperCase(Locale.ROOT);
        if (s.implicitTls) {
            s.reply("503 Server on the TLS secure port does not accept the AUTH command");
            return;
        }
        if (s.context.tls() == null || !(m.equals("TLS") || m.equals("SSL") || m.equals("TLS-C") || m.equals("TLS-P"))) {
            s.reply("504 Security mechanism " + mechanism + " is not supported");
            return;
        }
        if (s.tls || s.cleared) {
            s.reply("503 Authentication already established");
            return;
        }
        // startTls: the 234 reply itself still goes out in the clear, everything after it is TLS.
        s.ctx.pipeline().addFirst("tls", new SslHandler(s.context.tls().newEngine(s.ctx.alloc()), true));
        s.tls = true;
        s.reply(FtpReplies.AUTH_OK);
        s.activity("EZYFS54I", "SECURE OK Mechanism=" + (m.equals("TLS-C") ? "TLS-C" : "TLS-P"));
    }

    void pbsz(String size) {
        if (!s.tls) {
            s.reply("503 PBSZ not allowed before AUTH");
            return;
        }
        s.pbsz = true;
        s.reply(FtpReplies.PBSZ_OK);
    }

    /** PROT C refused below a SAFE/PRIVATE minimum, S and E never offered under TLS, P refused under NEVER. */
    void prot(String level) {
        String l = level.trim().toUpperCase(Locale.ROOT);
        if (s.cleared) {
            s.reply("503 Command PROT rejected -- PROT not allowed after CCC");
            return;
        }
        if (!s.pbsz) {
            s.reply("503 Must first issue PBSZ");
            return;
        }
        FtpData.Protection minimum = s.context.config().secureDataconn();
        if (l.equals("P") && minimum != FtpData.Protection.NEVER) {
            s.protectData = true;
            s.reply(FtpReplies.PROT_PRIVATE);
        } else if (l.equals("C") && (minimum == FtpData.Protection.CLEAR || minimum == FtpData.Protection.NEVER)) {
            s.protectData = false;
            s.reply(FtpReplies.PROT_CLEAR);
        } else {
            s.reply(FtpReplies.PROT_REFUSED);
        }
    }

    /**
     * CCC (TLSRFCLEVEL RFC4217 or CCCNONOTIFY, SECURE_CTRLCONN CLEAR): the control connection goes back to clear
     * text after the 200 reply; data connections keep their protection. Under RFC4217 both sides exchange
     * close_notify first (the TLS layer is removed when the client's arrives); CCCNONOTIFY drops TLS at once.
     */
    void ccc() {
        FtpData config = s.context.config();
        if (s.implicitTls) {
            s.reply("534 Command ccc not allowed for connection to secure port");
            return;
        }
        if (!s.tls) {
            s.reply("533 CCC not allowed: the control connection is not protected");
            return;
        }
        if (config.secureCtrlconn() != FtpData.Protection.CLEAR || config.tlsRfcLevel().equals("DRAFT")) {
            s.reply("534 CCC not supported");
            return;
        }
        SslHandler ssl = s.ctx.pipeline().get(SslHandler.class);
        s.tls = false;
        s.cleared = true;
        s.ctx.writeAndFlush("200 CCC command successful.\r\n").addListener(f -> {
            if (config.tlsRfcLevel().equals("CCCNONOTIFY")) {
                s.ctx.pipeline().remove(ssl);
            } else {
                ssl.closeOutbound();
            }
        });
        s.activity("EZYFS54I", "SECURE OK Mechanism=CCC control connection now clear");
    }

    /** Under RFC4217, the client's close_notify after CCC: from here on the control connection is clear text. */
    void clientClosedTls() {
        SslHandler ssl = s.ctx.pipeline().get(SslHandler.class);
        if (s.cleared && ssl != null) {
            s.ctx.pipeline().remove(ssl);
        }
    }
}
