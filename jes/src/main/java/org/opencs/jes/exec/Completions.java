package org.opencs.jes.exec;

import org.opencs.jes.Completion;

/** How a completion reads in $HASP395, $HASP165 and the step table. */
public final class Completions {
    private Completions() {
    }

    /** An {@link org.opencs.jes.step.Abend} code ("S806", "U0016") as a job completion (ABEND=806, ABEND=U0016). */
    public static Completion.Abended fromAbendCode(String code) {
        return new Completion.Abended(code.startsWith("S") ? code.substring(1) : code);
    }

    /** "S806" or "U0016" for an abend completion. */
    public static String abendCode(Completion.Abended abend) {
        return abend.code().startsWith("U") ? abend.code() : "S" + abend.code();
    }

    /** $HASP395's ending: RC=0000, ABEND=S806, JCL ERROR, CANCELED. */
    public static String hasp395(Completion completion) {
        if (completion instanceof Completion.ReturnCode rc) {
            return "RC=" + String.format("%04d", rc.code());
        }
        if (completion instanceof Completion.Abended abend) {
            return "ABEND=" + abendCode(abend);
        }
        if (completion instanceof Completion.JclError) {
            return "JCL ERROR";
        }
        return "CANCELED";
    }

    /**
     * The NOTIFY message: {@code $HASP165 jobname ENDED AT node  MAXCC=0000 CN(INTERNAL)}, {@code ... ENDED AT node -
     * ABEND=S806 U0000 CN(INTERNAL)}, {@code ... ENDED AT node - JCL ERROR CN(INTERNAL)}, {@code ... ENDED AT node -
     * CANCELED CN(INTERNAL)} (z/OS JES2 Messages, $HASP165; seen as "$HASP165 TSOXA861 ENDED AT ESSMVS1 - JCL ERROR
     * CN(INTERNAL)" and "$HASP165 MPEAMF   ENDED AT N1  MAXCC=0 CN(INTERNAL)" in users' sessions).
     */
    public static String hasp165(String jobName, String node, Completion completion) {
        String head = "$HASP165 " + String.format("%-8s", jobName) + " ENDED AT " + node;
        if (completion instanceof Completion.ReturnCode rc) {
            return head + "  MAXCC=" + String.format("%04d", rc.code()) + " CN(INTERNAL)";
        }
        if (completion instanceof Completion.Abended abend) {
            String code = abendCode(abend);
            return head + " - ABEND=" + (code.startsWith("U") ? "S000 " + code : code + " U0000") + " CN(INTERNAL)";
        }
        if (completion instanceof Completion.JclError) {
            return head + " - JCL ERROR CN(INTERNAL)";
        }
        return head + " - CANCELED CN(INTERNAL)";
    }
}
