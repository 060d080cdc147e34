package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.opencs.tn3270.client.TerminalBuffer;
import org.opencs.tn3270.datastream.BufferAddress;

/**
 * The screen-to-JSON mapping of the web terminal: a 3270 write (EW, SF with protected, intensified and non-display
 * attributes, text in IBM-1047) applied to the tn3270 client's buffer, drawn as rows of segments; and a property that
 * no screen text breaks the JSON or can become markup.
 */
class ScreenViewTest {
    private static final Charset EBCDIC = Charset.forName("IBM1047");
    private final TerminalJson json = new TerminalJson();

    /** Erase/Write, WCC keyboard restore, then: title (protected, intensified), a label, an input, a hidden input. */
    private static TerminalBuffer logonLike(String title, String userid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xF5);
        out.write(0xC3);
        sba(out, 0);
        sf(out, 0x28); // protected, intensified
        out.writeBytes(title.getBytes(EBCDIC));
        sba(out, 5 * 80);
        sf(out, 0x20);
        out.writeBytes("Userid    ===>".getBytes(EBCDIC));
        sba(out, 5 * 80 + 15);
        sf(out, 0x00); // unprotected
        out.writeBytes(userid.getBytes(EBCDIC));
        sba(out, 5 * 80 + 24);
        sf(out, 0x20);
        sba(out, 7 * 80 + 15);
        sf(out, 0x0C); // unprotected, non-display
        out.writeBytes("SECRET".getBytes(EBCDIC));
        sba(out, 7 * 80 + 24);
        sf(out, 0x20);
        out.write(0x13); // IC: the cursor after the last field
        TerminalBuffer screen = new TerminalBuffer(24, 80, EBCDIC);
        screen.write(out.toByteArray());
        return screen;
    }

    private static void sba(ByteArrayOutputStream out, int address) {
        out.write(0x11);
        out.writeBytes(BufferAddress.encode(address));
    }

    private static void sf(ByteArrayOutputStream out, int attribute) {
        out.write(0x1D);
        out.write(BufferAddress.code(attribute));
    }

    @Test
    void drawsFieldsWithTheirLookAndTheOia() {
        ScreenView view = ScreenView.of(logonLike("TSO/E LOGON", "USER1"), "TCPM1001", true);
        assertThat(view.rows()).isEqualTo(24);
        assertThat(view.cols()).isEqualTo(80);
        assertThat(view.lu()).isEqualTo("TCPM1001");
        assertThat(view.secure()).isTrue();
        assertThat(view.keyboardLocked()).isFalse();
        assertThat(view.lines()).hasSize(24);
        ScreenView.Segment title = view.lines().get(0).get(1);
        assertThat(title.text()).startsWith("TSO/E LOGON");
        assertThat(title.intensified()).isTrue();
        assertThat(title.input()).isFalse();
        List<ScreenView.Segment> row5 = view.lines().get(5);
        ScreenView.Segment userid = row5.stream().filter(ScreenView.Segment::input).findFirst().orElseThrow();
        assertThat(userid.address()).isEqualTo(5 * 80 + 16);
        assertThat(userid.length()).isEqualTo(8);
        assertThat(userid.text()).isEqualTo("USER1");
        ScreenView.Segment password = view.lines().get(7).stream().filter(ScreenView.Segment::input).findFirst()
                .orElseThrow();
        assertThat(password.hidden()).isTrue();
        assertThat(password.text()).isEmpty(); // a non-display field's content never leaves the server
        assertThat(json.write(view)).doesNotContain("SECRET");
        // every row covers exactly 80 positions
        view.lines().forEach(row -> assertThat(row.stream().mapToInt(ScreenView.Segment::length).sum()).isEqualTo(80));
    }

    @Test
    void aFieldWithoutColourGetsA3279sBaseColour() {
        ScreenView view = ScreenView.of(logonLike("TSO/E LOGON", "USER1"), "TCPM1001", true);
        assertThat(view.lines().get(0).get(1).color()).as("protected intensified").isEqualTo("white");
        ScreenView.Segment label = view.lines().get(5).get(1);
        assertThat(label.text()).startsWith("Userid");
        assertThat(label.color()).as("protected normal").isEqualTo("blue");
        ScreenView.Segment userid = view.lines().get(5).stream().filter(ScreenView.Segment::input).findFirst()
                .orElseThrow();
        assertThat(userid.color()).as("unprotected normal").isEqualTo("green");
        assertThat(userid.highlight()).isEqualTo("none");
    }

    /**
     * A real 3270 write with colours: the host's encoder (SFE with x'42' colour and x'41' highlighting, as it writes
     * for an -E terminal) and a Write adding SA character attributes inside a protected field.
     */
    @Test
    void coloursAndHighlightingFromAThreeTwoSeventyWriteAreInTheSegments() {
        var host = new org.opencs.tn3270.datastream.DataStream(EBCDIC);
        var fields = List.of(
                org.opencs.tn3270.datastream.Field.title(0, 1, "PRIMARY MENU")
                        .withColor(org.opencs.tn3270.datastream.Color.TURQUOISE),
                org.opencs.tn3270.datastream.Field.text(2, 1, "Option ===>")
                        .withColor(org.opencs.tn3270.datastream.Color.GREEN),
                org.opencs.tn3270.datastream.Field.input(2, 13, 8, "option", "")
                        .withColor(org.opencs.tn3270.datastream.Color.TURQUOISE)
                        .withHighlight(org.opencs.tn3270.datastream.Highlight.UNDERSCORE),
                org.opencs.tn3270.datastream.Field.text(4, 1, "NOTE: ABC"),
                org.opencs.tn3270.datastream.Field.title(6, 1, "ALERT")
                        .withColor(org.opencs.tn3270.datastream.Color.RED)
                        .withHighlight(org.opencs.tn3270.datastream.Highlight.REVERSE));
        TerminalBuffer screen = new TerminalBuffer(24, 80, EBCDIC);
        screen.write(host.eraseWrite(org.opencs.tn3270.datastream.Screen.of(fields, 2, 13), true));
        // Write: SBA row 4 column 7, SA colour yellow, SA blink, "ABC" again, SA reset, then "!" 
        ByteArrayOutputStream write = new ByteArrayOutputStream();
        write.write(0xF1);
        write.write(0xC2);
        sba(write, 4 * 80 + 7);
        write.writeBytes(new byte[] {0x28, 0x42, (byte) 0xF6, 0x28, 0x41, (byte) 0xF1});
        write.writeBytes("ABC".getBytes(EBCDIC));
        write.writeBytes(new byte[] {0x28, 0x00, 0x00});
        write.writeBytes("!".getBytes(EBCDIC));
        screen.write(write.toByteArray());

        ScreenView view = ScreenView.of(screen, "TCP00001", true);
        ScreenView.Segment title = view.lines().get(0).get(1);
        assertThat(title.text()).startsWith("PRIMARY MENU");
        assertThat(title.color()).isEqualTo("turquoise");
        assertThat(title.highlight()).isEqualTo("none");
        assertThat(view.lines().get(2).get(1).color()).isEqualTo("green");
        ScreenView.Segment option = view.lines().get(2).stream().filter(ScreenView.Segment::input).findFirst()
                .orElseThrow();
        assertThat(option.color()).isEqualTo("turquoise");
        assertThat(option.highlight()).isEqualTo("underscore");
        assertThat(option.length()).isEqualTo(8);
        // row 4: "NOTE: " in the screen's default colour (colour mode: protected normal is green), "ABC" yellow and
        // blinking from SA, "!" back to the field's look
        List<ScreenView.Segment> row4 = view.lines().get(4);
        ScreenView.Segment note = row4.stream().filter(x -> x.text().startsWith("NOTE")).findFirst().orElseThrow();
        assertThat(note.color()).isEqualTo("green");
        ScreenView.Segment abc = row4.stream().filter(x -> x.text().equals("ABC")).findFirst().orElseThrow();
        assertThat(abc.address()).isEqualTo(4 * 80 + 7);
        assertThat(abc.color()).isEqualTo("yellow");
        assertThat(abc.highlight()).isEqualTo("blink");
        ScreenView.Segment after = row4.get(row4.indexOf(abc) + 1);
        assertThat(after.text()).startsWith("!");
        assertThat(after.color()).isEqualTo("green");
        assertThat(after.highlight()).isEqualTo("none");
        ScreenView.Segment alert = view.lines().get(6).get(1);
        assertThat(alert.color()).isEqualTo("red");
        assertThat(alert.highlight()).isEqualTo("reverse");
        view.lines().forEach(row -> assertThat(row.stream().mapToInt(ScreenView.Segment::length).sum()).isEqualTo(80));
        String written = json.write(view);
        assertThat(written).contains("\"color\":\"turquoise\",\"highlight\":\"underscore\"")
                .contains("\"text\":\"ABC\",\"address\":327");
    }

    /** A model 5 screen (Erase/Write Alternate, 27x132) is drawn at its size. */
    @Test
    void aModelFiveScreenHasItsRowsAndColumns() {
        var host = new org.opencs.tn3270.datastream.DataStream(EBCDIC);
        var size = new org.opencs.tn3270.datastream.ScreenSize(27, 132);
        TerminalBuffer screen = new TerminalBuffer(size, EBCDIC);
        screen.write(host.eraseWrite(org.opencs.tn3270.datastream.Screen.of(List.of(
                org.opencs.tn3270.datastream.Field.text(26, 120, "LAST")), 0, 0, size), true));
        ScreenView view = ScreenView.of(screen, "TCP00001", false);
        assertThat(view.rows()).isEqualTo(27);
        assertThat(view.cols()).isEqualTo(132);
        assertThat(view.lines()).hasSize(27);
        view.lines().forEach(row -> assertThat(row.stream().mapToInt(ScreenView.Segment::length).sum()).isEqualTo(132));
        assertThat(view.lines().get(26).stream().map(ScreenView.Segment::text).reduce("", String::concat))
                .contains("LAST");
    }

    @Test
    void fillingAnInputMarksItModifiedForTheInboundRecord() {
        TerminalBuffer screen = logonLike("TSO/E LOGON", "");
        assertThat(screen.fill(5 * 80 + 16, 8, "IBMUSER")).isTrue();
        assertThat(screen.fill(0, 5, "X")).isFalse(); // an attribute position
        assertThat(screen.fill(5 * 80 + 2, 5, "X")).isFalse(); // protected
        byte[] inbound = screen.read(org.opencs.tn3270.datastream.Aid.ENTER);
        assertThat(new String(inbound, EBCDIC)).contains("IBMUSER");
        assertThat(inbound[0] & 0xFF).isEqualTo(0x7D);
    }

    @Test
    void keysAreReadAndBadOnesRefusedWithoutAClassName() {
        TerminalJson.Keys keys = json.keys("{\"aid\":\"PF3\",\"cursor\":17,\"fields\":[{\"address\":96,\"length\":8,\"text\":\"USER1\"}]}");
        assertThat(keys.aid()).isEqualTo("PF3");
        assertThat(keys.fields()).containsExactly(new TerminalJson.Input(96, 8, "USER1"));
        assertThatThrownBy(() -> json.keys("not json")).hasMessage("the message is not a terminal key in JSON");
        assertThatThrownBy(() -> json.keys("{\"cursor\":1}")).hasMessage("the message names no key");
    }

    /**
     * Whatever text the host writes (here any printable text the code page holds, "<script>" and quotes included),
     * the JSON parses, gives the row's text back exactly, and holds no character that could start markup.
     */
    @Property(tries = 200)
    void noScreenTextBreaksTheJsonOrBecomesMarkup(
            @ForAll @StringLength(min = 1, max = 60) @CharRange(from = ' ', to = '~') String text) throws Exception {
        ScreenView view = ScreenView.of(logonLike(text, "<b>"), "LU<1>", false);
        String written = json.write(view);
        assertThat(written).doesNotContain("<", ">", "&", "'");
        JsonNode back = new ObjectMapper().readTree(written);
        StringBuilder row0 = new StringBuilder();
        back.get("lines").get(0).forEach(s -> row0.append(s.get("text").asText()));
        assertThat(row0.toString()).isEqualTo(String.join("", view.lines().get(0).stream()
                .map(ScreenView.Segment::text).toList()));
        assertThat(row0.toString().substring(1)).startsWith(text);
        assertThat(back.get("lu").asText()).isEqualTo("LU<1>");
    }

    @Property(tries = 100)
    void statusLinesRoundTrip(@ForAll String message) throws Exception {
        String written = json.write(new TerminalJson.Status(message));
        assertThat(written).doesNotContain("<", ">");
        assertThat(new ObjectMapper().readTree(written).get("message").asText()).isEqualTo(message);
    }
}
