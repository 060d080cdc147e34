package org.opencs.tn3270.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencs.core.Ebcdic;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.BufferAddress;
import org.opencs.tn3270.datastream.DataStream;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Query;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tn3270.datastream.ScreenSize;

/** The client's terminal against the server's encoder: sizes, the host's reads and Read Partition Query. */
class TerminalBufferTest {
    private final DataStream host = new DataStream(Ebcdic.IBM_1047);
    private final ScreenSize model4 = new ScreenSize(43, 80);

    @Test
    void eraseWriteAlternateSwitchesToTheModelsSizeAndEraseWriteBack() {
        TerminalBuffer terminal = new TerminalBuffer(model4, Ebcdic.IBM_1047);
        terminal.write(host.eraseWrite(Screen.of(List.of(Field.text(42, 1, "LAST ROW")), 0, 0, model4)));
        assertThat(terminal.size()).isEqualTo(model4);
        assertThat(terminal.text()).hasSize(43);
        assertThat(terminal.text()[42]).startsWith(" LAST ROW");
        terminal.write(host.eraseWrite(Screen.of(List.of(Field.text(0, 1, "SMALL")), 0, 0)));
        assertThat(terminal.size()).isEqualTo(ScreenSize.DEFAULT);
        assertThat(terminal.text()).hasSize(24);
    }

    @Test
    void readPartitionQueryIsAnsweredWithTheModelsSize() {
        TerminalBuffer terminal = new TerminalBuffer(model4, Ebcdic.IBM_1047);
        byte[] reply = terminal.write(Query.readPartitionQuery());
        assertThat(Query.alternateSize(Query.replies(reply))).isEqualTo(model4);
    }

    @Test
    void readBufferSendsEveryPositionAndReadModifiedTheTypedField() {
        TerminalBuffer terminal = new TerminalBuffer(ScreenSize.DEFAULT, Ebcdic.IBM_1047);
        terminal.write(host.eraseWrite(Screen.of(List.of(Field.text(0, 1, "NAME"), Field.input(0, 7, 8, "name", "")), 0, 7)));
        assertThat(terminal.type("ABC")).isTrue();
        byte[] buffer = terminal.write(new byte[] {(byte) 0xF2});
        assertThat(buffer[0] & 0xFF).isEqualTo(Aid.NONE.code);
        // AID, cursor (2 bytes), then 1920 positions, each attribute taking one more byte (its SF order).
        long attributes = 3; // NAME's, the input field's, and the one ending the input field
        assertThat(buffer).hasSize(3 + 1920 + (int) attributes);
        assertThat(Ebcdic.decode(java.util.Arrays.copyOfRange(buffer, 3, 40))).contains("NAME").contains("ABC");
        assertThat(buffer[3] & 0xFF).as("position 0 is the first field's attribute: SF").isEqualTo(0x1D);
        byte[] modified = terminal.write(new byte[] {(byte) 0xF6});
        DataStream.Input input = host.read(modified);
        assertThat(input.fields()).containsEntry(7, "ABC");
        assertThat(terminal.keyboardLocked()).as("a host read does not lock the keyboard").isFalse();
        assertThat(BufferAddress.decode(modified[1] & 0xFF, modified[2] & 0xFF)).isEqualTo(10);
    }
}
