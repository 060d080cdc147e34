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
        if (s.tls) {
            s.reply("503 Authentication already established");
            return;
        }
        // startTls: the 234 reply itself still goes out in the clear, everything after it is TLS.
        SslHandler ssl = new SslHandler(s.context.tls().newControlEngine(s.ctx.alloc()), true);
        s.ctx.pipeline().addFirst("tls", ssl);
        s.context.tls().trace().attach(s.ctx.pipeline(), ssl, "FTP control");
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
     * CCC: refused. Going back to clear text on the control connection would expose every later command, and no
     * OpenCS set-up needs it; z/OS gives the same reply when SECURE_CTRLCONN asks for protection.
     */
    void ccc() {
        s.reply(s.implicitTls ? "534 Command ccc not allowed for connection to secure port" : "534 CCC not supported");
    }
}
