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
        assertThat(result.warnings()).containsExactly("EZYFT47I Unknown statement FROBNICATE on line 2 of FTP.DATA is ignored.",
                "OCSF012W Statement TRAILINGBLANKS on line 3 of FTP.DATA is accepted but has no effect in OpenCS.");
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

    @Test
    void everyStatementIbmDocumentsIsKnownAndTheTimersGetIbmsDefaultsAndRanges() {
        String text = String.join("\n", "DATACTTIME 600", "DATAKEEPALIVE 60", "FTPKEEPALIVE 0", "CHKCONFIDENCE TRUE",
                "LISTSUBDIR TRUE", "MIGRATEVOL MIGRAT", "XLATE STANDARD", "DIRECTORY 27", "DATATIMEOUT 30", "");
        FtpDataParser.Result result = FtpDataParser.parse(text, "FTP.DATA");
        assertThat(result.warnings()).hasSize(7).noneMatch(w -> w.startsWith("EZYFT47I"))
                .contains("OCSF012W Statement XLATE on line 7 of FTP.DATA is accepted but has no effect in OpenCS.");
        assertThat(result.config().dataCtTime()).isEqualTo(600);
        assertThat(result.config().dataTimeout()).isEqualTo(30);
        assertThat(FtpDataParser.parse("", "F").config().dataCtTime()).isEqualTo(120);
        assertThat(FtpDataParser.parse("", "F").config().dataTimeout()).isEqualTo(300);
        assertThatThrownBy(() -> FtpDataParser.parse("\n\nDATACTTIME 5\n", "FTP.DATA"))
                .hasMessage("EZYFT46E Error in 'FTP.DATA' file: line 3 near column 12: DATACTTIME must be a number "
                        + "from 15 to 86400, not 5.");
        for (String statement : FtpStatements.IBM) {
            try {
                assertThat(FtpDataParser.parse(statement + " TRUE\n", "F").warnings()).noneMatch(w -> w.startsWith("EZYFT47I"));
            } catch (ZosException badValue) {
                assertThat(badValue.getMessage()).startsWith("EZYFT46E").contains(statement);
            }
        }
        // The client acts on its own statements: no "no effect" warning for them there.
        assertThat(FtpDataParser.parseClient("SECURE_MECHANISM TLS\nCLIENTEXIT TRUE\n", "F").warnings()).isEmpty();
    }

    @Test
    void aNulInAKeyringIsABadValueWithItsLineNotAnInvalidPath() {
        assertThatThrownBy(() -> FtpDataParser.parse("EXTENSIONS AUTH_TLS\nKEYRING /u/user1/abc\u0000key.kdb\n", "FTP.DATA"))
                .isInstanceOf(ZosException.class)
                .hasMessage("EZYFT46E Error in 'FTP.DATA' file: line 2 near column 21: KEYRING value "
                        + "/u/user1/abc\\x00key.kdb holds the control character x'00'.");
    }

    @Test
    void crOnlyLineEndsCountLines() {
        assertThatThrownBy(() -> FtpDataParser.parse("EXTENSIONS AUTH_TLS\rSECURE_FTP MAYBE\r", "FTP.DATA"))
                .hasMessageContaining("line 2 near column 12");
    }

    @Test
    void hugeValuesAreCutInMessages() {
        String huge = "X".repeat(100_000);
        assertThatThrownBy(() -> FtpDataParser.parse("SECURE_FTP " + huge + "\n", "FTP.DATA"))
                .hasMessageEndingWith("not " + "X".repeat(64) + "... (100000 characters).")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
        assertThat(FtpDataParser.parse(huge + "\n", "FTP.DATA").warnings()).singleElement()
                .satisfies(w -> assertThat(w.length()).isLessThan(200));
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
