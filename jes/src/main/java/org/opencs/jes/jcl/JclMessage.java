package org.opencs.jes.jcl;

/**
 * A JCL conversion message for JESYSMSG: the statement number it refers to (0 when none), the message ID
 * (IEFC605I, IEFC019I, IEFC612I, ...) and the text without the ID. Source: z/OS MVS System Messages, IEF-IGD
 * ("IEFC" messages of the converter/interpreter).
 */
public record JclMessage(int statement, String id, String text) {
    /** As JESYSMSG prints it: {@code "  <statement> IEFC605I UNIDENTIFIED OPERATION FIELD"}. */
    public String line() {
        return (statement > 0 ? String.format("%4d ", statement) : "     ") + id + " " + text;
    }
}
