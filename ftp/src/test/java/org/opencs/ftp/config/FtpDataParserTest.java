package org.opencs.ftp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.opencs.core.ZosException;

/** The seed's two server FTP.DATA files parse as printed; bad values name their line and column. */
class FtpDataParserTest {
    private static String seed(String name) throws IOException {
        try (InputStream in = FtpDataParserTest.class.getResourceAsStream("/seed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void seedServerAuthenticationFile() throws IOException {
        FtpDataParser.Result result = FtpDataParser.parse(seed("FTP.DATA.serverauth"), "FTP.DATA");
        FtpData config = result.config();
        assertThat(result.warnings()).isEmpty();
        assertThat(config.tlsEnabled()).isTrue();
        assertThat(config.secureFtp()).isEqualTo(FtpData.SecureFtp.REQUIRED);
        assertThat(config.secureLogin()).isEqualTo(FtpData.SecureLogin.NO_CLIENT_AUTH);
        assertThat(config.secureCtrlconn()).isEqualTo(FtpData.Protection.PRIVATE);
        assertThat(config.secureDataconn()).isEqualTo(FtpData.Protection.PRIVATE);
        assertThat(config.securePbsz()).isEqualTo(16384);
        assertThat(config.keyring()).isEqualTo("/u/user1/SSLCasel/abckey.kdb");
        assertThat(config.tlsTimeout()).isEqualTo(100);
        assertThat(config.ftpLogging()).isTrue();
        assertThat(config.cipherSuites()).isEmpty();
    }

    @Test
    void seedClientAuthenticationFileRefusesItsObsoleteCiphersLoudly() throws IOException {
        FtpDataParser.Result result = FtpDataParser.parse(seed("FTP.DATA.clientauth"), "FTP.DATA");
        assertThat(result.config().secureLogin()).isEqualTo(FtpData.SecureLogin.VERIFY_USER);
        assertThat(result.config().keyring()).isEqualTo("TCPRING");
        assertThat(result.config().cipherSuites()).isEmpty();
        assertThat(result.warnings()).hasSize(6).allSatisfy(w -> assertThat(w).startsWith("OCSF010W").contains("NOT enabled"));
        assertThat(result.warnings().get(1)).contains("SSL_RC4_MD5 (TLS_RSA_WITH_RC4_128_MD5) on line 32");

        FtpDataParser.Result insecure = FtpDataParser.parse(seed("FTP.DATA.clientauth") + "OPENCS_INSECURE_CIPHERSUITES TRUE\n",
                "FTP.DATA");
        assertThat(insecure.config().cipherSuites()).contains("TLS_RSA_WITH_3DES_EDE_CBC_SHA").hasSize(6);
        assertThat(insecure.warnings()).allSatisfy(w -> assertThat(w).startsWith("OCSF011W").contains("IS ENABLED"));
    }

    @Test
    void defaultsFollowIbm() {
        FtpData config = FtpDataParser.parse("", "FTP.DATA").config();
        assertThat(config.tlsEnabled()).isFalse();
        assertThat(config.secureFtp()).isEqualTo(FtpData.SecureFtp.ALLOWED);
        assertThat(config.secureDataconn()).isEqualTo(FtpData.Protection.CLEAR);
        assertThat(config.tlsTimeout()).isEqualTo(100);
        assertThat(config.startDirectory()).isEqualTo(FtpData.StartDirectory.MVS);
        FtpDataParser.Result optional = FtpDataParser.parse("SECURE_PASSWORD OPTIONAL\n", "FTP.DATA");
        assertThat(optional.config().effectivePasswordRule()).isEqualTo(FtpData.SecurePassword.REQUIRED);
        assertThat(optional.warnings()).anySatisfy(w -> assertThat(w).contains("SECURE_PASSWORD OPTIONAL is ignored"));
    }

    @Test
    void unknownStatementsWarnAndBadValuesFailWithTheirPosition() {
        FtpDataParser.Result result = FtpDataParser.parse("EXTENSIONS AUTH_TLS\nFROBNICATE 1\nTRAILINGBLANKS TRUE\n", "FTP.DATA");
        assertThat(result.warnings()).containsExactly("EZYFT47I Unknown statement FROBNICATE on line 2 of FTP.DATA is ignored.");
        assertThat(result.config().other()).containsEntry("TRAILINGBLANKS", "TRUE");
        assertThatThrownBy(() -> FtpDataParser.parse("EXTENSIONS AUTH_TLS\nSECURE_FTP  MAYBE\n", "FTP.DATA"))
                .hasMessage("EZYFT46E Error in 'FTP.DATA' file: line 2 near column 13: SECURE_FTP must be one of "
                        + "ALLOWED, REQUIRED, not MAYBE.");
        assertThatThrownBy(() -> FtpDataParser.parse("TLSTIMEOUT 99999\n", "FTP.DATA")).hasMessageContaining("line 1")
                .hasMessageContaining("0 to 86400");
        assertThatThrownBy(() -> FtpDataParser.parse("KEYRING\n", "FTP.DATA")).hasMessageContaining("KEYRING needs a value");
        assertThatThrownBy(() -> FtpDataParser.parse("SECURE_FTP REQUIRED\n", "FTP.DATA"))
                .hasMessageContaining("SECURE_FTP REQUIRED needs EXTENSIONS AUTH_TLS");
        assertThatThrownBy(() -> FtpDataParser.parse("CIPHERSUITE SSL_BOGUS\n", "FTP.DATA"))
                .hasMessageContaining("CIPHERSUITE SSL_BOGUS is not known");
        assertThat(FtpDataParser.parse("PASSIVEDATAPORTS (50000,50010)\n", "FTP.DATA").config().passiveDataPorts())
                .containsExactly(50000, 50010);
    }

    @Property(tries = 300)
    void anyTextParsesOrFailsWithAMessage(@ForAll String text) {
        try {
            FtpDataParser.parse(text, "FTP.DATA");
        } catch (ZosException expected) {
            assertThat(expected.messageId()).isEqualTo("EZYFT46E");
        }
    }
}
