package org.opencs.ftp.server;

import io.netty.channel.EventLoopGroup;
import org.opencs.pki.tls.SessionReuseTls;
import org.opencs.ftp.config.FtpData;
import org.opencs.saf.Registry;

/**
 * What every session of one server shares: configuration, registry, the TLS contexts (data connections resume the
 * control connection's session: {@link SessionReuseTls}), the data connections' event loops and
 * the activity log, and how long a data connection may take to arrive or stall (seconds).
 */
record FtpSessionContext(FtpData config, Registry registry, SessionReuseTls tls, EventLoopGroup dataGroup,
                         FtpActivityLog activity, int dataTimeoutSeconds) {
}
