package org.opencs.tn3270.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tn3270.datastream.ScreenSize;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/**
 * Every screen of every host application (USS logon, TSO/E logon, primary menu, data set and member lists, BROWSE,
 * the certificate and key ring lists, READY), with its messages, at every screen size the server supports: the
 * 3278/3279 models 2 (24x80), 3 (32x80), 4 (43x80) and 5 (27x132), and IBM-DYNAMIC sizes a query reply may give (from
 * one column more than the default to the 16,384 positions 14-bit addresses reach). Each field must fit its row (a
 * 3270 field runs on into the next row, and the screen's last position wraps to the first), start after its attribute
 * byte on the same row, end before the next field's attribute byte, and hold its content. The content is checked too:
 * BROWSE's "Line 00000001 of 00000120" whole, every line of RACDCERT LIST on the certificate list.
 */
class ScreenFitTest {
    static final List<ScreenSize> SIZES = List.of(new ScreenSize(24, 80), new ScreenSize(32, 80), new ScreenSize(43, 80),
            new ScreenSize(27, 132), new ScreenSize(24, 81), new ScreenSize(62, 160), new ScreenSize(43, 132),
            new ScreenSize(128, 128), new ScreenSize(204, 80), new ScreenSize(24, 682));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private Registry registry;

    /** A 44-character data set name, the longest z/OS allows, and a member of 8. */
    private static final String LONG_DSN = "USER1.ABCDEFGH.ABCDEFGH.ABCDEFGH.ABCDEFGH.AB";
    private static final String LONG_PDS = "USER1.BPDSPDSP.PDSPDSPD.PDSPDSPD.PDSPDSPD.PD";

    @BeforeEach
    void start() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        registry.users().add(User.define("USER1", "USER1", "IBMUSER",
                registry.passwordHasher().hash("user1pw".toCharArray()), false, false, 101L, "/u/user1", clock.instant()));
        Catalog catalog = new Catalog(registry.home(), clock);
        LocalDate today = LocalDate.now();
        StringBuilder records = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            records.append("RECORD ").append(i).append(' ').append("X".repeat(70)).append('\n');
        }
        catalog.allocate(new DatasetName(LONG_DSN, null), new DatasetAttributes("PS", RecordFormat.VB, 255, 27998, today,
                today));
        catalog.writeText(new DatasetName(LONG_DSN, null), records.toString());
        catalog.allocate(new DatasetName(LONG_PDS, null), new DatasetAttributes("PO", RecordFormat.FB, 80, 27920, today,
                today));
        for (String member : List.of("MEMBER01", "ABCDEFGH", "Z")) {
            catalog.writeText(new DatasetName(LONG_PDS, member), "LINE 1 OF " + member + "\n");
        }
        for (int i = 1; i <= 60; i++) { // more data sets than any screen's list shows
            String name = String.format("USER1.D%03d", i);
            catalog.allocate(new DatasetName(name, null), new DatasetAttributes("PS", RecordFormat.VB, 84, 27998, today,
                    today));
            catalog.writeText(new DatasetName(name, null), "DATA\n");
        }
        User ibmuser = registry.users().find("IBMUSER").orElseThrow();
        List<String> out = new ArrayList<>();
        new TsoProcessor().run("RACDCERT ID(USER1) GENCERT SUBJECTSDN(CN('A LONG COMMON NAME FOR A CLIENT "
                + "CERTIFICATE OF USER1 ON MVS1') OU('ORGANIZATIONAL UNIT WITH A LONG NAME') O('ABC CORPORATION') "
                + "C('US')) WITHLABEL('A LABEL OF THIRTY-TWO CHARACTERS') SIZE(2048)",
                new TsoSession(registry, ibmuser), out::add);
        new TsoProcessor().run("RACDCERT ID(USER1) ADDRING(A.KEY.RING.NAME.OF.SOME.LENGTH.FOR.USER1)",
                new TsoSession(registry, ibmuser), out::add);
        new TsoProcessor().run("RACDCERT ID(USER1) CONNECT(LABEL('A LABEL OF THIRTY-TWO CHARACTERS') "
                + "RING(A.KEY.RING.NAME.OF.SOME.LENGTH.FOR.USER1) DEFAULT)", new TsoSession(registry, ibmuser), out::add);
        assertThat(out).as("setup").noneMatch(l -> l.contains("IRRD") || l.contains("IKJ"));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    /** The problems of one screen: fields that leave their row or the screen, overlap, or overflow. */
    static List<String> problems(Screen screen) {
        List<String> bad = new ArrayList<>();
        List<Field> fields = new ArrayList<>(screen.fields());
        fields.sort(Comparator.comparingInt(Field::row).thenComparingInt(Field::column));
        Field before = null;
        for (Field f : fields) {
            int length = f.write() ? f.length() : f.content().length();
            String what = "field at row " + f.row() + " column " + f.column() + " '" + f.content() + "' (" + length
                    + ") on " + screen.rows() + "x" + screen.columns();
            if (f.row() < 0 || f.row() >= screen.rows()) {
                bad.add(what + ": not on the screen");
            }
            if (f.column() < 1) {
                bad.add(what + ": its attribute byte is on the row before");
            }
            if (f.column() + length > screen.columns()) {
                bad.add(what + ": runs past the row's end by " + (f.column() + length - screen.columns()));
            }
            if (f.content().length() > length) {
                bad.add(what + ": content longer than the field");
            }
            if (before != null && before.row() == f.row()) {
                int end = before.column() + (before.write() ? before.length() : before.content().length());
                if (end > f.column() - 1) {
                    bad.add(what + ": overlaps the field before it ('" + before.content() + "')");
                }
            }
            before = f;
        }
        if (screen.cursorRow() >= screen.rows() || screen.cursorColumn() >= screen.columns()) {
            bad.add("cursor outside the screen " + screen.rows() + "x" + screen.columns());
        }
        return bad;
    }

    /** The screen's text, one string per row (fields placed where they are). */
    static List<String> rows(Screen screen) {
        List<StringBuilder> rows = new ArrayList<>();
        for (int r = 0; r < screen.rows(); r++) {
            rows.add(new StringBuilder(" ".repeat(screen.columns())));
        }
        for (Field f : screen.fields()) {
            if (f.row() < screen.rows() && !f.hidden()) {
                StringBuilder row = rows.get(f.row());
                for (int i = 0; i < f.content().length() && f.column() + i < screen.columns(); i++) {
                    row.setCharAt(f.column() + i, f.content().charAt(i));
                }
            }
        }
        return rows.stream().map(StringBuilder::toString).toList();
    }

    private final List<String> problems = new ArrayList<>();
    private int screens;

    /** Checks {@code t}'s screen and returns {@code t}. */
    private <T extends Transaction> T check(T t) {
        screens++;
        problems.addAll(problems(t.screen()));
        return t;
    }

    private static Transaction enter(Transaction t, Map<String, String> values) {
        return t.next(Aid.ENTER, values);
    }

    @Test
    void everyScreenFitsEveryModelAndDynamicSize() {
        for (ScreenSize size : SIZES) {
            Terminal terminal = new Terminal(size);
            // USS logon screen and its messages
            Transaction uss = check(new UssLogon(HostServices.of(registry), "TCP00001", null, terminal));
            check(enter(uss, Map.of("command", "X".repeat(70))));
            check(enter(uss, Map.of("command", "LOGON APPLID(NOSUCHAP) DATA(USER1)")));
            // TSO/E logon and its messages
            Transaction logon = check(enter(uss, Map.of("command", "LOGON APPLID(TSO) DATA(USER1)")));
            check(enter(logon, Map.of("userid", "")));
            check(enter(logon, Map.of("userid", "USER1", "password", "")));
            check(enter(logon, Map.of("userid", "USER1", "password", "WRONGPW")));
            check(enter(logon, Map.of("userid", "NOSUCHUS", "password", "WRONGPW")));
            Transaction menu = check(enter(logon, Map.of("userid", "USER1", "password", "user1pw")));
            assertThat(menu).isInstanceOf(PrimaryMenu.class);
            check(enter(menu, Map.of("option", "ZZZZZZZZ")));
            // Data set list, member list, BROWSE
            Transaction list = check(enter(menu, Map.of("option", "1")));
            List<String> listRows = rows(list.screen());
            assertThat(String.join("\n", listRows)).contains(LONG_DSN);
            check(enter(list, Map.of("level", "NOSUCH.LEVEL")));
            int pdsRow = rowOf(list, LONG_PDS);
            Transaction members = check(enter(list, Map.of("row" + pdsRow, "S")));
            assertThat(String.join("\n", rows(members.screen()))).contains("MEMBER LIST  " + LONG_PDS);
            check(enter(members, Map.of("row" + rowOf(members, "ABCDEFGH"), "X")));
            Transaction member = check(enter(members, Map.of("row" + rowOf(members, "ABCDEFGH"), "B")));
            assertThat(String.join("\n", rows(member.screen()))).contains("BROWSE    " + LONG_PDS + "(ABCDEFGH)")
                    .contains("Line 00000001 of 00000001");
            Transaction browse = check(enter(list, Map.of("row" + rowOf(list, LONG_DSN), "B")));
            String page = String.join("\n", rows(browse.screen()));
            assertThat(page).as("the issue's example, on %s", size).contains("BROWSE    " + LONG_DSN)
                    .contains("Line 00000001 of 00000120");
            Transaction second = check(browse.next(Aid.PF8, Map.of()));
            assertThat(String.join("\n", rows(second.screen()))).contains(String.format("Line %08d of 00000120",
                    Math.min(((TextView) browse).page() + 1, 120)));
            check(enter(browse, Map.of("command", "PRINT")));
            // Certificates and key rings: every line of the command's output, whole
            Transaction certificates = check(enter(menu, Map.of("option", "2")));
            assertWhole(certificates, "RACDCERT LIST");
            Transaction rings = check(enter(menu, Map.of("option", "3")));
            assertWhole(rings, "RACDCERT LISTRING(*)");
            // READY
            Transaction ready = check(enter(menu, Map.of("option", "6")));
            Transaction output = check(enter(ready, Map.of("command", "RACDCERT LIST")));
            output = check(enter(output, Map.of("command", "LISTUSER USER1")));
            check(enter(output, Map.of("command", "NOSUCHCOMMAND " + "Y".repeat(200))));
        }
        assertThat(problems).as("%d screens checked", screens).isEmpty();
    }

    /** The row index (row0, row1 ...) of the list entry {@code name}. */
    private static int rowOf(Transaction list, String name) {
        List<Field> entries = list.screen().fields().stream().filter(f -> f.row() >= 6 && !f.write()).toList();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).content().equals(name)) {
                return entries.get(i).row() - 6;
            }
        }
        throw new AssertionError(name + " is not listed: " + entries.stream().map(Field::content).toList());
    }

    /** Every line {@code command} writes appears on the view's pages, whole or continued on the rows that follow. */
    private void assertWhole(Transaction view, String command) {
        List<String> expected = new ArrayList<>();
        User user1 = registry.users().find("USER1").orElseThrow();
        new TsoProcessor().run(command, new TsoSession(registry, user1), expected::add);
        StringBuilder shown = new StringBuilder();
        Transaction page = view;
        for (int i = 0; i < 20; i++) {
            Screen screen = page.screen();
            shown.append(rows(screen).stream().skip(2).map(String::strip).collect(Collectors.joining(" ")));
            Transaction next = page.next(Aid.PF8, Map.of());
            if (rows(next.screen()).get(1).equals(rows(screen).get(1))) {
                break; // the last page
            }
            page = check(next);
        }
        String text = shown.toString().replaceAll("\\s+", " ");
        for (String line : expected) {
            assertThat(text).as("%s on %s", command, view.screen().size()).contains(line.strip().replaceAll("\\s+", " "));
        }
    }
}
