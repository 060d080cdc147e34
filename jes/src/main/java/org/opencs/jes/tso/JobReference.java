package org.opencs.jes.tso;

import java.util.Locale;
import org.opencs.core.ZosException;
import org.opencs.tso.parse.Operand;

/**
 * A job as the TSO/E job commands name it: {@code jobname} or {@code jobname(jobid)}; the job ID may be written
 * JOBnnnnn or Jnnnnnnn. Source: z/OS TSO/E Command Reference, STATUS, CANCEL and OUTPUT commands.
 */
record JobReference(String jobName, String jobId) {
    static JobReference of(Operand operand) {
        if (operand instanceof Operand.Word word) {
            return new JobReference(checkName(word.text()), null);
        }
        if (operand instanceof Operand.Keyword keyword && keyword.operands().size() == 1
                && keyword.operands().get(0) instanceof Operand.Word id) {
            return new JobReference(checkName(keyword.name()), checkId(id.text()));
        }
        throw new ZosException("IKJ56702I", "INVALID JOBNAME, A JOB IS NAMED AS JOBNAME OR JOBNAME(JOBID)");
    }

    private static String checkName(String text) {
        String name = text.toUpperCase(Locale.ROOT);
        if (!name.matches("[A-Z#$@][A-Z0-9#$@]{0,7}")) {
            throw new ZosException("IKJ56702I", "INVALID JOBNAME, " + org.opencs.core.Values.quoteForMessage(text));
        }
        return name;
    }

    private static String checkId(String text) {
        String id = text.toUpperCase(Locale.ROOT);
        if (id.matches("J\\d{7}")) {
            id = String.format("JOB%05d", Integer.parseInt(id.substring(1)));
        }
        if (!id.matches("JOB\\d{5}")) {
            throw new ZosException("IKJ56702I", "INVALID JOBID, " + org.opencs.core.Values.quoteForMessage(text));
        }
        return id;
    }

    /** As TSO/E messages show the job: NAME(JOBnnnnn), or NAME when no ID was given. */
    String shown() {
        return jobId == null ? jobName : jobName + "(" + jobId + ")";
    }
}
