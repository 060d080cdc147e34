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

    /** What a terminal of any 3270 size answers to Read Partition Query gives the host back that size. */
    @Property
    void queryRepliesGiveBackTheAlternateSize(@ForAll @IntRange(min = 24, max = 200) int rows,
                                              @ForAll @IntRange(min = 80, max = 250) int columns) {
        if (rows * columns > ScreenSize.MAX_POSITIONS) {
            return;
        }
        ScreenSize size = new ScreenSize(rows, columns);
        assertThat(Query.alternateSize(Query.replies(Query.replyFor(size)))).isEqualTo(size);
    }

    @Property
    void truncatedQueryRepliesAreRefusedOrReadForWhatIsLeft(@ForAll @IntRange(min = 1, max = 40) int cut) {
        byte[] reply = Query.replyFor(new ScreenSize(43, 80));
        byte[] truncated = java.util.Arrays.copyOf(reply, Math.max(1, reply.length - cut));
        // Cut inside a reply: refused. Cut between replies: what is left describes the same size or none (24x80).
        try {
            assertThat(Query.alternateSize(Query.replies(truncated))).isIn(new ScreenSize(43, 80), ScreenSize.DEFAULT);
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageContaining("offset");
        }
    }

    @Property
    void screensLargerThan24x80GoOutAsEraseWriteAlternateWith14BitAddresses(
            @ForAll @IntRange(min = 60, max = 62) int row, @ForAll @IntRange(min = 100, max = 150) int column) {
        ScreenSize size = new ScreenSize(63, 160);
        Screen screen = Screen.of(List.of(Field.text(row, column, "HI")), row, column, size);
        byte[] stream = new DataStream(Ebcdic.IBM_1047).eraseWrite(screen);
        assertThat(stream[0] & 0xFF).isEqualTo(DataStream.ERASE_WRITE_ALTERNATE);
        assertThat(stream[3] & 0xC0).as("14-bit address").isZero();
        assertThat(BufferAddress.decode(stream[3] & 0xFF, stream[4] & 0xFF)).isEqualTo(row * 160 + column - 1);
    }

    @Property
    void theTerminalTypeNamesTheAlternateSize(@ForAll("models") String model) {
        ScreenSize size = ScreenSize.alternateOf("IBM-3278-" + model + "-E");
        assertThat(size).isEqualTo(switch (model) {
            case "3" -> new ScreenSize(32, 80);
            case "4" -> new ScreenSize(43, 80);
            case "5" -> new ScreenSize(27, 132);
            default -> ScreenSize.DEFAULT;
        });
        assertThat(ScreenSize.alternateOf("IBM-3279-" + model)).isEqualTo(size);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> models() {
        return net.jqwik.api.Arbitraries.of("2", "3", "4", "5");
    }

    @Property
    void coloursGoOutOnlyToTerminalsWithExtendedAttributes(@ForAll("colors") Color color) {
        Screen screen = Screen.of(List.of(Field.title(0, 1, "TITLE").withColor(color)), 0, 1);
        DataStream ds = new DataStream(Ebcdic.IBM_1047);
        byte[] basic = ds.eraseWrite(screen, false);
        byte[] extended = ds.eraseWrite(screen, true);
        assertThat(basic[5] & 0xFF).isEqualTo(DataStream.SF);
        if (color == Color.DEFAULT) {
            assertThat(extended).isEqualTo(basic);
        } else {
            assertThat(java.util.Arrays.copyOfRange(extended, 5, 11)).containsExactly((byte) DataStream.SFE, (byte) 2,
                    (byte) 0xC0, basic[6], (byte) 0x42, (byte) color.code);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Color> colors() {
        return net.jqwik.api.Arbitraries.of(Color.class);
    }

    /** SSCP-LU data: rows ended by New Line; a later screen adds only the rows that changed, below the input. */
    @Property
    void unformattedDataSendsOnlyWhatChanged(@ForAll @IntRange(min = 2, max = 20) int messageRow) {
        DataStream ds = new DataStream(Ebcdic.IBM_1047);
        Screen first = Screen.of(List.of(Field.text(0, 1, "WELCOME"), Field.input(21, 6, 20, "command", "")), 21, 6);
        Screen second = Screen.of(List.of(Field.text(0, 1, "WELCOME"), Field.text(messageRow, 1, "IST457I"),
                Field.input(21, 6, 20, "command", "")), 21, 6);
        byte[] nl = {DataStream.NL};
        assertThat(ds.unformatted(first, null)).isEqualTo(concat(Ebcdic.encode(" WELCOME"), nl));
        assertThat(ds.unformatted(second, first)).isEqualTo(concat(nl, Ebcdic.encode(" IST457I"), nl));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
