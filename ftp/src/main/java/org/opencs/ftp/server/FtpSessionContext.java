package org.opencs.ftp.server;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import org.opencs.ftp.config.FtpData;
import org.opencs.saf.Registry;

/**
 * What every session of one server shares: configuration, registry, the TLS contexts of control and data
 * connections, the data connections' event loops and the activity log.
 */
record FtpSessionContext(FtpData config, Registry registry, SslContext tls, SslContext dataTls, EventLoopGroup dataGroup,
                         FtpActivityLog activity) {
}
