package org.opencs.ftp.server;

import io.netty.channel.EventLoopGroup;
import org.opencs.pki.tls.SessionReuseTls;
import org.opencs.ftp.config.FtpData;
import org.opencs.ftp.jes.JobEntrySubsystem;
import org.opencs.saf.Registry;

/**
 * What every session of one server shares: configuration, registry, the TLS contexts (data connections resume the
 * control connection's session: {@link SessionReuseTls}), the data connections' event loops and the activity log,
 * how long a data connection may take to arrive or stall (seconds), and the server log (OCSFnnn lines for the
 * operator, each naming the session and the client and giving the reason in words); the JES interface
 * ({@link JobEntrySubsystem}, null when the server has none: SITE FILETYPE=JES is then refused) and the threads
 * that wait for jobs to end (JESGETBYDSN), so a wait of minutes holds no session executor; and the writer of the
 * general trace lines ({@link FtpTrace}: FTP.DATA DEBUG, SITE DEBUG=); what stands in front of the server
 * ({@link FtpFrontEnd}: PROXY protocol balancers, the PASV reply's address); and the node's live sessions
 * ({@link org.opencs.core.sessions.LiveSessions}: the console lists and ends them).
 */
record FtpSessionContext(FtpData config, Registry registry, SessionReuseTls tls, EventLoopGroup dataGroup,
                         FtpActivityLog activity, int dataTimeoutSeconds, org.slf4j.Logger log, JobEntrySubsystem jes,
                         java.util.concurrent.Executor jesWaits, FtpTrace trace,
                         FtpFrontEnd frontEnd, org.opencs.core.sessions.LiveSessions live) {
}
