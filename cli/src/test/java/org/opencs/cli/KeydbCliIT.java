package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;

/** {@code opencs keydb} end to end: a CA, a server certificate, exports checked by openssl, bad input refused. */
class KeydbCliIT {
    private static final Map<String, String> PW = Map.of("OPENCS_KEYDB_PASSWORD", "cli-pass-1");

    @TempDir
    Path dir;

    private OpenCsProcess.Result keydb(String... args) throws Exception {
        String[] full = new String[args.length + 1];
        full[0] = "keydb";
        System.arraycopy(args, 0, full, 1, args.length);
        return OpenCsProcess.run(dir, PW, full);
    }

    private void ok(OpenCsProcess.Result result) {
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void buildsACaAndServerAndExportsWhatOpensslVerifies() throws Exception {
        ok(keydb("create", "ring.kdb", "--stash"));
        assertThat(Files.size(dir.resolve("ring.sth"))).isEqualTo(193);
        ok(keydb("selfsign", "ring.kdb", "--label", "ABC CA", "--ca", "--dn", "CN=ABC CA,O=ABC,C=US", "--days", "3650"));
        ok(keydb("selfsign", "ring.kdb", "--label", "server", "--signed-by", "ABC CA", "--profile", "SERVER",
                "--dn", "CN=localhost,O=ABC,C=US", "--san", "DNS:localhost,IP:127.0.0.1", "--key-type", "ec256", "--default"));
        OpenCsProcess.Result list = keydb("list", "ring.kdb", "--json");
        ok(list);
        assertThat(list.stdout()).contains("\"label\":\"ABC CA\"").contains("\"ca\":true")
                .contains("\"label\":\"server\",\"type\":\"PERSONAL\",\"trusted\":true,\"default\":true");
        OpenCsProcess.Result show = OpenCsProcess.run(dir, Map.of(), "keydb", "show", "ring.kdb", "server", "--stashed", "--json");
        ok(show);
        assertThat(show.stdout()).contains("\"subject\":\"CN=localhost,O=ABC,C=US\"").contains("\"key\":\"ECC 256-bit\"");

        ok(keydb("export", "ring.kdb", "--label", "ABC CA", "--out", "ca.pem"));
        ok(keydb("export", "ring.kdb", "--label", "server", "--out", "server.p7b", "--format", "PKCS7DER"));
        var verify = ExternalCommand.run(dir, "sh", "-c",
                "openssl pkcs7 -inform DER -in server.p7b -print_certs > chain.pem && openssl verify -CAfile ca.pem chain.pem");
        assertThat(verify.stdout()).as(verify.all()).contains("chain.pem: OK");

        var p12 = OpenCsProcess.run(dir, Map.of("OPENCS_KEYDB_PASSWORD", "cli-pass-1", "OPENCS_FILE_PASSWORD", "p12-pass"),
                "keydb", "export", "ring.kdb", "--label", "server", "--out", "server.p12", "--format", "p12");
        ok(p12);
        assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "server.p12", "-passin", "pass:p12-pass", "-nokeys")
                .stdout()).contains("subject=C = US, O = ABC, CN = localhost");
    }

    @Test
    void requestIsSignedByOpensslAndReceived() throws Exception {
        ok(keydb("create", "ring.kdb"));
        ok(keydb("certreq", "ring.kdb", "--label", "user1", "--dn", "CN=USER1,O=ABC,C=US", "--out", "user1.csr"));
        var signed = ExternalCommand.run(dir, "sh", "-c", String.join(" && ",
                "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj '/C=US/O=Other/CN=Other CA' -days 10",
                "openssl x509 -req -in user1.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 10 -out user1.pem"));
        assertThat(signed.exitCode()).as(signed.all()).isZero();
        ok(keydb("import", "ring.kdb", "ca.pem", "--label", "Other CA"));
        ok(keydb("receive", "ring.kdb", "user1.pem"));
        assertThat(keydb("list", "ring.kdb").stdout()).containsPattern("PERSONAL\\s+yes\\s+\\s+user1");
    }

    @Test
    void editsAndPasswordChangeKeepTheStashWorking() throws Exception {
        ok(keydb("create", "ring.kdb", "--stash"));
        ok(keydb("selfsign", "ring.kdb", "--label", "a", "--dn", "CN=a,O=x,C=US"));
        ok(keydb("rename", "ring.kdb", "a", "b"));
        ok(keydb("default", "ring.kdb", "b"));
        ok(keydb("trust", "ring.kdb", "b", "--off"));
        Files.writeString(dir.resolve("new.pw"), "new-pass-2\n");
        ok(keydb("passwd", "ring.kdb", "--new-password-file", "new.pw"));
        OpenCsProcess.Result stashed = OpenCsProcess.run(dir, Map.of(), "keydb", "list", "ring.kdb", "--stashed");
        ok(stashed);
        assertThat(stashed.stdout()).containsPattern("PERSONAL\\s+no\\s+yes\\s+b");
        ok(OpenCsProcess.run(dir, Map.of(), "keydb", "stash", "ring.kdb", "--password-file", "new.pw", "--v1"));
        assertThat(Files.size(dir.resolve("ring.sth"))).isEqualTo(129);
        ok(OpenCsProcess.run(dir, Map.of(), "keydb", "delete", "ring.kdb", "b", "--stashed"));
        assertThat(Files.size(dir.resolve("ring.kdb"))).isEqualTo(144);
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingChanges() throws Exception {
        ok(keydb("create", "ring.kdb"));
        ok(keydb("selfsign", "ring.kdb", "--label", "a", "--dn", "CN=a,O=x,C=US"));
        byte[] before = Files.readAllBytes(dir.resolve("ring.kdb"));
        var wrong = OpenCsProcess.run(dir, Map.of("OPENCS_KEYDB_PASSWORD", "wrong"), "keydb", "list", "ring.kdb");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.stderr()).contains("OCSK001E").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(keydb("show", "ring.kdb", "zzz").stderr()).contains("OCSK004E No certificate or key with label 'zzz'");
        assertThat(keydb("selfsign", "ring.kdb", "--label", "a", "--dn", "CN=b,O=x,C=US").stderr()).contains("OCSK005E");
        assertThat(keydb("selfsign", "ring.kdb", "--label", "c", "--dn", "CN=c,C=USA").stderr()).contains("'USA' is not");
        assertThat(keydb("selfsign", "ring.kdb", "--label", "c", "--dn", "CN=c,C=US", "--days", "0").stderr())
                .contains("between 1 and 9999");
        Files.writeString(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n");
        assertThat(keydb("import", "ring.kdb", "bad.pem", "--label", "x").stderr()).contains("OCSK006E");
        assertThat(Files.readAllBytes(dir.resolve("ring.kdb"))).isEqualTo(before);
        assertThat(keydb("create", "ring.kdb").stderr()).contains("OCSK020E").contains("already exists");
        assertThat(OpenCsProcess.run(dir, PW, "keydb", "export", "--help").stdout()).contains("--format");
    }
}
