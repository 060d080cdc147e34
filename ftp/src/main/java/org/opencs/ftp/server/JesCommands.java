package org.opencs.ftp.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opencs.core.CodePage;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetName;
import org.opencs.ftp.jes.JesJob;
import org.opencs.ftp.jes.JesRequestException;
import org.opencs.ftp.jes.JesSpoolFile;
import org.opencs.ftp.jes.JobEntrySubsystem;
import org.opencs.saf.resources.AccessLevel;

/**
 * The commands SITE FILETYPE=JES changes (z/OS Communications Server IP User's Guide and Commands, "Interfacing with
 * JES"; shared/reference/zos-ftp.md sections 1.5 and 2.6): STOR submits the upload as a job, LIST and NLST list jobs
 * (or LIST JOBnnnnn one job's spool files), RETR sends spool files (or, with JESGETBYDSN, submits the JCL a data set
 * holds and sends the job's output once it has ended), DELE cancels and purges a job. JES itself is the server's
 * {@link JobEntrySubsystem}, which decides what the user may see and delete (JESSPOOL); this class applies the
 * session's filters and the JESINTERFACELEVEL, and words every reply as z/OS does. Its calls may block: they run on
 * the session's executor, and the long wait for a job to end on the server's JES wait threads.
 */
final class JesCommands {
    /** The JES internal reader's record length (JESLRECL 80, its default; IBM allows at most 254). */
    static final int JES_LRECL = 80;

    private final SessionState s;
    private final DataConnections data;
    private final DatasetCommands datasets;

    JesCommands(SessionState session, DataConnections data, DatasetCommands datasets) {
        this.s = session;
        this.data = data;
        this.datasets = datasets;
    }

    private JobEntrySubsystem jes() {
        return s.context.jes();
    }

    private int level() {
        return s.context.config().jes().interfaceLevel();
    }

    /**
     * The filters in force. At JESINTERFACELEVEL 1 they are fixed: jobs named the user ID plus one character, of any
     * owner and status ("retrieve held output matching their logged-in user ID plus one character", JESINTERFACELEVEL
     * statement); at level 2 they are the session's JESJOBNAME, JESOWNER and JESSTATUS.
     */
    private Filters filters() {
        String user = s.user.userid();
        if (level() == 1) {
            return new Filters(user + "?", "*", "ALL");
        }
        return new Filters(s.site.jesJobName(user), s.site.jesOwner(user), s.site.jesStatus);
    }

    /** JESJOBNAME, JESOWNER and JESSTATUS as the replies name them. */
    private record Filters(String jobName, String owner, String status) {
        boolean match(JesJob job) {
            return JesNames.matches(jobName, job.jobName()) && JesNames.matches(owner, job.owner())
                    && (status.equals("ALL") || status.equals(job.status()));
        }

        /** {@code JESJOBNAME=USER1*, JESSTATUS=ALL and JESOWNER=USER1} (the LIST replies). */
        String text() {
            return "JESJOBNAME=" + jobName + ", JESSTATUS=" + status + " and JESOWNER=" + owner;
        }

        /** {@code Jobid JOB00099 not found for JESJOBNAME=USER1*, JESSTATUS=ALL, JESOWNER=USER1}. */
        String notFound(String jobId) {
            return "550 Jobid " + jobId + " not found for JESJOBNAME=" + jobName + ", JESSTATUS=" + status + ", JESOWNER="
                    + owner;
        }
    }

    /** A job the user may see and the filters select, if any. */
    private Optional<JesJob> find(String jobId, Filters filters) {
        return jes().job(s.user, jobId).filter(filters::match);
    }

    /**
     * LIST and NLST. Level 2: the jobs the filters select (header, one line each) or their IDs; an argument with
     * wildcards selects job IDs too ({@code LIST J*}); LIST of one job ID shows that job and its spool files. Level 1:
     * the user's jobs in the level 1 layout, whatever the argument ("DIR Jxx: all jobs (Jxx ignored)", jesintdiff).
     * At most JESENTRYLIMIT jobs, and then the 250 reply says so.
     */
    CompletableFuture<Void> list(String argument, boolean namesOnly) {
        Filters filters = filters();
        String a = argument.trim().replace("'", "");
        String idPattern = level() == 2 && !a.isEmpty() ? a.toUpperCase(java.util.Locale.ROOT) : "*";
        if (level() == 2 && !namesOnly && !a.isEmpty() && !a.contains("*") && !a.contains("?")) {
            return detail(a, filters);
        }
        int limit = s.site.jesEntryLimit;
        List<JesJob> jobs = new ArrayList<>(jes().jobs(s.user, filters.jobName(), filters.owner(), filters.status(),
                limit).stream().filter(filters::match).filter(j -> JesNames.matches(idPattern, j.jobId())).toList());
        if (jobs.isEmpty()) {
            s.reply("550 No jobs found for " + filters.text());
            return Futures.DONE;
        }
        boolean limitReached = jobs.size() > limit;
        if (limitReached) {
            jobs = jobs.subList(0, limit);
        }
        StringBuilder out = new StringBuilder();
        if (!namesOnly && level() == 2) {
            out.append(JesListings.HEADER).append("\r\n");
        }
        for (JesJob job : jobs) {
            out.append(namesOnly ? job.jobId() : level() == 2 ? JesListings.level2(job) : JesListings.level1(job))
                    .append("\r\n");
        }
        String start = level() == 2 ? "125 List started OK for " + filters.text() : FtpReplies.LIST_STARTED;
        String done = (limitReached ? "250-JESENTRYLIMIT of " + limit + " reached.  Additional entries not displayed\r\n"
                : "") + FtpReplies.LIST_DONE;
        return data.send(start, new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), null, done)
                .thenApply(sent -> null);
    }

    /** LIST JOBnnnnn at level 2: the job's line, then its spool files (ended) or its step (running). */
    private CompletableFuture<Void> detail(String argument, Filters filters) {
        Optional<JesNames.Ref> ref = JesNames.parse(argument);
        if (ref.isEmpty()) {
            s.reply("550 No jobs found for " + filters.text());
            return Futures.DONE;
        }
        Optional<JesJob> job = find(ref.get().jobId(), filters);
        if (job.isEmpty()) {
            s.reply(filters.notFound(ref.get().jobId()));
            return Futures.DONE;
        }
        List<JesSpoolFile> files = job.get().status().equals("OUTPUT") ? jes().spoolFiles(s.user, job.get().jobId())
                : List.of();
        StringBuilder out = new StringBuilder();
        JesListings.detail(job.get(), files).forEach(line -> out.append(line).append("\r\n"));
        return data.send("125 List started OK for " + filters.text(),
                new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), null, FtpReplies.LIST_DONE)
                .thenApply(sent -> null);
    }

    /**
     * RETR JOBnnnnn.n sends one spool file ({@code 125 Sending data set <owner>.<job>.<id>.D0000002.JESMSGLG});
     * RETR JOBnnnnn and JOBnnnnn.x send all of them, each ended by {@code  !! END OF JES SPOOL FILE !!}. With
     * JESGETBYDSN, any other name is a data set whose JCL is submitted; its output follows once the job has ended.
     */
    CompletableFuture<Void> retrieve(String argument) {
        Optional<JesNames.Ref> ref = JesNames.parse(argument);
        if (ref.isEmpty()) {
            if (s.site.jesGetByDsn) {
                return submitAndRetrieve(argument);
            }
            s.reply("550 RETR fails: " + org.opencs.core.Values.quoteForMessage(argument.trim())
                    + " is not a job ID (JOBnnnnn, JOBnnnnn.n or JOBnnnnn.x). SITE JESGETBYDSN submits the JCL a data set"
                    + " holds and retrieves the job's output.");
            return Futures.DONE;
        }
        Filters filters = filters();
        Optional<JesJob> job = find(ref.get().jobId(), filters);
        if (job.isEmpty()) {
            s.reply(filters.notFound(ref.get().jobId()));
            return Futures.DONE;
        }
        List<JesSpoolFile> files = jes().spoolFiles(s.user, job.get().jobId());
        String start;
        byte[] content;
        String target;
        if (ref.get().all()) {
            start = "125 Sending all spool files for requested Jobid";
            content = allFiles(job.get(), files);
            target = job.get().jobId();
        } else {
            Optional<JesSpoolFile> file = files.stream().filter(f -> f.id() == ref.get().file()).findFirst();
            if (file.isEmpty()) {
                s.reply("550 Spool file " + ref.get().file() + " of " + job.get().jobId() + " not found; the job has "
                        + files.size() + " spool files.");
                return Futures.DONE;
            }
            start = "125 Sending data set " + JesListings.dataSetName(job.get(), file.get(), files);
            content = text(jes().spoolLines(s.user, job.get().jobId(), file.get().id()));
            target = job.get().jobId() + "." + file.get().id();
        }
        return data.send(start, new ByteArrayInputStream(content), null, FtpReplies.TRANSFER_DONE)
                .thenAcceptAsync(sent -> TransferRecords.write(s, "JES jobid", target, "RETR", sent,
                        sent >= 0 ? FtpReplies.TRANSFER_DONE : "426 Transfer aborted."), s.executor());
    }

    /** Every spool file of a job, each followed by the END OF JES SPOOL FILE line. */
    private byte[] allFiles(JesJob job, List<JesSpoolFile> files) {
        List<String> lines = new ArrayList<>();
        for (JesSpoolFile f : files) {
            lines.addAll(jes().spoolLines(s.user, job.jobId(), f.id()));
            lines.add(JesListings.END_OF_SPOOL_FILE);
        }
        return text(lines);
    }

    /** Lines as the transfer type sends text: TYPE A in the network code page with SBSENDEOL, else IBM-1047. */
    private byte[] text(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : lines) {
            if (s.type == 'A') {
                out.writeBytes(line.getBytes(s.site.networkCharset()));
                out.writeBytes(s.site.sbSendEol.bytes());
            } else {
                for (int i = 0; i < line.length(); i++) {
                    out.write(CodePage.IBM_1047.encode(line.charAt(i)));
                }
                if (s.type == 'E') {
                    out.write(DatasetCommands.EBCDIC_NEW_LINE);
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * RETR of a data set with JESGETBYDSN: the data set's JCL (read with the user's authority) is submitted, the
     * 125 reply names the job, and the job's spool files follow once it has ended, or 550 when it has not ended
     * within JESPUTGETTO seconds (z/OS IP User's Guide, "Steps for submitting a job and automatically receiving
     * output"; IP and SNA Codes, ftp550-87).
     */
    private CompletableFuture<Void> submitAndRetrieve(String argument) {
        DatasetName name;
        try {
            MvsFiles.checkQualifiers(argument);
            name = MvsFiles.resolve(s.prefix, argument);
        } catch (ZosException e) {
            s.reply(e.messageId().equals("501") ? "501 " + e.text()
                    : "501 Invalid data set name \"" + argument.trim() + "\".  Use MVS Dsname conventions.");
            return Futures.DONE;
        }
        Catalog catalog = s.catalog();
        if (catalog.attributes(name.withoutMember()).isEmpty()) {
            s.reply("550 Data set " + name.withoutMember() + " not found");
            return Futures.DONE;
        }
        if (!catalog.exists(name)) {
            s.reply("550 Request nonexistent member " + name + " to be sent.");
            return Futures.DONE;
        }
        if (!new DatasetAccess(s.context.registry()).allowed(s.user, name, AccessLevel.READ)) {
            s.reply("550 RETR fails: " + name + ". User not authorized.");
            return Futures.DONE;
        }
        List<String> records = new ArrayList<>();
        for (byte[] record : catalog.readRecords(name)) {
            records.add(DatasetCommands.text(record).stripTrailing());
        }
        String jobId = jes().submit(s.user, records);
        s.trace.trace(TracePoint.JES_SUBMITTED, jobId);
        s.activity("EZYFS82I", "TRANS JES jobid=" + jobId + " submitted from MVS dsname=" + name);
        var user = s.user;
        int timeout = s.site.jesPutGetTo;
        CompletableFuture<byte[]> output = new CompletableFuture<>();
        try {
            s.context.jesWaits().execute(() -> {
                try {
                    JesJob job = jes().awaitOutput(user, jobId, Duration.ofSeconds(timeout));
                    if (job == null || !job.status().equals("OUTPUT")) {
                        throw new java.util.concurrent.TimeoutException(jobId);
                    }
                    output.complete(allFiles(job, jes().spoolFiles(user, jobId)));
                } catch (Exception e) {
                    output.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            output.completeExceptionally(e);
        }
        String start = "125-Submitting job " + name + " FIXrecfm " + JES_LRECL + "\r\n125 When " + jobId
                + " is done, will retrieve its output";
        return data.sendWhenReady(start, output, FtpReplies.TRANSFER_DONE, error -> failedWait(jobId, error))
                .thenAcceptAsync(sent -> TransferRecords.write(s, "JES jobid", jobId, "RETR", sent,
                        sent >= 0 ? FtpReplies.TRANSFER_DONE : "550 " + jobId + " output not retrieved"), s.executor());
    }

    private String failedWait(String jobId, Throwable error) {
        if (error instanceof java.util.concurrent.TimeoutException) {
            return "550 JESPUTGETTO interval of " + s.site.jesPutGetTo + " seconds expired before " + jobId
                    + " ended; retrieve its output with RETR " + jobId + ".x later.";
        }
        if (error instanceof java.util.concurrent.RejectedExecutionException) {
            return "421 Too many jobs are being waited for; " + jobId + " was submitted, retrieve its output later.";
        }
        if (error instanceof JesRequestException e) {
            return "550 " + e.getMessage();
        }
        return "451 Requested action aborted: " + jobId + " was submitted but its output could not be retrieved: "
                + Failures.describe(error) + ".";
    }

    /**
     * STOR: the upload is a job for the JES internal reader. Its records are the upload's lines (TYPE A and E) or
     * 80-byte EBCDIC records (TYPE I); a record longer than 80 characters (JESLRECL) fails the transfer and nothing is
     * submitted. Replies {@code 125 Sending Job to JES internal reader FIXrecfm 80}, then
     * {@code 250-It is known to JES as JOBnnnnn} (IBM-CG ftp_verify_jes_interface).
     */
    CompletableFuture<Void> submit(String command) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        UploadSink sink = new UploadSink(received, null);
        char type = s.type;
        return data.open(sink, "125 Sending Job to JES internal reader FIXrecfm " + JES_LRECL)
                .thenCompose(channel -> channel == null ? CompletableFuture.completedFuture(Boolean.FALSE)
                        : sink.finished().thenApply(v -> Boolean.TRUE))
                .handleAsync((opened, error) -> {
                    if (Boolean.TRUE.equals(opened) || error != null) {
                        finishSubmit(command, type, error, received.toByteArray());
                    }
                    return null;
                }, s.executor());
    }

    private void finishSubmit(String command, char type, Throwable error, byte[] content) {
        String reply;
        String jobId = "*UNKNOWN";
        if (error != null || s.aborted) {
            reply = "451 Transfer aborted: " + (s.aborted ? "the transfer was aborted" : UploadSink.describe(error))
                    + ". The job was not submitted.";
        } else {
            List<String> records = records(type, content);
            int tooLong = -1;
            for (int i = 0; i < records.size() && tooLong < 0; i++) {
                if (records.get(i).stripTrailing().length() > JES_LRECL) {
                    tooLong = i;
                }
            }
            if (tooLong >= 0) {
                reply = "451-File transfer failed. File contains records that are longer than the LRECL of the new file.\r\n"
                        + "451 Transfer aborted: record " + (tooLong + 1) + " has " + records.get(tooLong).stripTrailing()
                        .length() + " characters; the JES internal reader takes at most " + JES_LRECL
                        + " (JESLRECL). The job was not submitted.";
            } else {
                try {
                    jobId = jes().submit(s.user, records.stream().map(r -> r.length() > JES_LRECL
                            ? r.substring(0, JES_LRECL) : r).toList());
                    s.bytesIn += content.length;
                    s.trace.trace(TracePoint.JES_SUBMITTED, jobId);
                    reply = "250-It is known to JES as " + jobId + "\r\n" + FtpReplies.TRANSFER_DONE;
                } catch (JesRequestException e) {
                    reply = "550 " + e.getMessage();
                }
            }
        }
        String last = reply.substring(reply.lastIndexOf('\n') + 1);
        TransferRecords.write(s, "JES jobid", jobId, command, content.length, last);
        s.reply(reply);
    }

    /**
     * The records of an uploaded job: TYPE I is cut into 80-byte EBCDIC records as the internal reader reads them;
     * TYPE A and E are lines, and in TYPE A a bare LF ends a line too (JCL holds no line feed, and clients on UNIX
     * send LF-only files without conversion).
     */
    private List<String> records(char type, byte[] content) {
        if (type == 'I' && !s.recordStructure) {
            List<String> records = new ArrayList<>();
            for (int i = 0; i < content.length; i += JES_LRECL) {
                records.add(DatasetCommands.text(java.util.Arrays.copyOfRange(content, i,
                        Math.min(content.length, i + JES_LRECL))));
            }
            return records;
        }
        List<String> lines = new ArrayList<>();
        for (String line : datasets.incomingLines(content)) {
            if (type == 'A' && !s.recordStructure) {
                for (String part : line.split("\n", -1)) {
                    lines.add(part.endsWith("\r") ? part.substring(0, part.length() - 1) : part);
                }
            } else {
                lines.add(line);
            }
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty() && type == 'A') {
            lines.remove(lines.size() - 1); // the LF that ended the last line of an LF-only file
        }
        return lines;
    }

    /** DELE JOBnnnnn: the job is cancelled if it has not ended, and purged: {@code 250 Cancel successful}. */
    void delete(String argument) {
        Optional<JesNames.Ref> ref = JesNames.parse(argument);
        Filters filters = filters();
        if (ref.isEmpty()) {
            s.reply("550 DELE fails: " + org.opencs.core.Values.quoteForMessage(argument.trim())
                    + " is not a job ID (JOBnnnnn).");
            return;
        }
        if (find(ref.get().jobId(), filters).isEmpty()) {
            s.reply(filters.notFound(ref.get().jobId()));
            return;
        }
        jes().cancelAndPurge(s.user, ref.get().jobId());
        s.trace.trace(TracePoint.JES_DELETED, ref.get().jobId());
        s.activity("EZYFS82I", "TRANS JES jobid=" + ref.get().jobId() + " cancelled and purged");
        s.reply("250 Cancel successful");
    }

    /** A JES refusal in the words its implementation gave, as a 550 reply. */
    static String reply(JesRequestException e) {
        return "550 " + e.getMessage();
    }
}
