package org.opencs.ftp.server;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import org.opencs.ftp.config.FtpData;
import org.opencs.saf.Registry;

/** What every session of one server shares: configuration, registry, TLS context and the data connections' loops. */
record FtpSessionContext(FtpData config, Registry registry, SslContext tls, EventLoopGroup dataGroup) {
}
