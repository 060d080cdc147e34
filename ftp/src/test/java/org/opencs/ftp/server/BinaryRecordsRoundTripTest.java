package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.opencs.core.SessionLimits;
import org.opencs.testkit.ExternalCommand;

/**
 * Issue 10, "binary transfers are byte-exact for every record format": z/OS sends binary records whole (SITE
 * TRAILINGBLANKS concerns text only), so what TYPE I stores into a data set comes back byte for byte: for RECFM F, FB,
 * V, VB and U at several LRECLs, with and without TRAILINGBLANKS. Fixed records are filled to LRECL on the way in
 * (z/OS pads the last record with x'00'), so fixed-format content is a whole number of records here. Apache Commons
 * Net is the client of the property; curl replays the issue's own example.
 */
class BinaryRecordsRoundTripTest {
    /** The servers' logs, checked when the container ends (jqwik runs no JUnit extensions). */
    private static final FtpServerLog LOG = new FtpServerLog();
    private static FtpTestSystem system;
    private static FtpServer server;
    private static int counter;
    /** One logged-on client for every try: a logon's password hash would dominate the run otherwise. */
    private static FTPClient ftp;

    @BeforeContainer
    static void start() throws Exception {
        system = FtpTestSystem.temporary("ftp-binary");
        server = system.serve(LOG, 30, new SessionLimits(0, 0), "SECURE_FTP ALLOWED", "SECURE_DATACONN CLEAR", "INACTIVE 0",
                "STARTDIRECTORY MVS");
        ftp = new FTPClient();
        ftp.connect("127.0.0.1", server.port());
        assertThat(ftp.login("USER1", "user1pw")).isTrue();
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.enterLocalPassiveMode();
    }

    @AfterContainer
    static void stop() throws IOException {
        ftp.disconnect();
        system.close();
        LOG.assertReadable();
    }

    record Case(String recfm, int lrecl, boolean trailingBlanks, byte[] content) {
        @Override
        public String toString() {
            return "RECFM=" + recfm + " LRECL=" + lrecl + (trailingBlanks ? " TRAILINGBLANKS" : "") + " " + content.length
                    + " bytes";
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> recfm = Arbitraries.of("F", "FB", "V", "VB", "U");
        Arbitrary<Integer> lrecl = Arbitraries.of(1, 8, 80, 133, 256);
        Arbitrary<Boolean> blanks = Arbitraries.of(true, false);
        // Bytes rich in x'40' (EBCDIC blank) and x'00' at the ends, where stripping and padding would show.
        Arbitrary<Byte> aByte = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.bytes()), net.jqwik.api.Tuple.of(3, Arbitraries.just((byte) 0x40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((byte) 0x00)));
        return Combinators.combine(recfm, lrecl, blanks, Arbitraries.integers().between(0, 12), aByte.list().ofMaxSize(300))
                .as((r, l, b, records, bytes) -> {
                    byte[] content;
                    if (r.startsWith("F")) {
                        content = new byte[records * l];
                        for (int i = 0; i < content.length; i++) {
                            content[i] = bytes.isEmpty() ? 0x40 : bytes.get(i % bytes.size());
                        }
                    } else {
                        content = new byte[bytes.size()];
                        for (int i = 0; i < content.length; i++) {
                            content[i] = bytes.get(i);
                        }
                    }
                    return new Case(r, r.startsWith("V") ? l + 4 : l, b, content);
                });
    }

    @Property(tries = 80)
    void whatTypeIStoresComesBackByteForByte(@ForAll("cases") Case c) throws IOException {
        String name = "'USER1.BIN" + (++counter) + "'";
        String site = "RECFM=" + c.recfm() + " LRECL=" + c.lrecl() + " BLKSIZE=" + (c.recfm().equals("U") ? 6144
                : c.recfm().endsWith("B") ? c.lrecl() * 10 + (c.recfm().startsWith("V") ? 4 : 0) : c.lrecl()
                + (c.recfm().startsWith("V") ? 4 : 0)) + (c.trailingBlanks() ? " TRAILINGBLANKS" : " NOTRAILINGBLANKS");
        assertThat(ftp.sendSiteCommand(site)).as(ftp.getReplyString()).isTrue();
        assertThat(ftp.storeFile(name, new ByteArrayInputStream(c.content()))).as(ftp.getReplyString()).isTrue();
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile(name, back)).as(ftp.getReplyString()).isTrue();
        assertThat(back.toByteArray()).as("%s", c).isEqualTo(c.content());
    }

    /** The issue's example with curl: 160 bytes into FB 80, records ending in blanks, all 160 come back. */
    @Example
    void theIssuesFb80ExampleWithCurl() throws IOException {
        byte[] content = new byte[160];
        java.util.Arrays.fill(content, (byte) 0x40);
        java.util.Arrays.fill(content, 0, 10, (byte) 0x01);
        java.util.Arrays.fill(content, 80, 85, (byte) 0x02);
        Path dir = system.registry.home().root().getParent();
        Files.write(dir.resolve("fb80.bin"), content);
        String url = "ftp://127.0.0.1:" + server.port() + "/%27USER1.FB80%27";
        var up = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--user", "USER1:user1pw", "--ftp-method",
                "nocwd", "-Q", "SITE RECFM=FB LRECL=80 BLKSIZE=800", "-T", "fb80.bin", url));
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        var down = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--user", "USER1:user1pw", "--ftp-method",
                "nocwd", url));
        assertThat(down.exitCode()).as(down.stderr()).isZero();
        assertThat(down.stdoutBytes()).isEqualTo(content);
    }
}
