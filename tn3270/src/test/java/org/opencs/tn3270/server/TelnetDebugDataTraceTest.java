package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.opencs.tn3270.datastream.BufferAddress;
import org.opencs.tn3270.datastream.DataStream;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;
import org.opencs.tn3270.telnet.TelnetNames;

/**
 * DEBUG TRACE's data lines (hex and text, 64 bytes without FULLDATATRACE) and their masking of non-display fields, and
 * DEBUG DETAIL's telnet messages in words.
 */
class TelnetDebugDataTraceTest {
    private static final Charset CP1047 = Charset.forName("IBM1047");
    private static final Screen LOGON = Screen.of(List.of(Field.text(0, 0, "USERID"), Field.input(0, 10, 8, "userid",
            ""), Field.text(1, 0, "PASSWORD"), Field.hiddenInput(1, 10, 8, "password")), 0, 10);

    /** What a terminal sends after typing into the logon screen: Enter, cursor, SBA + text per modified field. */
    private static byte[] readModified(String userid, String password) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x7D);
        out.writeBytes(BufferAddress.encode(90));
        out.write(0x11);
        out.writeBytes(BufferAddress.encode(10));
        out.writeBytes(userid.getBytes(CP1047));
        out.write(0x11);
        out.writeBytes(BufferAddress.encode(90));
        out.writeBytes(password.getBytes(CP1047));
        return out.toByteArray();
    }

    private static String all(List<String> lines) {
        return String.join("\n", lines);
    }

    @Test
    void aRecordIsShownInHexAndAsTextThirtyTwoBytesALine() {
        byte[] data = "HELLO WORLD".getBytes(CP1047);
        List<String> lines = DataTrace.lines("OUT", "3270-DATA", data, CP1047, false);
        assertThat(lines).containsExactly("OUT 3270-DATA 11 BYTES +0000 C8C5D3D3D640E6D6D9D3C4 'HELLO WORLD'");
        byte[] orders = {(byte) 0xF5, (byte) 0xC3, 0x11, 0x40, 0x40, 0x1D, 0x60};
        assertThat(DataTrace.lines("OUT", "3270-DATA", orders, CP1047, false).get(0)).endsWith("'5C.  .-'")
                .contains("F5C31140401D60");
    }

    @Test
    void withoutFullDataTraceOnlyTheFirstSixtyFourBytesAreShown() {
        byte[] data = new byte[200];
        java.util.Arrays.fill(data, (byte) 0xC1);
        List<String> short64 = DataTrace.lines("IN", "3270-DATA", data, CP1047, false);
        assertThat(short64).hasSize(2);
        assertThat(short64.get(1)).contains("+0020").endsWith("(first 64 bytes; FULLDATATRACE shows all)");
        List<String> full = DataTrace.lines("IN", "3270-DATA", data, CP1047, true);
        assertThat(full).hasSize(7);
        assertThat(full.get(6)).contains("+00C0").contains("200 BYTES").doesNotContain("first 64");
    }

    @Test
    void whatIsTypedIntoANonDisplayFieldIsMaskedAndTheRestShown() {
        byte[] masked = DataTrace.maskInbound(readModified("USER1", "SECRET7"), LOGON);
        String trace = all(DataTrace.lines("IN", "3270-DATA", masked, CP1047, true));
        assertThat(trace).contains("USER1").contains("********").doesNotContain("SECRET7")
                .doesNotContain(HexFormat.of().withUpperCase().formatHex("SECRET7".getBytes(CP1047)));
        // The masked record still reads as a record: the userid field keeps its text, the password is eight asterisks.
        DataStream.Input input = new DataStream(CP1047).read(masked);
        assertThat(input.fields()).isEqualTo(Map.of(10, "USER1", 90, "********"));
        // A screen without non-display fields: nothing is masked.
        Screen open = Screen.of(List.of(Field.input(0, 10, 8, "userid", "")), 0, 10);
        assertThat(DataTrace.maskInbound(readModified("USER1", "VISIBLE"), open))
                .isEqualTo(readModified("USER1", "VISIBLE"));
    }

    @Test
    void aRecordThatIsNotAFieldListIsMaskedAfterItsHeaderWhenTheScreenHidesAField() {
        byte[] odd = {0x7D, 0x40, 0x40, (byte) 0xC1, (byte) 0xC2};
        assertThat(DataTrace.maskInbound(odd, LOGON)).isEqualTo(new byte[] {0x7D, 0x40, 0x40, 0x5C, 0x5C, 0x5C, 0x5C,
            0x5C, 0x5C, 0x5C, 0x5C});
    }

    @Test
    void textAScreenWritesIntoANonDisplayFieldIsMasked() {
        Screen withHiddenText = Screen.of(List.of(new Field(0, 10, "TOPSECRET", true, false, true, false, 9, "p")), 0, 0);
        byte[] write = new DataStream(CP1047).eraseWrite(withHiddenText);
        assertThat(all(DataTrace.lines("OUT", "3270-DATA", write, CP1047, true))).contains("TOPSECRET");
        String masked = all(DataTrace.lines("OUT", "3270-DATA", DataTrace.maskOutbound(write), CP1047, true));
        assertThat(masked).doesNotContain("TOPSECRET").contains("********");
        // SFE with a non-display basic attribute hides the text as well, up to the next field attribute (text after
        // an SBA may still be in the same field: it is masked too).
        byte[] sfe = {(byte) 0xF5, (byte) 0xC3, 0x29, 0x01, (byte) 0xC0, 0x4C, (byte) 0xC1, (byte) 0xC2, 0x11, 0x40, 0x40,
            (byte) 0xC3};
        assertThat(DataTrace.maskOutbound(sfe)).isEqualTo(new byte[] {(byte) 0xF5, (byte) 0xC3, 0x29, 0x01,
            (byte) 0xC0, 0x4C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x11, 0x40, 0x40, 0x5C, 0x5C, 0x5C, 0x5C,
            0x5C, 0x5C, 0x5C, 0x5C});
    }

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#$@").ofMinLength(4).ofMaxLength(8);
    }

    /** Whatever password is typed, no trace line shows it, in hex or as text, even with FULLDATATRACE. */
    @Property
    void aTypedPasswordNeverAppearsInATraceLine(@ForAll("passwords") String password) {
        byte[] masked = DataTrace.maskInbound(readModified("USER1", password), LOGON);
        String trace = all(DataTrace.lines("IN", "3270-DATA", masked, CP1047, true));
        String hex = trace.replaceAll("(?m)^.*? \\+[0-9A-F]{4} ([0-9A-F]+) '.*$", "$1").replace("\n", "");
        assertThat(hex).doesNotContain(HexFormat.of().withUpperCase().formatHex(password.getBytes(CP1047)));
        assertThat(trace).doesNotContain("'" + password).doesNotContain(password + "'");
        assertThat(new DataStream(CP1047).read(masked).fields().get(90)).isEqualTo("********");
    }

    @Test
    void telnetMessagesInWords() {
        assertThat(TelnetNames.describe(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E))).isEqualTo("DO TN3270E");
        assertThat(TelnetNames.describe(new TelnetMessage.Negotiation(Telnet.WONT, 0x99))).isEqualTo("WONT OPTION x'99'");
        assertThat(TelnetNames.describe(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                "\u0002\u0007IBM-3278-2-E\u0001TCP00007".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))))
                .isEqualTo("SB TN3270E DEVICE-TYPE REQUEST IBM-3278-2-E CONNECT TCP00007");
        assertThat(TelnetNames.describe(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x02, 0x06, 0x05,
            0x01}))).isEqualTo("SB TN3270E DEVICE-TYPE REJECT REASON DEVICE-IN-USE");
        assertThat(TelnetNames.describe(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x04, 0x00,
            0x02, 0x04}))).isEqualTo("SB TN3270E FUNCTIONS IS BIND-IMAGE RESPONSES SYSREQ");
        assertThat(TelnetNames.describe(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x08, 0x02})))
                .isEqualTo("SB TN3270E SEND DEVICE-TYPE");
        assertThat(TelnetNames.describe(new TelnetMessage.Subnegotiation(Telnet.TERMINAL_TYPE,
                "\u0000IBM-3279-2".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))))
                .isEqualTo("SB TERMINAL-TYPE IS IBM-3279-2");
        assertThat(TelnetNames.describe(new TelnetMessage.Subnegotiation(Telnet.START_TLS, new byte[] {0x01})))
                .isEqualTo("SB START-TLS FOLLOWS");
        assertThat(TelnetNames.describe(new TelnetMessage.Subnegotiation(Telnet.NEW_ENVIRON, ExpressLogon.SEND_REQUEST)))
                .isEqualTo("SB NEW-ENVIRON SEND USERVAR IBMELF USERVAR IBMAPPLID");
        byte[] is = "\u0000\u0003IBMELF\u0001YES\u0003IBMAPPLID\u0001TSO".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(TelnetNames.describe(new TelnetMessage.Subnegotiation(Telnet.NEW_ENVIRON, is)))
                .isEqualTo("SB NEW-ENVIRON IS USERVAR IBMELF=YES USERVAR IBMAPPLID=TSO");
        assertThat(TelnetNames.describe(new TelnetMessage.Command(Telnet.AO))).isEqualTo("IAC AO");
    }
}
