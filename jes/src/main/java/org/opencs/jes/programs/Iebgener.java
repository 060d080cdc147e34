package org.opencs.jes.programs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencs.core.Ebcdic;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.DataDefinition;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;

/**
 * IEBGENER without editing: copies SYSUT1's records to SYSUT2 (z/OS DFSMSdfp Utilities, "IEBGENER (Sequential Copy/
 * Generate Data Set) Program"). SYSIN is DD DUMMY or empty; editing statements (GENERATE, RECORD, MEMBER, LABELS, EXITS)
 * are refused with OCS0501E and code 12. SYSPRINT gets the utility's page heading, {@code IEB352I WARNING: ONE OR
 * MORE OF THE OUTPUT DCB PARMS COPIED FROM INPUT} when SYSUT2 has no DCB of its own (SYSOUT without DCB) and
 * {@code PROCESSING ENDED AT EOD}. Records are fitted to SYSUT2's DCB: fixed records padded with blanks or cut to
 * its LRECL.
 *
 * <p>DCB of a NEW SYSUT2: z/OS's IEBGENER copies SYSUT1's DCB at OPEN when the SYSUT2 DD gives none. In OpenCS the
 * initiator allocates a NEW data set before the step runs, so it is the initiator that gives a NEW SYSUT2 without
 * RECFM/LRECL/BLKSIZE on its DD the DCB of SYSUT1 when the step's program is IEBGENER.
 */
public final class Iebgener implements Program {
    static final String HEADING = String.format("%-111s%s", "DATA SET UTILITY - GENERATE", "PAGE 0001");

    @Override
    public Set<String> names() {
        return Set.of("IEBGENER");
    }

    @Override
    public int run(StepContext step) throws Abend {
        Output print = Output.open(step, "SYSPRINT");
        print.line(HEADING);
        Optional<DataDefinition> sysin = step.dd("SYSIN");
        if (sysin.isEmpty()) {
            Output.missing(step, "SYSIN");
        } else {
            List<String> statements = sysin.get().readLines().stream().filter(l -> !l.isBlank()).toList();
            if (!statements.isEmpty()) {
                statements.forEach(s -> print.line(" " + s.stripTrailing()));
                print.line("OCS0501E IEBGENER EDITING STATEMENTS (GENERATE, RECORD, MEMBER, LABELS, EXITS) ARE NOT "
                        + "SUPPORTED: USE SYSIN DD DUMMY");
                return 12;
            }
        }
        Optional<DataDefinition> sysut1 = step.dd("SYSUT1");
        Optional<DataDefinition> sysut2 = step.dd("SYSUT2");
        for (String name : List.of("SYSUT1", "SYSUT2")) {
            if (step.dd(name).isEmpty()) {
                Output.missing(step, name);
                print.line("OCS0502E " + name + " DD STATEMENT MISSING: NOTHING COPIED");
                return 12;
            }
        }
        Optional<DatasetAttributes> out = sysut2.get().attributes();
        if (out.isEmpty()) {
            print.line("");
            print.line("IEB352I WARNING: ONE OR MORE OF THE OUTPUT DCB PARMS COPIED FROM INPUT");
            out = sysut1.get().attributes();
        }
        for (byte[] record : sysut1.get().readRecords()) {
            if (step.cancelled()) {
                throw Ikjeft01.cancelled(step);
            }
            sysut2.get().writeRecord(fit(record, out));
        }
        print.line("");
        print.line("PROCESSING ENDED AT EOD");
        return 0;
    }

    /** A record fitted to the output DCB: fixed records padded with EBCDIC blanks or cut; others as they are. */
    static byte[] fit(byte[] record, Optional<DatasetAttributes> dcb) {
        if (dcb.isEmpty() || !dcb.get().recfm().fixed() || record.length == dcb.get().lrecl()) {
            if (dcb.isPresent() && dcb.get().recfm().variable() && record.length > dcb.get().lrecl() - 4) {
                return Arrays.copyOf(record, dcb.get().lrecl() - 4);
            }
            return record;
        }
        byte[] fitted = Arrays.copyOf(record, dcb.get().lrecl());
        if (record.length < fitted.length) {
            Arrays.fill(fitted, record.length, fitted.length, Ebcdic.BLANK);
        }
        return fitted;
    }
}
