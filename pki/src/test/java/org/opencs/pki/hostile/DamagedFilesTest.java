package org.opencs.pki.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.opencs.core.ZosException;
import org.opencs.pki.TestPki;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.codec.Pkcs12;
import org.opencs.pki.kdb.KdbCodec;
import org.opencs.pki.keydb.KeyDatabase;

/**
 * Damaged PKCS #12 files and key databases: every failure is a typed message saying what is wrong with the file,
 * with no Java class name, no "null", and a bounded length. The properties mutate real files (bit flips, cuts,
 * inserted bytes, random bytes) a bounded number of times, so they run in CI in a few seconds.
 */
class DamagedFilesTest {
    static final Pattern JAVA_NAMES = Pattern.compile("\\b(java|javax|org\\.opencs|org\\.bouncycastle)\\.[a-z]|Exception");
    private static final char[] P12_PASSWORD = "p12-pass".toCharArray();
    private static byte[] p12;
    private static byte[] kdb;

    /** The real files the mutations start from, made once (jqwik properties and JUnit tests share them). */
    private static synchronized void files() throws Exception {
        if (p12 != null) {
            return;
        }
        Path dir = Files.createTempDirectory("damaged");
        KeyDatabase db = TestPki.caAndServer(dir.resolve("ring.kdb"));
        p12 = TestPki.operations().exportWithKey(db, "server", ExportFormat.BINARY_PKCS12, P12_PASSWORD);
        kdb = Files.readAllBytes(dir.resolve("ring.kdb"));
    }

    static void assertClean(ZosException e) {
        String message = e.getMessage();
        assertThat(message).matches("[A-Z]{3,4}[0-9A-Z]{3,5}[EWI] .*");
        assertThat(JAVA_NAMES.matcher(message).find()).as(message).isFalse();
        assertThat(message).as(message).doesNotContainPattern("\\bnull\\b").doesNotContain("Index ");
        assertThat(message.length()).as(message).isLessThanOrEqualTo(400);
    }

    private static String failure(byte[] data, char[] password) {
        try {
            Pkcs12.read(data, password, "cert.p12");
            return null;
        } catch (ZosException e) {
            assertClean(e);
            return e.getMessage();
        }
    }

    @Test
    void eachKindOfDamageIsNamed() {
        files0();
        assertThat(Pkcs12.read(p12, P12_PASSWORD, "cert.p12")).isNotEmpty();
        assertThat(failure(p12, "wrong-pw".toCharArray())).isEqualTo("OCSK008E The PKCS #12 password for cert.p12 is "
                + "wrong (or the file was altered: its integrity MAC does not match).");
        assertThat(failure(Arrays.copyOf(p12, p12.length / 2), P12_PASSWORD))
                .isEqualTo("OCSK006E cert.p12 is a truncated PKCS #12 file: it has " + p12.length / 2 + " of its "
                        + p12.length + " bytes.");
        assertThat(failure("-----BEGIN CERTIFICATE-----\n".getBytes(), P12_PASSWORD))
                .isEqualTo("OCSK006E cert.p12 is not a PKCS #12 file: it does not start with a DER SEQUENCE.");
        assertThat(failure(new byte[0], P12_PASSWORD)).isEqualTo("OCSK006E cert.p12 is not a PKCS #12 file: it is empty.");
        assertThat(failure(new byte[] {0x30, 0x03, 0x02, 0x01, 0x03}, P12_PASSWORD))
                .isEqualTo("OCSK006E cert.p12 is not a PKCS #12 file or is damaged: its structure does not parse.");
        byte[] altered = p12.clone();
        altered[p12.length / 2] ^= 0x40;
        assertThat(failure(altered, P12_PASSWORD)).startsWith("OCSK");
    }

    private static void files0() {
        try {
            files();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedP12() {
        files0();
        return mutations(() -> p12);
    }

    @Provide
    Arbitrary<byte[]> mutatedKdb() {
        files0();
        return mutations(() -> kdb);
    }

    /** A real file with one to four changes: a flipped byte, a cut, an inserted run, or random bytes altogether. */
    private static Arbitrary<byte[]> mutations(java.util.function.Supplier<byte[]> original) {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1)
                .ofMaxSize(4), Arbitraries.integers().between(0, 3).list().ofSize(4), Arbitraries.bytes())
                .as((positions, kinds, value) -> {
                    byte[] data = original.get().clone();
                    for (int i = 0; i < positions.size() && data.length > 0; i++) {
                        int at = positions.get(i) % data.length;
                        switch (kinds.get(i)) {
                            case 0 -> data[at] ^= (byte) (value == 0 ? 1 : value);
                            case 1 -> data = Arrays.copyOf(data, at);
                            case 2 -> {
                                byte[] longer = new byte[data.length + 16];
                                System.arraycopy(data, 0, longer, 0, at);
                                Arrays.fill(longer, at, at + 16, value);
                                System.arraycopy(data, at, longer, at + 16, data.length - at);
                                data = longer;
                            }
                            default -> data[at] = 0;
                        }
                    }
                    return data;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, random), net.jqwik.api.Tuple.of(6, mutated));
    }

    @Property(tries = 200)
    void damagedPkcs12FilesFailWithACleanMessage(@ForAll("mutatedP12") byte[] data) {
        failure(data, P12_PASSWORD);
    }

    @Property(tries = 200)
    void damagedKeyDatabasesFailWithACleanMessage(@ForAll("mutatedKdb") byte[] data) {
        try {
            KdbCodec.read(data, TestPki.PASSWORD, "ring.kdb");
        } catch (ZosException e) {
            assertClean(e);
        }
    }

    @Test
    void aDamagedKeyDatabaseOpenedFromDiskSaysSo() throws Exception {
        files0();
        Path file = Files.createTempDirectory("kdb").resolve("cut.kdb");
        Files.write(file, Arrays.copyOf(kdb, kdb.length / 3));
        assertThatThrownBy(() -> KeyDatabase.open(file, TestPki.PASSWORD, TestPki.RANDOM)).isInstanceOf(ZosException.class)
                .satisfies(e -> assertClean((ZosException) e)).hasMessageContaining("cut.kdb");
    }
}
