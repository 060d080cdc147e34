package org.opencs.tn3270.server;

/** TN3270E data types (RFC 2355 8.1), the first byte of the 5-byte header every TN3270E record starts with. */
final class HostRecords {
    static final int DATA_3270 = 0x00;
    static final int SCS_DATA = 0x01;
    static final int RESPONSE = 0x02;
    static final int BIND_IMAGE = 0x03;
    static final int UNBIND = 0x04;
    static final int SSCP_LU_DATA = 0x07;
    static final int PRINT_EOJ = 0x08;

    private HostRecords() {
    }
}
