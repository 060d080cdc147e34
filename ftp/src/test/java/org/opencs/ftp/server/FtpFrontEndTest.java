package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.SystemConfig;
import org.opencs.core.SystemHome;
import org.opencs.core.ZosException;

/** system.conf's proxy.protocol.from and ftp.passive.address as opencs start reads them for the FTP server. */
class FtpFrontEndTest {
    @TempDir
    Path dir;

    private SystemHome home(String... lines) throws Exception {
        SystemHome home = new SystemHome(dir);
        Files.writeString(home.systemConf(), String.join("\n", lines) + "\n");
        return home;
    }

    @Test
    void bothKeysAreKnownAndRead() throws Exception {
        SystemHome home = home("sysname=SYS1", "proxy.protocol.from=10.1.2.3, 10.9.0.0/16",
                "ftp.passive.address=192.0.2.7");
        assertThat(SystemConfig.load(home).warnings()).isEmpty();
        FtpFrontEnd frontEnd = FtpFrontEnd.load(home);
        assertThat(frontEnd.balancers().ranges()).containsExactly("10.1.2.3/32", "10.9.0.0/16");
        assertThat(frontEnd.balancers().trusts(new InetSocketAddress(InetAddress.getByName("10.9.200.1"), 1))).isTrue();
        assertThat(frontEnd.passiveAddress()).isEqualTo(InetAddress.getByName("192.0.2.7"));
    }

    @Test
    void absentKeysMeanDirectClients() throws Exception {
        FtpFrontEnd frontEnd = FtpFrontEnd.load(home("sysname=SYS1"));
        assertThat(frontEnd.balancers().enabled()).isFalse();
        assertThat(frontEnd.passiveAddress()).isNull();
    }

    @Test
    void badValuesAreOcs0006e() throws Exception {
        assertThatThrownBy(() -> FtpFrontEnd.load(home("proxy.protocol.from=lb.example.com")))
                .isInstanceOf(ZosException.class)
                .hasMessage("OCS0006E system.conf: proxy.protocol.from entry 'lb.example.com' is not an IP address or"
                        + " CIDR range (for example 10.0.0.5, 192.168.1.0/24 or 2001:db8::/32).");
        assertThatThrownBy(() -> FtpFrontEnd.load(home("ftp.passive.address=2001:db8::1")))
                .isInstanceOf(ZosException.class)
                .hasMessage("OCS0006E system.conf: ftp.passive.address '2001:db8::1' is not an IPv4 address (PASV"
                        + " replies carry one).");
    }
}
