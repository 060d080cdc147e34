package org.opencs.tn3270.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.opencs.core.Ebcdic;

/** Round trips of the 3270 codecs: buffer addresses, and what a terminal sends back for a field it was given. */
class DataStreamPropertiesTest {
    @Property
    void bufferAddressesRoundTrip(@ForAll @IntRange(min = 0, max = 16383) int address) {
        byte[] encoded = BufferAddress.encode(address);
        assertThat(BufferAddress.decode(encoded[0] & 0xFF, encoded[1] & 0xFF)).isEqualTo(address);
        if (address < 4096) {
            assertThat(encoded[0] & 0xC0).as("12-bit addresses are graphic codes").isNotZero();
        }
    }

    @Property
    void aReadModifiedRecordGivesBackTheFieldsTyped(@ForAll @IntRange(min = 0, max = 1919) int address,
                                                    @ForAll @StringLength(min = 1, max = 40) String typed) {
        String text = typed.replaceAll("[^A-Za-z0-9 ]", "X");
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(Aid.ENTER.code);
        record.writeBytes(BufferAddress.encode(address));
        record.write(DataStream.SBA);
        record.writeBytes(BufferAddress.encode(address));
        record.writeBytes(Ebcdic.encode(text));
        DataStream.Input input = new DataStream(Ebcdic.IBM_1047).read(record.toByteArray());
        assertThat(input.aid()).isEqualTo(Aid.ENTER);
        assertThat(input.cursor()).isEqualTo(address);
        assertThat(input.fields()).containsEntry(address, text);
    }

    @Property
    void anEraseWritePlacesEveryFieldAttributeBeforeItsText(@ForAll @IntRange(min = 0, max = 23) int row,
                                                             @ForAll @IntRange(min = 1, max = 60) int column) {
        Screen screen = Screen.of(List.of(Field.text(row, column, "HELLO")), row, column);
        byte[] stream = new DataStream(Ebcdic.IBM_1047).eraseWrite(screen);
        assertThat(stream[0] & 0xFF).isEqualTo(DataStream.ERASE_WRITE);
        assertThat(stream[2] & 0xFF).isEqualTo(DataStream.SBA);
        assertThat(BufferAddress.decode(stream[3] & 0xFF, stream[4] & 0xFF)).isEqualTo(row * 80 + column - 1);
        assertThat(stream[5] & 0xFF).isEqualTo(DataStream.SF);
        assertThat(stream[6] & 0x20).as("protected").isNotZero();
        assertThat(Ebcdic.decode(java.util.Arrays.copyOfRange(stream, 7, 12))).isEqualTo("HELLO");
    }
}
