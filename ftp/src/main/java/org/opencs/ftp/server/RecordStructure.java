package org.opencs.ftp.server;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.opencs.core.ZosException;

/**
 * STRU R on the wire (RFC 959 section 3.4.2): each record ends with x'FF01', the file with x'FF02', and a data byte
 * x'FF' is sent twice. z/OS keeps trailing blanks under record structure.
 */
final class RecordStructure {
    private static final int ESCAPE = 0xFF;

    private RecordStructure() {
    }

    static byte[] encode(List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] record : records) {
            for (byte b : record) {
                out.write(b);
                if ((b & 0xFF) == ESCAPE) {
                    out.write(ESCAPE);
                }
            }
            out.write(ESCAPE);
            out.write(0x01);
        }
        out.write(ESCAPE);
        out.write(0x02);
        return out.toByteArray();
    }

    /** The records of a record-structured upload; a stray escape or a missing end of file is an error. */
    static List<byte[]> decode(byte[] wire) {
        List<byte[]> records = new ArrayList<>();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        for (int i = 0; i < wire.length; i++) {
            int b = wire[i] & 0xFF;
            if (b != ESCAPE) {
                record.write(b);
                continue;
            }
            if (++i >= wire.length) {
                break;
            }
            int control = wire[i] & 0xFF;
            if (control == ESCAPE) {
                record.write(ESCAPE);
            } else if ((control & 0x01) != 0 || (control & 0x02) != 0) {
                // x'01' end of record, x'02' end of file, x'03' both
                if ((control & 0x01) != 0 || record.size() > 0) {
                    records.add(record.toByteArray());
                    record.reset();
                }
                if ((control & 0x02) != 0) {
                    return records;
                }
            } else {
                throw new ZosException("451", "Record structure data has an unknown control byte x'"
                        + Integer.toHexString(control).toUpperCase(java.util.Locale.ROOT) + "' at offset " + i + ".");
            }
        }
        throw new ZosException("451", "Record structure data ended without an end-of-file mark (x'FF02').");
    }
}
