package org.opencs.tn3270.config;

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
 * Mutated PROFILE.TCPIP files (the seed's TelnetParms blocks with bytes, NULs, line-end mixes and huge values put in):
 * each parses with clean warnings or fails with a clean EZZ0318I; never another exception.
 */
class ProfileFuzzTest {
    @Provide
    Arbitrary<String> mutatedProfile() {
        try (InputStream in = ProfileFuzzTest.class.getResourceAsStream("/seed/PROFILE.TCPIP.blocks")) {
            String seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return HostileText.mutationsOf(seed + "BEGINVTAM\n DEFAULTLUS\n  TCP00001..TCP00099\n ENDDEFAULTLUS\n"
                    + " IPGROUP G1 10.0.0.0/8 ENDIPGROUP\n LUGROUP L1 LU001..LU009 ENDLUGROUP\n LUMAP L1 G1\n"
                    + " DEFAULTAPPL TSO\nENDVTAM\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 400)
    void mutatedFilesGiveCleanWarningsOrACleanError(@ForAll("mutatedProfile") String text) {
        try {
            ProfileParser.parse(text, "PROFILE.TCPIP").warnings().forEach(HostileText::assertCleanMessage);
        } catch (ZosException e) {
            HostileText.assertCleanMessage(e.getMessage());
            org.assertj.core.api.Assertions.assertThat(e.messageId()).isEqualTo("EZZ0318I");
        }
    }
}
