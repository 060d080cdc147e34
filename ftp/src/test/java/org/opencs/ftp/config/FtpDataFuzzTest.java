package org.opencs.ftp.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opencs.core.ZosException;
import org.opencs.testkit.HostileText;

/**
 * Mutated FTP.DATA files (the seed's server file with bytes, NULs, line-end mixes and huge values put in): each parses
 * with clean warnings or fails with a clean EZYFT46E naming its line; never another exception.
 */
class FtpDataFuzzTest {
    @Provide
    Arbitrary<String> mutatedFtpData() {
        try (InputStream in = FtpDataFuzzTest.class.getResourceAsStream("/seed/FTP.DATA.clientauth")) {
            return HostileText.mutationsOf(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 400)
    void mutatedFilesGiveCleanWarningsOrACleanError(@ForAll("mutatedFtpData") String text) {
        for (boolean client : new boolean[] {false, true}) {
            try {
                FtpDataParser.Result result = client ? FtpDataParser.parseClient(text, "FTP.DATA")
                        : FtpDataParser.parse(text, "FTP.DATA");
                result.warnings().forEach(HostileText::assertCleanMessage);
            } catch (ZosException e) {
                HostileText.assertCleanMessage(e.getMessage());
                org.assertj.core.api.Assertions.assertThat(e.messageId()).isEqualTo("EZYFT46E");
            }
        }
    }
}
