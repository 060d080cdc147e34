package org.opencs.ftp.server;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Reply texts as z/OS words them (shared/reference/zos-ftp.md section 1); clients match on them, keep them exact. */
final class FtpReplies {
    static final String SEND_PASSWORD = "331 Send password please.";
    static final String PASS_FAILED = "530 PASS command failed";
    static final String LOGIN_FIRST = "530 You must first login with USER and PASS.";
    static final String NOT_LOGGED_IN = "530 Not logged in.";
    static final String QUIT = "221 Quit command received. Goodbye.";
    static final String SYST = "215 UNIX is the operating system of this server. FTP Server is running on z/OS.";
    static final String SYST_MVS = "215 MVS is the operating system of this server. FTP Server is running on z/OS.";
    static final String AUTH_OK = "234 Security environment established - ready for negotiation";
    static final String PBSZ_OK = "200 Protection buffer size accepted";
    static final String PROT_PRIVATE = "200 Data connection protection set to private";
    static final String PROT_CLEAR = "200 Data connection protection set to clear";
    static final String PROT_REFUSED = "536 Data connection protection level not supported";
    static final String PROTECTED_DATA_REQUIRED = "425-Server requires protected data connection.";
    static final String TYPE_ASCII = "200 Representation type is Ascii NonPrint";
    static final String TYPE_IMAGE = "200 Representation type is Image";
    static final String LIST_STARTED = "125 List started OK";
    static final String LIST_DONE = "250 List completed successfully.";
    static final String TRANSFER_DONE = "250 Transfer completed successfully.";
    static final String NOOP = "200 OK";
    static final String CLIENT_CERTIFICATE_REQUIRED = "531 Server requires client certificate for login processing";

    private FtpReplies() {
    }

    /**
     * The multi-line banner: "220-FTPD1 IBM FTP CS OpenCS at host, hh:mm:ss on yyyy-mm-dd.", the BANNER file's lines,
     * then the idle line.
     */
    static String banner(String host, ZonedDateTime now, int inactiveSeconds, String bannerLines) {
        return "220-FTPD1 IBM FTP CS OpenCS at " + host + ", " + now.format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                + " on " + now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd")) + ".\r\n" + bannerLines
                + (inactiveSeconds == 0 ? "220 Connection will not timeout."
                : "220 Connection will close if idle for more than " + Math.max(1, inactiveSeconds / 60) + " minutes.");
    }

    static String loggedOn(String userid, String directory) {
        return "230 " + userid + " is logged on.  Working directory is \"" + directory + "\".";
    }

    static String pwd(String directory) {
        return "257 \"" + directory + "\" is the HFS working directory.";
    }

    static String cwd(String directory) {
        return "250 HFS directory " + directory + " is the current working directory";
    }

    /**
     * The reply to a session ended from the console ({@code reason}: "by ADMIN1 from the console"). IBM documents no
     * reply for this (an operator's VARY TCPIP,,DROP resets the connection without one); RFC 959 says 421 is the reply
     * to any command when the service must close the control connection, so the client hears 421 with OpenCS's
     * message OCSF040I (docs/ftp.md "Sessions ended from the console").
     */
    static String operatorEnd(String reason) {
        return "421 OCSF040I Session ended " + reason.replaceAll("[\\r\\n]", " ") + ". Closing control connection.";
    }
}
