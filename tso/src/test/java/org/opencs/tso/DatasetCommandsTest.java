package org.opencs.tso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencs.core.CodePage;
import org.opencs.core.FileTag;
import org.opencs.core.UnixFileTags;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetName;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;

/** ALLOCATE, LISTCAT, LISTDS, OPUT/OGET, DELETE, and DATASET profiles deciding who reads what. */
class DatasetCommandsTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private Registry registry;

    @BeforeEach
    void init() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        run("IBMUSER", "ADDUSER USER1 PASSWORD(user1pw) OMVS(UID(101) HOME(/u/user1))\n"
                + "ADDUSER USER2 PASSWORD(user2pw) OMVS(UID(102) HOME(/u/user2))");
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private List<String> run(String userid, String stream) {
        List<String> listing = new ArrayList<>();
        int rc = new TsoProcessor().runStream(stream, new TsoSession(registry, registry.users().find(userid).orElseThrow()),
                listing::add);
        listing.add("RC=" + rc);
        return listing;
    }

    @Test
    void allocateCopyListAndDelete() throws Exception {
        assertThat(registry.home().hfsPath("/u/user1")).isDirectory();
        // z/OS UNIX text files hold IBM-1047 (NL x'15' line ends) unless tagged: OPUT/OGET TEXT read and write them so.
        Files.write(registry.home().hfsPath("/u/user1/req.txt"),
                CodePage.IBM_1047.encodeText("-----BEGIN NEW CERTIFICATE REQUEST-----\nMIIB\n"));
        Files.writeString(registry.home().hfsPath("/u/user1/ascii.txt"), "tagged ASCII [text]\n");
        assertThat(UnixFileTags.write(registry.home().hfsPath("/u/user1/ascii.txt"), FileTag.text("ISO8859-1"))).isTrue();
        Files.write(registry.home().hfsPath("/u/user1/blob.bin"), new byte[] {0, 1, 2, (byte) 0xFF, 10, 13});
        List<String> listing = run("USER1", String.join("\n",
                "ALLOCATE DATASET(CERTREQ.ARM) NEW RECFM(V,B) LRECL(84) BLKSIZE(27998) DSORG(PS)",
                "OPUT '/u/user1/req.txt' 'USER1.CERTREQ.ARM' TEXT",
                "OPUT /u/user1/blob.bin BLOB.BIN BINARY",
                "OPUT /u/user1/ascii.txt ASCII.TXT TEXT",
                "OGET 'USER1.CERTREQ.ARM' '/u/user1/back.txt' TEXT",
                "OGET BLOB.BIN /u/user1/back.bin BINARY",
                "LISTCAT LEVEL(USER1)",
                "LISTDS 'USER1.CERTREQ.ARM'",
                "DELETE 'USER1.BLOB.BIN'",
                "LISTCAT ENTRIES('USER1.BLOB.BIN')"));
        assertThat(listing).contains("NONVSAM ------- USER1.BLOB.BIN", "NONVSAM ------- USER1.CERTREQ.ARM",
                "--RECFM-LRECL-BLKSIZE-DSORG", "  VB    84    27998   PS", "IDC0550I ENTRY (A) USER1.BLOB.BIN DELETED",
                "IDC3012I ENTRY USER1.BLOB.BIN NOT FOUND", "RC=8");
        assertThat(Files.readAllBytes(registry.home().hfsPath("/u/user1/back.txt")))
                .isEqualTo(CodePage.IBM_1047.encodeText("-----BEGIN NEW CERTIFICATE REQUEST-----\nMIIB\n"));
        assertThat(UnixFileTags.read(registry.home().hfsPath("/u/user1/back.txt"))).isEmpty();
        Catalog catalog = new Catalog(registry.home(), registry.clock());
        assertThat(catalog.readText(new DatasetName("USER1.CERTREQ.ARM", null)))
                .isEqualTo("-----BEGIN NEW CERTIFICATE REQUEST-----\nMIIB\n");
        // A file tagged ISO8859-1 is read by its tag: the data set gets the same text in EBCDIC.
        assertThat(catalog.readText(new DatasetName("USER1.ASCII.TXT", null))).isEqualTo("tagged ASCII [text]\n");
        assertThat(Files.readAllBytes(registry.home().hfsPath("/u/user1/back.bin"))).containsExactly(0, 1, 2, 0xFF, 10, 13);
    }

    @Test
    void datasetProfilesDecideWhoReadsAndWrites() throws Exception {
        Files.write(registry.home().hfsPath("/u/user1/a.txt"), CodePage.IBM_1047.encodeText("hello\n"));
        run("USER1", "OPUT /u/user1/a.txt SHARED.TXT TEXT");
        List<String> denied = run("USER2", "OGET 'USER1.SHARED.TXT' /u/user2/a.txt TEXT\nOGET 'USER1.SHARED.TXT' /u/user1/x TEXT");
        assertThat(denied).contains("ICH408I USER(USER2) USER1.SHARED.TXT CL(DATASET) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(READ)",
                "BPXF135E USER USER2 MAY NOT USE /u/user1/x (OUTSIDE ITS HOME DIRECTORY /u/user2)");
        assertThat(run("IBMUSER", "ADDSD 'USER1.**' UACC(NONE)\nPERMIT 'USER1.**' ID(USER2) ACCESS(READ)\nLISTDSD DATASET('USER1.**')"))
                .contains("RC=0", "INFORMATION FOR DATASET USER1.** (G)", "USER2     READ");
        assertThat(run("USER2", "OGET 'USER1.SHARED.TXT' /u/user2/a.txt TEXT")).contains("RC=0");
        assertThat(Files.readAllBytes(registry.home().hfsPath("/u/user2/a.txt"))).isEqualTo(CodePage.IBM_1047.encodeText("hello\n"));
        assertThat(run("USER2", "OPUT /u/user2/a.txt 'USER1.SHARED.TXT' TEXT"))
                .contains("ICH408I USER(USER2) USER1.SHARED.TXT CL(DATASET) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(UPDATE)");
        assertThat(Files.readString(dir.resolve("home/logs/audit.jsonl"))).contains("DATASET_ACCESS_DENIED");
    }

    @Test
    void badDatasetInputIsRefused() {
        List<String> listing = run("USER1", String.join("\n",
                "ALLOCATE DATASET('USER1.TOOLONGQUALIFIER') NEW",
                "ALLOCATE DATASET(X) NEW RECFM(Z)",
                "ALLOCATE DATASET(FB) NEW RECFM(F,B) LRECL(80) BLKSIZE(100)",
                "LISTDS 'USER1.NOPE'",
                "OPUT /u/user1/missing.txt X.TXT",
                "OGET '/etc/passwd' /u/user1/p"));
        assertThat(listing).contains("IKJ56709I INVALID DATA SET NAME, USER1.TOOLONGQUALIFIER",
                "IKJ56702I INVALID RECFM, Z (F, FB, V, VB OR U)",
                "IKJ56702I INVALID BLKSIZE, 100 IS NOT A MULTIPLE OF LRECL 80",
                "IKJ58503I DATA SET USER1.NOPE NOT IN CATALOG",
                "BPXF024I The file /u/user1/missing.txt does not exist.");
        assertThat(String.join("\n", listing)).contains("IKJ56709I INVALID DATA SET NAME, /ETC/PASSWD");
    }

    /**
     * Issue 15: the check runs on the path as the file system resolves it. USER1 could copy the quickstart server's
     * stash into a data set with {@code ..}; a symbolic link out of the home directory is judged by its target, and an
     * absolute link target means the z/OS UNIX root (hfs/), never the host's.
     */
    @Test
    void unixPathsAreCheckedWhereTheyLead() throws Exception {
        Path stash = registry.home().hfsPath("/etc/opencs/server.sth");
        Files.createDirectories(stash.getParent());
        Files.write(stash, new byte[] {1, 2, 3});
        Path home1 = registry.home().hfsPath("/u/user1");
        Files.createSymbolicLink(home1.resolve("etc"), Path.of("/etc/opencs"));
        Files.createSymbolicLink(home1.resolve("up"), Path.of("../.."));
        Files.createSymbolicLink(home1.resolve("loop"), Path.of("loop"));
        List<String> listing = run("USER1", String.join("\n",
                "OPUT '/u/user1/../../etc/opencs/server.sth' 'USER1.STOLEN' BINARY",
                "OPUT '/u/user1/etc/server.sth' 'USER1.STOLEN' BINARY",
                "OPUT '/u/user1/up/etc/opencs/server.sth' 'USER1.STOLEN' BINARY",
                "OGET 'USER1.ANY' '/u/user1/../user2/planted' BINARY",
                "OPUT '/u/user1/loop' 'USER1.STOLEN' BINARY",
                "LISTCAT LEVEL(USER1)"));
        assertThat(listing).contains(
                "BPXF135E USER USER1 MAY NOT USE /u/user1/../../etc/opencs/server.sth (OUTSIDE ITS HOME DIRECTORY /u/user1)",
                "BPXF135E USER USER1 MAY NOT USE /u/user1/etc/server.sth (OUTSIDE ITS HOME DIRECTORY /u/user1)",
                "BPXF135E USER USER1 MAY NOT USE /u/user1/up/etc/opencs/server.sth (OUTSIDE ITS HOME DIRECTORY /u/user1)",
                "BPXF135E USER USER1 MAY NOT USE /u/user1/../user2/planted (OUTSIDE ITS HOME DIRECTORY /u/user1)",
                "EDC5146I Too many levels of symbolic links in /u/user1/loop.");
        assertThat(listing).contains("IDC3012I ENTRY USER1 NOT FOUND");
        assertThat(registry.home().hfsPath("/u/user2/planted")).doesNotExist();
        assertThat(Files.readString(dir.resolve("home/logs/audit.jsonl"))).contains("UNIX_FILE_ACCESS_DENIED");
        // A link that stays inside the home directory works, and so does SPECIAL's reach anywhere in hfs/.
        Files.writeString(home1.resolve("real.txt"), "inside\n");
        Files.createSymbolicLink(home1.resolve("alias.txt"), Path.of("/u/user1/real.txt"));
        assertThat(run("USER1", "OPUT '/u/user1/alias.txt' 'USER1.ALIAS' TEXT")).contains("RC=0");
        assertThat(run("IBMUSER", "OPUT '/u/user1/etc/server.sth' 'IBMUSER.STASH' BINARY")).contains("RC=0");
        assertThat(run("USER1", "OPUT '/u/user1/a\u0000b' 'USER1.NUL' BINARY"))
                .contains("EDC5121I Invalid argument: a path name cannot contain a NUL character.");
    }

    /**
     * Data set serialization (docs/registry.md "Membership and ENQs (issue 12)"): a data set another job, session or
     * node holds is refused with IKJ56225I DATA SET dsname ALREADY IN USE, TRY LATER; readers share with readers.
     */
    @Test
    void aDataSetInUseElsewhereIsRefusedWithIkj56225i() throws Exception {
        Files.writeString(registry.home().hfsPath("/u/user1/in.txt"), "data\n");
        run("USER1", "OPUT /u/user1/in.txt BUSY.DATA BINARY");
        var job = new org.opencs.saf.grs.EnqOwner("another-node", "PAYROLL/JOB00042");
        var held = (org.opencs.saf.grs.EnqResult.Granted) registry.enqueues().enq("SYSDSN", "USER1.BUSY.DATA",
                org.opencs.saf.grs.EnqMode.SHARED, job);
        List<String> refused = run("USER1", "OPUT /u/user1/in.txt BUSY.DATA BINARY\nDELETE 'USER1.BUSY.DATA'\n"
                + "OGET BUSY.DATA /u/user1/out.bin BINARY");
        assertThat(refused).filteredOn(l -> l.startsWith("IKJ56225I")).containsExactly(
                "IKJ56225I DATA SET USER1.BUSY.DATA ALREADY IN USE, TRY LATER",
                "IKJ56225I DATA SET USER1.BUSY.DATA ALREADY IN USE, TRY LATER");
        assertThat(registry.home().hfsPath("/u/user1/out.bin")).exists();
        assertThat(new Catalog(registry.home(), clock).list("USER1")).contains("USER1.BUSY.DATA");
        held.enq().close();
        assertThat(run("USER1", "DELETE 'USER1.BUSY.DATA'")).contains("IDC0550I ENTRY (A) USER1.BUSY.DATA DELETED");
        assertThat(registry.enqueues().all()).isEmpty();
    }
}
