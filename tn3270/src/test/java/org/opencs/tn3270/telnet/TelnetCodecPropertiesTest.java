package org.opencs.tn3270.telnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Telnet framing: whatever is encoded decodes to the same messages, split anywhere; hostile streams end cleanly. */
class TelnetCodecPropertiesTest {
    @Property
    void recordsAndSubnegotiationsRoundTripInAnyChunking(@ForAll @Size(max = 300) byte[] data,
                                                         @ForAll @IntRange(min = 1, max = 17) int chunk) {
        List<TelnetMessage> sent = List.of(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E),
                new TelnetMessage.Record(data), new TelnetMessage.Subnegotiation(Telnet.TN3270E, data.length > 200
                        ? java.util.Arrays.copyOf(data, 200) : data), new TelnetMessage.Command(Telnet.NOP));
        ByteBuf wire = Unpooled.buffer();
        sent.forEach(m -> TelnetEncoder.encode(m, wire));
        EmbeddedChannel channel = new EmbeddedChannel(new TelnetDecoder());
        while (wire.isReadable()) {
            channel.writeInbound(wire.readRetainedSlice(Math.min(chunk, wire.readableBytes())));
        }
        List<TelnetMessage> received = new ArrayList<>();
        for (Object m = channel.readInbound(); m != null; m = channel.readInbound()) {
            received.add((TelnetMessage) m);
        }
        assertThat(received).isEqualTo(sent);
        wire.release();
    }

    @Property
    void anyByteStreamEitherDecodesOrFailsWithADecoderError(@ForAll @Size(max = 500) byte[] noise) {
        EmbeddedChannel channel = new EmbeddedChannel(new TelnetDecoder());
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(noise));
        } catch (DecoderException e) {
            assertThat(e).hasMessageContaining("telnet").as("only framing errors");
        }
    }

    @Property(tries = 5)
    void aRecordThatNeverEndsIsRefusedAtTheLimit() {
        EmbeddedChannel channel = new EmbeddedChannel(new TelnetDecoder());
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[TelnetDecoder.MAX_RECORD + 1])))
                .isInstanceOf(DecoderException.class).hasMessageContaining("longer than");
    }
}
