package org.opencs.jes.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.DataDefinition;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;
import org.opencs.tso.SecretMasker;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.SystsinReader;

/**
 * The batch terminal monitor program (TMP) under its three entry points: the commands of PARM= (the first command)
 * and SYSTSIN run through the TSO processor as the job's user, the listing (READY, each command echoed, its output)
 * goes to SYSTSPRT. As z/OS TSO/E Customization "Writing JCL for command execution" and the TSO/E User's Guide
 * "EXEC statement" describe them:
 * <ul>
 *   <li>IKJEFT01: a command ending with a nonzero code does not stop the next; the step's code is that of the last
 *       command run. A command that fails unexpectedly (an abend) ends the step with code 12 and no further command
 *       runs.</li>
 *   <li>IKJEFT1A and IKJEFT1B: the first command ending with a nonzero code ends the step with that code; an abend of
 *       a command ends the step with system completion code 04C. (They differ only for CLISTs and REXX execs, which
 *       OpenCS's TMP does not run.)</li>
 * </ul>
 * Without a SYSTSIN DD the TMP's OPEN fails ({@code IEC130I SYSTSIN DD STATEMENT MISSING} in the job log), it reads no
 * command and ends with code 0, as the seed's job with SYSYSIN does on z/OS; without SYSTSPRT the listing is
 * discarded after the same message for SYSTSPRT. A cancelled job stops between commands (S222).
 */
public final class Ikjeft01 implements Program {
    private final String name;

    /** The entry point: IKJEFT01, IKJEFT1A or IKJEFT1B. */
    public Ikjeft01(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!Set.of("IKJEFT01", "IKJEFT1A", "IKJEFT1B").contains(upper)) {
            throw new IllegalArgumentException("not a TMP entry point: " + name);
        }
        this.name = upper;
    }

    @Override
    public Set<String> names() {
        return Set.of(name);
    }

    @Override
    public int run(StepContext step) throws Abend {
        Output listing = Output.open(step, "SYSTSPRT");
        StringBuilder stream = new StringBuilder();
        if (!step.parm().isBlank()) {
            stream.append(step.parm()).append('\n');
        }
        Optional<DataDefinition> systsin = step.dd("SYSTSIN");
        if (systsin.isEmpty()) {
            Output.missing(step, "SYSTSIN");
        } else {
            for (String line : systsin.get().readLines()) {
                stream.append(line.stripTrailing()).append('\n');
            }
        }
        TsoProcessor processor = step.tso();
        TsoSession session = new TsoSession(step.registry(), step.user(), new org.opencs.saf.grs.EnqOwner(
                step.registry().instance(), step.jobName() + "/" + step.jobId()));
        boolean stopAtNonzero = !name.equals("IKJEFT01");
        int code = 0;
        for (SystsinReader.Line command : SystsinReader.commands(stream.toString())) {
            if (TsoProcessor.ends(command.text())) {
                break;
            }
            if (step.cancelled()) {
                throw cancelled(step);
            }
            listing.line("READY");
            listing.line(" " + SecretMasker.mask(command.text()));
            List<String> lines = new ArrayList<>();
            try {
                code = processor.run(command.text(), session, lines::add);
            } catch (RuntimeException e) {
                session.drain().forEach(listing::line);
                lines.forEach(listing::line);
                String verb = command.text().strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
                listing.line("IKJ56641I " + verb + " ENDED DUE TO ERROR");
                if (stopAtNonzero) {
                    throw new Abend("S04C", "", "IKJ56641I", verb + " ENDED DUE TO ERROR");
                }
                return 12;
            }
            lines.forEach(listing::line);
            if (stopAtNonzero && code != 0) {
                break;
            }
        }
        listing.line("READY");
        listing.line("END");
        return code;
    }

    static Abend cancelled(StepContext step) {
        return new Abend("S222", "", "IEF450I", step.jobName() + " " + step.stepName() + " - ABEND=S222 U0000 REASON=00000000");
    }
}
