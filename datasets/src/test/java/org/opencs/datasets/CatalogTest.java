package org.opencs.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.SystemHome;

class CatalogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;

    private Catalog catalog() {
        return new Catalog(new SystemHome(dir), CLOCK);
    }

    @Test
    void namesAreValidatedAndResolvedLikeTso() {
        assertThat(DatasetName.resolve("'user1.abcca.b64'", "IBMUSER").name()).isEqualTo("USER1.ABCCA.B64");
        assertThat(DatasetName.resolve("certreq.arm", "user1").name()).isEqualTo("USER1.CERTREQ.ARM");
        assertThat(DatasetName.resolve("'USER1.JCL(BACKUP)'", null)).isEqualTo(new DatasetName("USER1.JCL", "BACKUP"));
        assertThatThrownBy(() -> DatasetName.resolve("'USER1.TOOLONGQUAL'", null)).hasMessageContaining("IKJ56709I");
        assertThatThrownBy(() -> DatasetName.resolve("'1USER.X'", null)).hasMessageContaining("INVALID DATA SET NAME");
        assertThatThrownBy(() -> new DatasetName("A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W", null))
                .hasMessageContaining("IKJ56709I");
    }

    @Test
    void textRecordsAreEbcdicWithRecordBoundariesAsLineEnds() {
        Catalog catalog = catalog();
        DatasetName name = DatasetName.resolve("'USER1.CERTREQ.ARM'", null);
        catalog.allocate(name, DatasetAttributes.textDefaults(TODAY));
        catalog.writeText(name, "-----BEGIN NEW CERTIFICATE REQUEST-----\nMIIB\n-----END NEW CERTIFICATE REQUEST-----\n");
        List<byte[]> records = catalog.readRecords(name);
        assertThat(records).hasSize(3);
        assertThat(records.get(1)).containsExactly(0xD4, 0xC9, 0xC9, 0xC2); // "MIIB" in IBM-1047
        assertThat(catalog.readText(name)).isEqualTo("-----BEGIN NEW CERTIFICATE REQUEST-----\nMIIB\n-----END NEW CERTIFICATE REQUEST-----\n");
        assertThat(catalog.list("USER1")).containsExactly("USER1.CERTREQ.ARM");
    }

    @Test
    void tooLongRecordsAreRefusedAndThePreviousContentStays() {
        Catalog catalog = catalog();
        DatasetName name = new DatasetName("USER1.FIXED", null);
        catalog.allocate(name, new DatasetAttributes("PS", RecordFormat.FB, 10, 100, TODAY, TODAY));
        catalog.writeText(name, "short\n");
        assertThatThrownBy(() -> catalog.writeText(name, "ok\nthis line is too long\n"))
                .hasMessageContaining("IEC020I").hasMessageContaining("RECORD 2");
        assertThat(catalog.readText(name)).isEqualTo("short\n");
        assertThat(catalog.readRecords(name).get(0)).hasSize(10);
    }

    @Test
    void partitionedDataSetsHoldMembers() {
        Catalog catalog = catalog();
        DatasetName pds = new DatasetName("USER1.JCL", null);
        catalog.allocate(pds, new DatasetAttributes("PO", RecordFormat.FB, 80, 27920, TODAY, TODAY));
        catalog.writeText(new DatasetName("USER1.JCL", "BACKUP"), "//BACKUP JOB\n");
        catalog.writeText(new DatasetName("USER1.JCL", "ALFREDCI"), "//ALFREDCI JOB\n");
        assertThat(catalog.members(pds)).containsExactly("ALFREDCI", "BACKUP");
        assertThat(catalog.readText(new DatasetName("USER1.JCL", "BACKUP"))).isEqualTo("//BACKUP JOB\n");
        assertThatThrownBy(() -> catalog.readText(pds)).hasMessageContaining("NAME A MEMBER");
        catalog.delete(new DatasetName("USER1.JCL", "BACKUP"));
        assertThat(catalog.members(pds)).containsExactly("ALFREDCI");
        catalog.delete(pds);
        assertThat(catalog.exists(pds)).isFalse();
        assertThatThrownBy(() -> catalog.readText(pds)).hasMessageContaining("IKJ56228I");
    }

    @Property(tries = 40)
    void binaryContentRoundTripsInVariableRecords(@ForAll @Size(max = 2000) byte[] data) throws Exception {
        Path home = java.nio.file.Files.createTempDirectory("opencs-catalog"); // jqwik has no @TempDir
        Catalog catalog = new Catalog(new SystemHome(home), CLOCK);
        DatasetName name = new DatasetName("USER1.CERT.DER.P12", null);
        catalog.allocate(name, DatasetAttributes.textDefaults(TODAY));
        catalog.writeBinary(name, data);
        assertThat(catalog.readBinary(name)).isEqualTo(data);
        catalog.delete(name);
        try (var files = java.nio.file.Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
