package org.opencs.pki.kdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.opencs.pki.Fixtures;

/** Encoder/decoder round trips for the container, stash files and flags. */
class KdbCodecPropertiesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<KdbRecord> FIXTURE_RECORDS =
            KdbCodec.read(Fixtures.bytes("mixed.kdb"), Fixtures.PASSWORD, "mixed.kdb").records();

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.strings().withCharRange((char) 0x20, (char) 0x7E).ofMinLength(1).ofMaxLength(60);
    }

    @Property(tries = 60)
    void containerRoundTrips(@ForAll("labels") String label, @ForAll boolean trusted, @ForAll boolean isDefault,
                             @ForAll @IntRange(min = 0, max = 3) int pick, @ForAll @StringLength(min = 1, max = 40) String password,
                             @ForAll @IntRange(min = 2500, max = 9000) int slotSize) {
        List<KdbRecord> records = new ArrayList<>();
        KdbRecord base = FIXTURE_RECORDS.get(pick);
        records.add(new KdbRecord(label, base.content(), new KdbFlags(trusted, isDefault)));
        records.add(FIXTURE_RECORDS.get((pick + 1) % 4));
        KdbImage image = KdbImage.empty(ContainerKind.KEY, slotSize, RANDOM).withRecords(records);
        byte[] bytes = KdbCodec.write(image, password.toCharArray());
        KdbImage read = KdbCodec.read(bytes, password.toCharArray(), "p.kdb");
        assertThat(read.records()).hasSize(2);
        assertThat(read.records().get(0).label()).isEqualTo(label);
        assertThat(read.records().get(0).flags()).isEqualTo(new KdbFlags(trusted, isDefault));
        assertThat(read.salt()).isEqualTo(image.salt());
        assertThat(KdbCodec.write(read, password.toCharArray())).isEqualTo(bytes);
    }

    @Property(tries = 100)
    void stashRoundTrips(@ForAll @StringLength(min = 1, max = 128) String password, @ForAll boolean v1) {
        String text = password.replace('\0', 'x');
        StashFile.Format format = v1 ? StashFile.Format.V1 : StashFile.Format.V8;
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 128) {
            assertThatThrownBy(() -> StashFile.encode(text.toCharArray(), format, RANDOM)).hasMessageContaining("128 bytes");
            return;
        }
        byte[] encoded = StashFile.encode(text.toCharArray(), format, RANDOM);
        assertThat(new String(StashFile.decode(encoded, "p.sth"))).isEqualTo(text);
    }

    @Property(tries = 20)
    void flagsEncodeInDersShortestForm(@ForAll boolean trusted, @ForAll boolean isDefault) throws Exception {
        KdbFlags flags = new KdbFlags(trusted, isDefault);
        byte[] der = flags.encode().getEncoded();
        assertThat(KdbFlags.decode(org.bouncycastle.asn1.DERBitString.getInstance(der))).isEqualTo(flags);
        if (trusted && !isDefault) {
            assertThat(der).containsExactly(0x03, 0x02, 0x07, 0x80);
        }
        if (trusted && isDefault) {
            assertThat(der).containsExactly(0x03, 0x02, 0x06, 0xC0);
        }
    }
}
