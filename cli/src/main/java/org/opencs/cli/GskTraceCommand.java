package org.opencs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.opencs.core.ZosException;
import org.opencs.pki.tls.trace.GskTraceFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opencs gsktrace RAWFILE}: formats a raw System SSL trace (GSK_TRACE_FILE of {@code opencs start}) for reading,
 * as z/OS's {@code gsktrace} command does (z/OS Cryptographic Services System SSL Programming, "Capturing trace data
 * through environment variables"): one line per record, then its fields. Exit 0; 4 when the file ends inside a
 * record (still being written, or the server stopped abruptly): the records before it are shown; 1 when the file
 * cannot be read or is not a trace.
 */
@Command(name = "gsktrace", mixinStandardHelpOptions = true,
        description = {"Format a System SSL trace file for reading, as z/OS's gsktrace does.",
                "The servers of 'opencs start' write the trace when GSK_TRACE (a mask: 0xff traces everything) and "
                + "GSK_TRACE_FILE (the raw file; %% becomes the process ID) are in their environment: every TLS "
                + "connection's handshake, protocol and cipher, certificates sent and received, validation, alerts "
                + "and close. Nothing secret is in it.",
                "Example: GSK_TRACE=0xff GSK_TRACE_FILE=/tmp/gsk.%%.trc opencs start, then opencs gsktrace "
                + "/tmp/gsk.12345.trc > formatted.txt"})
public final class GskTraceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RAWFILE", description = "The raw trace file GSK_TRACE_FILE named")
    Path raw;

    @Option(names = "--utc", description = "Show times in UTC rather than this machine's time zone")
    boolean utc;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(raw) || !Files.isReadable(raw)) {
            throw new ZosException("OCSK054E", "Trace file " + raw + " does not exist or cannot be read.");
        }
        PrintWriter out = spec.commandLine().getOut();
        GskTraceFormatter.Summary summary;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(raw))) {
            summary = GskTraceFormatter.format(in, utc ? ZoneOffset.UTC : ZoneId.systemDefault(), out);
        } catch (IOException e) {
            throw new ZosException("OCSK054E", "Trace file " + raw + " cannot be read: "
                    + (e.getMessage() == null ? "I/O error" : e.getMessage()) + ".", e);
        } finally {
            out.flush();
        }
        if (summary.problem() == null) {
            return 0;
        }
        if (summary.truncated()) {
            spec.commandLine().getErr().println("OCSK056W Trace file " + raw + " ends inside a record (" + summary.problem()
                    + "): the server may still be writing it, or stopped abruptly. The " + summary.records()
                    + " records before it are shown.");
            return 4;
        }
        throw new ZosException("OCSK055E", "Trace file " + raw + " is not a System SSL trace file or is damaged ("
                + summary.problem() + ")" + (summary.records() > 0 ? "; the " + summary.records()
                + " records before the damage are shown." : "."));
    }
}
