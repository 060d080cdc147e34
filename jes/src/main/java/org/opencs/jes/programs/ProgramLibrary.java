package org.opencs.jes.programs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.Program;

/**
 * The programs a step can name on EXEC PGM=, by every name each is known by (IKJEFT01, IKJEFT1A and IKJEFT1B are
 * one program). A name not here is the initiator's S806: {@link #notFound(String)}.
 */
public final class ProgramLibrary {
    private final Map<String, Program> programs = new LinkedHashMap<>();

    /**
     * A library of {@code programs}; a name claimed twice is refused (IllegalArgumentException), as a link list has
     * one module per name.
     */
    public ProgramLibrary(List<? extends Program> programs) {
        for (Program program : programs) {
            for (String name : program.names()) {
                if (this.programs.putIfAbsent(name.toUpperCase(Locale.ROOT), program) != null) {
                    throw new IllegalArgumentException("program " + name + " is already in the library");
                }
            }
        }
    }

    /** Every built-in program: IEFBR14, IKJEFT01/1A/1B, FTP, IEBGENER, IDCAMS (IEBCOPY and BPXBATCH are not written yet). */
    public static ProgramLibrary builtIn() {
        return new ProgramLibrary(List.of(new Iefbr14(), new Ikjeft01("IKJEFT01"), new Ikjeft01("IKJEFT1A"), new Ikjeft01("IKJEFT1B"), new FtpProgram(), new Iebgener(),
                new Idcams()));
    }

    /** The program EXEC PGM={@code name} runs (case as JCL gives it, upper case), if there is one. */
    public Optional<Program> find(String name) {
        return Optional.ofNullable(programs.get(name.toUpperCase(Locale.ROOT)));
    }

    /** Every name the library knows, in the order the programs were given. */
    public Set<String> names() {
        return Set.copyOf(programs.keySet());
    }

    /**
     * The abend of a step whose program is not in the library: system completion code 806, reason 04 (the module is
     * not in the libraries searched), with {@code CSV003I REQUESTED MODULE name NOT FOUND} — z/OS MVS System Codes
     * "806" and MVS System Messages Vol 4 (CBD-DMO), CSV003I.
     */
    public static Abend notFound(String name) {
        return new Abend("S806", "04", "CSV003I", "REQUESTED MODULE " + name.toUpperCase(Locale.ROOT) + " NOT FOUND");
    }
}
