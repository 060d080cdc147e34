package org.opencs.tn3270.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.opencs.core.Ebcdic;
import org.opencs.tn3270.datastream.BufferAddress;
import org.opencs.tn3270.datastream.Color;
import org.opencs.tn3270.datastream.DataStream;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Highlight;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tn3270.datastream.ScreenSize;

/**
 * Colour and extended highlighting in the client's screen model: SFE and MF (extended field attributes x'41'
 * highlighting, x'42' colour), SA (character attributes) and the colours a 3279 gives fields without one (IBM 3270
 * Data Stream Programmer's Reference GA23-0059; the base colours as IBM SC34-5764's panel notes list them).
 */
class TerminalBufferColorTest {
    private static final int SF = 0x1D;
    private static final int SFE = 0x29;
    private static final int SBA = 0x11;
    private static final int SA = 0x28;
    private static final int MF = 0x2C;
    private final DataStream host = new DataStream(Ebcdic.IBM_1047);

    private static TerminalBuffer terminal() {
        return new TerminalBuffer(ScreenSize.DEFAULT, Ebcdic.IBM_1047);
    }

    /** Erase/Write, WCC restore, then {@code orders}. */
    private static byte[] eraseWrite(byte[]... orders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xF5);
        out.write(0xC3);
        for (byte[] o : orders) {
            out.writeBytes(o);
        }
        return out.toByteArray();
    }

    private static byte[] sba(int address) {
        byte[] a = BufferAddress.encode(address);
        return new byte[] {SBA, a[0], a[1]};
    }

    private static byte[] sf(int attribute) {
        return new byte[] {SF, (byte) BufferAddress.code(attribute)};
    }

    private static byte[] text(String s) {
        return s.getBytes(Ebcdic.IBM_1047);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void fieldsWithoutColourShowA3279sBaseColours() {
        TerminalBuffer t = terminal();
        // protected normal at 0, protected intensified at 10, unprotected normal at 20, unprotected intensified at 30
        t.write(eraseWrite(sba(0), sf(0x20), text("PN"), sba(10), sf(0x28), text("PI"), sba(20), sf(0x00), text("UN"),
                sba(30), sf(0x08), text("UI"), sba(40), sf(0x20)));
        assertThat(t.cell(1).color()).isEqualTo(Color.BLUE);
        assertThat(t.cell(11).color()).isEqualTo(Color.WHITE);
        assertThat(t.cell(21).color()).isEqualTo(Color.GREEN);
        assertThat(t.cell(31).color()).isEqualTo(Color.RED);
        assertThat(t.cell(1).highlight()).isEqualTo(Highlight.DEFAULT);
    }

    @Test
    void oneColouredFieldPutsTheScreenInExtendedColourModeNormalGreenIntensifiedWhite() {
        TerminalBuffer t = terminal();
        t.write(eraseWrite(sba(0), bytes(SFE, 2, 0xC0, BufferAddress.code(0x20), 0x42, 0xF6), text("YELLOW"),
                sba(10), sf(0x20), text("PN"), sba(20), sf(0x08), text("UI"), sba(30), sf(0x20)));
        assertThat(t.cell(1).color()).isEqualTo(Color.YELLOW);
        assertThat(t.cell(11).color()).as("protected normal without colour").isEqualTo(Color.GREEN);
        assertThat(t.cell(21).color()).as("unprotected intensified without colour").isEqualTo(Color.WHITE);
        // an Erase/Write without colours goes back to base colours
        t.write(eraseWrite(sba(10), sf(0x20), text("PN")));
        assertThat(t.cell(11).color()).isEqualTo(Color.BLUE);
    }

    @Test
    void startFieldExtendedCarriesColourHighlightingAndTheBasicAttribute() {
        TerminalBuffer t = terminal();
        t.write(eraseWrite(sba(79), bytes(SFE, 3, 0x41, 0xF4, 0x42, 0xF5, 0xC0, BufferAddress.code(0x08)),
                sba(90), sf(0x20)));
        TerminalBuffer.Cell input = t.cell(80);
        assertThat(input.protectedField()).isFalse();
        assertThat(input.intensified()).isTrue();
        assertThat(input.color()).isEqualTo(Color.TURQUOISE);
        assertThat(input.highlight()).isEqualTo(Highlight.UNDERSCORE);
        assertThat(t.cell(79).attributePosition()).isTrue();
        assertThat(t.cell(79).highlight()).as("the attribute position is a plain blank").isEqualTo(Highlight.DEFAULT);
        // SFE without a x'C0' pair: unprotected, normal
        t.write(eraseWrite(sba(0), bytes(SFE, 1, 0x41, 0xF2), text("REV")));
        assertThat(t.cell(1).protectedField()).isFalse();
        assertThat(t.cell(1).highlight()).isEqualTo(Highlight.REVERSE);
        assertThat(t.cell(1).color()).isEqualTo(Color.GREEN);
    }

    @Test
    void setAttributeColoursTheCharactersThatFollowUntilResetOrTheEndOfTheWrite() {
        TerminalBuffer t = terminal();
        t.write(eraseWrite(sba(0), sf(0x20), text("A"), bytes(SA, 0x42, 0xF2), text("RR"), bytes(SA, 0x41, 0xF1),
                text("B"), bytes(SA, 0x00, 0x00), text("N")));
        assertThat(t.text()[0]).startsWith(" ARRBN");
        assertThat(t.cell(1).color()).isEqualTo(Color.GREEN); // the screen has a colour: protected normal is green
        assertThat(t.cell(2).color()).isEqualTo(Color.RED);
        assertThat(t.cell(3).color()).isEqualTo(Color.RED);
        assertThat(t.cell(4).color()).isEqualTo(Color.RED);
        assertThat(t.cell(4).highlight()).isEqualTo(Highlight.BLINK);
        assertThat(t.cell(5).color()).as("SA x'00' resets").isEqualTo(Color.GREEN);
        assertThat(t.cell(5).highlight()).isEqualTo(Highlight.DEFAULT);
        // a new Write (no erase) starts with default character attributes
        t.write(new byte[] {(byte) 0xF1, (byte) 0xC2, SBA, BufferAddress.encode(6)[0], BufferAddress.encode(6)[1],
                (byte) 0xE7});
        assertThat(t.cell(6).color()).isEqualTo(Color.GREEN);
        assertThat(t.cell(3).color()).as("what the first write coloured stays").isEqualTo(Color.RED);
    }

    @Test
    void aCharacterColourWinsOverItsFieldsColour() {
        TerminalBuffer t = terminal();
        t.write(eraseWrite(sba(0), bytes(SFE, 2, 0xC0, BufferAddress.code(0x20), 0x42, 0xF1), text("B"),
                bytes(SA, 0x42, 0xF3), text("P")));
        assertThat(t.cell(1).color()).isEqualTo(Color.BLUE);
        assertThat(t.cell(2).color()).isEqualTo(Color.PINK);
    }

    @Test
    void modifyFieldChangesAnExistingFieldsAttributesAndStepsPastIt() {
        TerminalBuffer t = terminal();
        t.write(eraseWrite(sba(0), sf(0x20), text("TEXT"), sba(10), sf(0x00)));
        assertThat(t.cell(1).color()).isEqualTo(Color.BLUE);
        // Write: SBA 0, MF (colour yellow, highlighting underscore, attribute protected intensified), then text at 1
        t.write(new byte[] {(byte) 0xF1, (byte) 0xC2, SBA, 0x40, 0x40, MF, 3, 0x42, (byte) 0xF6, 0x41, (byte) 0xF4,
                (byte) 0xC0, (byte) BufferAddress.code(0x28), (byte) 0xE7});
        assertThat(t.cell(1).color()).isEqualTo(Color.YELLOW);
        assertThat(t.cell(1).highlight()).isEqualTo(Highlight.UNDERSCORE);
        assertThat(t.cell(1).intensified()).isTrue();
        assertThat(t.text()[0]).as("MF stepped past the attribute: X went to position 1").startsWith(" XEXT");
        // MF x'00' values reset colour and highlighting to the default
        t.write(new byte[] {(byte) 0xF1, (byte) 0xC2, SBA, 0x40, 0x40, MF, 2, 0x42, 0x00, 0x41, 0x00});
        assertThat(t.cell(1).color()).isEqualTo(Color.WHITE);
        assertThat(t.cell(1).highlight()).isEqualTo(Highlight.DEFAULT);
    }

    @Test
    void unknownColourAndHighlightValuesShowAsDefault() {
        TerminalBuffer t = terminal();
        t.write(eraseWrite(sba(0), bytes(SFE, 3, 0xC0, BufferAddress.code(0x20), 0x42, 0xFA, 0x41, 0xF8), text("X"),
                bytes(SA, 0x45, 0xF2), text("Y")));
        assertThat(t.cell(1).color()).isEqualTo(Color.BLUE);
        assertThat(t.cell(1).highlight()).isEqualTo(Highlight.DEFAULT);
        assertThat(t.cell(2).color()).as("SA background colour (x'45') is not a foreground").isEqualTo(Color.BLUE);
    }

    @Test
    void theNeutralColourIsKept() {
        TerminalBuffer t = terminal();
        t.write(eraseWrite(sba(0), bytes(SFE, 2, 0xC0, BufferAddress.code(0x20), 0x42, 0xF0), text("N")));
        assertThat(t.cell(1).color()).isEqualTo(Color.NEUTRAL);
    }

    /** Round trip: the host's encoder (SFE for coloured fields) read back by the client gives every field's look. */
    @Property(tries = 200)
    void anyColouredScreenReadsBackWithItsColoursAndHighlighting(@ForAll("fields") List<Field> fields) {
        byte[] stream = host.eraseWrite(Screen.of(fields, 0, 0, new ScreenSize(43, 80)), true);
        TerminalBuffer t = new TerminalBuffer(new ScreenSize(43, 80), Ebcdic.IBM_1047);
        t.write(stream);
        boolean anyColor = fields.stream().anyMatch(f -> f.color() != Color.DEFAULT);
        for (Field f : fields) {
            int address = f.row() * 80 + f.column();
            TerminalBuffer.Cell cell = t.cell(address);
            assertThat(cell.protectedField()).isEqualTo(!f.write());
            assertThat(cell.intensified()).isEqualTo(f.intense());
            assertThat(cell.highlight()).isEqualTo(f.highlight());
            Color expected = f.color() != Color.DEFAULT ? f.color()
                    : anyColor ? (f.intense() ? Color.WHITE : Color.GREEN)
                    : f.write() ? (f.intense() ? Color.RED : Color.GREEN) : (f.intense() ? Color.WHITE : Color.BLUE);
            assertThat(cell.color()).isEqualTo(expected);
            assertThat(t.text()[f.row()].substring(f.column(), f.column() + f.content().length())).isEqualTo(f.content());
        }
    }

    /** Up to 20 fields, one per row (rows 1, 3, 5 ...), of random look. */
    @Provide
    Arbitrary<List<Field>> fields() {
        Arbitrary<Field> one = Combinators.combine(Arbitraries.strings().withChars("ABCXYZ0123 ").ofMinLength(1)
                        .ofMaxLength(20), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(Color.class), Arbitraries.of(Highlight.class))
                .as((text, write, intense, color, highlight) -> new Field(0, 2, text, write, false, false, intense,
                        20, write ? "f" : null, color, highlight));
        return one.list().ofMinSize(1).ofMaxSize(20).map(list -> {
            List<Field> placed = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Field f = list.get(i);
                placed.add(new Field(1 + 2 * i, 2, f.content(), f.write(), false, false, f.intense(), f.length(),
                        f.write() ? "f" + i : null, f.color(), f.highlight()));
            }
            return placed;
        });
    }
}
