package org.opencs.ftp.client;

import java.util.Locale;
import org.opencs.ftp.config.FtpData;

/**
 * What the batch client does at connect, from its start options and its FTP.DATA (start options win, as on z/OS):
 * {@code mechanism} "TLS" or null, {@code required} whether a failed AUTH ends the session (-r TLS or SECURE_FTP
 * REQUIRED), the PROT level from SECURE_DATACONN, and whether to stop at the first failing subcommand ((EXIT, -e,
 * CLIENTEXIT TRUE).
 */
public record ClientSettings(String mechanism, boolean required, FtpData.Protection dataProtection, boolean exitOnError,
                             int timeoutSeconds) {

    /** From FTP.DATA and the -a / -r options (null when not given). */
    public static ClientSettings of(FtpData config, String tryMechanism, String requireMechanism, boolean exitOnError) {
        String fromFile = config.other().get("SECURE_MECHANISM");
        String mechanism = requireMechanism != null ? requireMechanism : tryMechanism != null ? tryMechanism : fromFile;
        if (mechanism != null && mechanism.equalsIgnoreCase("NEVER")) {
            mechanism = null;
        }
        boolean required = requireMechanism != null || (mechanism != null && config.secureFtp() == FtpData.SecureFtp.REQUIRED);
        boolean clientExit = "TRUE".equalsIgnoreCase(config.other().getOrDefault("CLIENTEXIT", "FALSE"));
        return new ClientSettings(mechanism == null ? null : mechanism.toUpperCase(Locale.ROOT), required,
                config.secureDataconn(), exitOnError || clientExit, Math.max(30, config.tlsTimeout()));
    }
}
