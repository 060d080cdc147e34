package org.opencs.tn3270.telnet;

import java.util.Arrays;

/** What the telnet layer reads and writes: 3270 records (ended by IAC EOR), option negotiation, subnegotiation. */
public sealed interface TelnetMessage {
    /** A record's bytes, IAC doubling already removed. */
    record Record(byte[] data) implements TelnetMessage {
        @Override
        public boolean equals(Object o) {
            return o instanceof Record r && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Record[" + data.length + " bytes]";
        }
    }

    /** IAC DO/DONT/WILL/WONT option. */
    record Negotiation(int verb, int option) implements TelnetMessage {
    }

    /** IAC SB option data IAC SE. */
    record Subnegotiation(int option, byte[] data) implements TelnetMessage {
        @Override
        public boolean equals(Object o) {
            return o instanceof Subnegotiation s && s.option == option && Arrays.equals(data, s.data);
        }

        @Override
        public int hashCode() {
            return 31 * option + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Subnegotiation[" + String.format("%02X", option) + ", " + data.length + " bytes]";
        }
    }

    /** Any other IAC command (NOP, BREAK, ...). */
    record Command(int code) implements TelnetMessage {
    }
}
