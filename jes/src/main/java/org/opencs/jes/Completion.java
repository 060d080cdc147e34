package org.opencs.jes;

/**
 * How an ended job ended, in the words of the JES interface level 2 job list and $HASP395: "RC=0000" (the highest
 * step code, 4 decimal digits), "ABEND=806" (system code in hex) or "ABEND=U0016" style user codes, "(JCL error)",
 * "CANCELED" (cancelled while it ran or waited). Source: zos-ftp.md §2.6.
 */
public sealed interface Completion {
    /** The text of the FTP job list and `opencs jobs`: RC=0000, ABEND=806, (JCL error), CANCELED. */
    String text();

    record ReturnCode(int code) implements Completion {
        public String text() {
            return String.format("RC=%04d", code);
        }
    }

    /** {@code code} as in ABEND=806 (system, 3 hex digits) or U0016 (user). */
    record Abended(String code) implements Completion {
        public String text() {
            return "ABEND=" + code;
        }
    }

    record JclError() implements Completion {
        public String text() {
            return "(JCL error)";
        }
    }

    record Canceled() implements Completion {
        public String text() {
            return "CANCELED";
        }
    }
}
