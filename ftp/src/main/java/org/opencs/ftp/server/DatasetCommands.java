package org.opencs.ftp.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.opencs.core.CodePage;
import org.opencs.core.Ebcdic;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.saf.resources.AccessLevel;

/**
 * Commands on MVS data sets and PDS members, with z/OS's replies (shared/reference/zos-ftp.md sections 1.3, 1.5, 2
 * and 3). Access is decided by the owner (high-level qualifier) and DATASET profiles: READ to read, UPDATE to write,
 * ALTER to create, delete or rename a data set.
 */
final class DatasetCommands {
    /** x'15', EBCDIC's new line: the record end of TYPE E. */
    static final byte EBCDIC_NEW_LINE = 0x15;

    private final SessionState s;
    private final DataConnections data;
    private final DatasetEnqueues enqueues;

    DatasetCommands(SessionState session, DataConnections data) {
        this.s = session;
        this.data = data;
        this.enqueues = new DatasetEnqueues(session);
    }

    /** The session ended: its remaining data set ENQs are released. */
    void sessionEnded() {
        enqueues.sessionEnded();
    }

    private DatasetName resolve(String argument) {
        MvsFiles.checkQualifiers(argument);
        try {
            return MvsFiles.resolve(s.prefix, argument);
        } catch (ZosException e) {
            throw new ZosException("501", "Invalid data set name \"" + argument + "\".  Use MVS Dsname conventions.");
        }
    }

    private boolean allowed(DatasetName name, AccessLevel level) {
        return new DatasetAccess(s.context.registry()).allowed(s.user, name, level);
    }

    /** CWD: an existing PDS becomes the working PDS; anything else (no I/O) a prefix. */
    void cwd(String argument) {
        if (argument.trim().equals("..")) {
            argument = parent(); // one qualifier up, as CDUP (z/OS: 'SYS1', abc, .. is "SYS1.")
        }
        MvsFiles.checkQualifiers(argument);
        String target = MvsFiles.target(s.prefix, argument);
        s.mvs = true;
        if (!target.isEmpty() && !target.endsWith(".")) {
            var attributes = s.catalog().attributes(new DatasetName(target, null));
            if (attributes.isPresent() && attributes.get().dsorg().equals("PO")) {
                s.prefix = target;
                s.reply((attributes.get().recfm() == RecordFormat.U ? "250-The working directory may be a load library\r\n" : "")
                        + "250 The working directory \"" + target + "\" is a partitioned data set");
                return;
            }
            target = target + ".";
        }
        s.prefix = target;
        s.reply("250 \"" + target + "\" is the working directory name prefix.");
    }

    /** CDUP: from a PDS to its prefix, from a prefix one qualifier up. */
    String parent() {
        String p = s.prefix.endsWith(".") ? s.prefix.substring(0, s.prefix.length() - 1) : s.prefix;
        int dot = p.lastIndexOf('.');
        return "'" + (dot < 0 ? "" : p.substring(0, dot + 1)) + "'";
    }

    String pwd() {
        return MvsFiles.isPds(s.prefix) ? "257 \"'" + s.prefix + "'\" partitioned data set is working directory."
                : "257 \"'" + s.prefix + "'\" is working directory.";
    }

    CompletableFuture<Void> list(String argument, boolean namesOnly) {
        Catalog catalog = s.catalog();
        String pattern = argument.trim();
        boolean quoted = pattern.startsWith("'");
        if (MvsFiles.isPds(s.prefix) && !quoted) {
            return listMembers(catalog, new DatasetName(s.prefix, null), pattern.isEmpty() ? "*" : pattern, namesOnly);
        }
        MvsFiles.checkQualifiers(pattern);
        String full = pattern.isEmpty() ? s.prefix : MvsFiles.target(s.prefix.isEmpty() ? "" : s.prefix, pattern);
        int open = full.indexOf('(');
        if (open > 0 && full.endsWith(")")) {
            return listMembers(catalog, new DatasetName(full.substring(0, open), null),
                    full.substring(open + 1, full.length() - 1), namesOnly);
        }
        boolean wildcard = full.contains("*") || full.contains("%");
        if (s.site.directoryMode && !wildcard && (full.isEmpty() || full.endsWith("."))) {
            return listLevel(catalog, full, quoted, namesOnly);
        }
        List<String> names;
        if (wildcard) {
            Pattern matcher = MvsFiles.wildcard(full);
            names = catalog.list("").stream().filter(n -> matcher.matcher(n).matches()).toList();
        } else if (!full.endsWith(".") && catalog.attributes(new DatasetName(full, null)).isPresent()) {
            names = List.of(full);
        } else {
            String level = full.endsWith(".") ? full.substring(0, full.length() - 1) : full;
            names = catalog.list(level);
        }
        names = names.stream().filter(n -> allowed(new DatasetName(n, null), AccessLevel.READ)
                || new DatasetName(n, null).highLevelQualifier().equals(s.user.userid())).toList();
        if (names.isEmpty()) {
            s.reply("550 No data sets found.");
            return Futures.DONE;
        }
        String listing;
        if (namesOnly) {
            StringBuilder out = new StringBuilder();
            names.forEach(n -> out.append(MvsFiles.displayName(n, s.prefix, quoted)).append("\r\n"));
            listing = out.toString();
        } else {
            listing = MvsFiles.listing(catalog, names, s.prefix, quoted, s.site.listLevel);
        }
        return data.send(FtpReplies.LIST_STARTED, new ByteArrayInputStream(listing.getBytes(StandardCharsets.UTF_8)), null,
                FtpReplies.LIST_DONE).thenApply(sent -> null);
    }

    /**
     * DIRECTORYMODE (IP User's Guide and Commands, "DIR and LS in DIRECTORYMode and DATASetmode"): only the next
     * qualifier below the prefix; one that has further qualifiers is a "Pseudo Directory", a data set with no more
     * qualifiers is listed as itself.
     */
    private CompletableFuture<Void> listLevel(Catalog catalog, String level, boolean quoted, boolean namesOnly) {
        java.util.TreeMap<String, String> entries = new java.util.TreeMap<>(); // next qualifier -> data set, or null
        for (String n : catalog.list(level.isEmpty() ? "" : level.substring(0, level.length() - 1))) {
            if (!allowed(new DatasetName(n, null), AccessLevel.READ)
                    && !new DatasetName(n, null).highLevelQualifier().equals(s.user.userid())) {
                continue;
            }
            String rest = n.substring(level.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                entries.put(rest, n);
            } else {
                entries.putIfAbsent(rest.substring(0, dot), null);
            }
        }
        if (entries.isEmpty()) {
            s.reply("550 No data sets found.");
            return Futures.DONE;
        }
        StringBuilder out = new StringBuilder(namesOnly ? "" : MvsFiles.header(s.site.listLevel) + "\r\n");
        entries.forEach((qualifier, dataset) -> {
            if (namesOnly) {
                out.append(quoted ? "'" + level + qualifier + "'" : qualifier).append("\r\n");
            } else if (dataset == null) {
                out.append(String.format("%-56s%s\r\n", "Pseudo Directory", quoted ? "'" + level + qualifier + "'" : qualifier));
            } else {
                out.append(MvsFiles.row(catalog, dataset, s.prefix, quoted, s.site.listLevel));
            }
        });
        return data.send(FtpReplies.LIST_STARTED, new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)),
                null, FtpReplies.LIST_DONE).thenApply(sent -> null);
    }

    /**
     * LIST/NLST of members ({@code 'PDS(MEM*)'}, or inside the working PDS). A name that is no partitioned data set is
     * said so, in the words z/OS uses for a member of a missing PDS (IBM z/OS IP and SNA Codes, 550 reply codes:
     * "dsname requests a nonexistent partitioned data set"), not "No data sets found": the client asked for members.
     */
    private CompletableFuture<Void> listMembers(Catalog catalog, DatasetName pds, String memberPattern, boolean namesOnly) {
        var attributes = catalog.attributes(pds);
        String command = namesOnly ? "NLST" : "LIST";
        if (attributes.isEmpty()) {
            s.reply("550 " + command + " fails: " + pds + "(" + memberPattern.toUpperCase(java.util.Locale.ROOT)
                    + ") requests a nonexistent partitioned data set.");
            return Futures.DONE;
        }
        if (!attributes.get().dsorg().equals("PO")) {
            s.reply("550 " + command + " fails: " + pds + " is not a partitioned data set.");
            return Futures.DONE;
        }
        if (!allowed(pds, AccessLevel.READ)) {
            s.reply("550 LIST fails: " + pds + ". User not authorized.");
            return Futures.DONE;
        }
        Pattern matcher = MvsFiles.wildcard(memberPattern.toUpperCase(java.util.Locale.ROOT));
        List<String> members = catalog.members(pds).stream().filter(m -> matcher.matcher(m).matches()).toList();
        if (members.isEmpty()) {
            s.reply("550 No members found.");
            return Futures.DONE;
        }
        String listing = namesOnly ? String.join("\r\n", members) + "\r\n" : MvsFiles.memberListing(catalog, pds, members);
        return data.send(FtpReplies.LIST_STARTED, new ByteArrayInputStream(listing.getBytes(StandardCharsets.UTF_8)), null,
                FtpReplies.LIST_DONE).thenApply(sent -> null);
    }

    CompletableFuture<Void> retrieve(String argument) {
        DatasetName name = resolve(argument);
        Catalog catalog = s.catalog();
        var attributes = catalog.attributes(name.withoutMember());
        if (attributes.isEmpty()) {
            s.reply("550 Data set " + name.withoutMember() + " not found");
            return Futures.DONE;
        }
        if (attributes.get().dsorg().equals("PO") && name.member() == null) {
            s.reply("550 Retrieval of a whole partitioned data set is not supported. Use MGET or MVSGET for this purpose.");
            return Futures.DONE;
        }
        if (!catalog.exists(name)) {
            s.reply("550 Request nonexistent member " + name + " to be sent.");
            return Futures.DONE;
        }
        if (!allowed(name, AccessLevel.READ)) {
            s.reply("550 RETR fails: " + name + ". User not authorized.");
            return Futures.DONE;
        }
        org.opencs.saf.grs.Enq enq = enqueues.obtain(name, false, "RETR");
        if (enq == null) {
            return Futures.DONE;
        }
        byte[] wire;
        try (enq) {
            // Read whole while SHARED is held: the download is this snapshot, whoever writes the data set next.
            wire = wire(catalog, name, attributes.get());
        }
        DatasetAttributes a = attributes.get();
        String format = (a.recfm().fixed() ? "FIXrecfm " : a.recfm().variable() ? "VARrecfm " : "UNDEFrecfm ") + a.lrecl();
        return data.send("125 Sending data set " + name + " " + format, new ByteArrayInputStream(wire), null,
                FtpReplies.TRANSFER_DONE).thenAcceptAsync(sent -> TransferRecords.write(s, "MVS dsname", name.toString(),
                        "RETR", sent, sent >= 0 ? FtpReplies.TRANSFER_DONE : "426 Transfer aborted."), s.executor());
    }

    /**
     * The data set as the transfer type and structure want it: TYPE A lines (CRLF), TYPE E records ending in x'15'
     * (the EBCDIC new line), TYPE I the records' bytes; under STRU R each record marked instead. Fixed records lose
     * their trailing blanks in text transfers (TYPE A and E) unless SITE TRAILINGBLANKS or STRU R; binary records go
     * whole, as z/OS sends them (TRAILINGBLANKS concerns text only: z/OS IP User's Guide, SITE TRAILINGBLANKS).
     */
    private byte[] wire(Catalog catalog, DatasetName name, DatasetAttributes attributes) {
        boolean strip = attributes.recfm().fixed() && s.type != 'I' && !s.site.trailingBlanks && !s.recordStructure;
        // SITE RDW: each variable record goes with its record descriptor word as 4 bytes of data (LL, 2 bytes, then
        // x'0000'; DFSMS Using Data Sets, "Record Descriptor Word"), translated with the rest in TYPE A (IBM's RDW
        // statement: "transferred as data").
        boolean rdw = s.site.rdw && attributes.recfm().variable();
        byte[] lineEnd = s.site.sbSendEol.bytes();
        List<byte[]> records = new ArrayList<>();
        for (byte[] record : catalog.readRecords(name)) {
            byte[] r = strip ? stripBlanks(record) : record;
            if (rdw) {
                byte[] withRdw = new byte[r.length + 4];
                withRdw[0] = (byte) ((r.length + 4) >> 8);
                withRdw[1] = (byte) (r.length + 4);
                System.arraycopy(r, 0, withRdw, 4, r.length);
                r = withRdw;
            }
            records.add(s.type == 'A' ? text(r).getBytes(s.site.networkCharset()) : r);
        }
        if (s.recordStructure) {
            return RecordStructure.encode(records);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] record : records) {
            out.writeBytes(record);
            if (s.type == 'A') {
                out.writeBytes(lineEnd); // SITE SBSENDEOL (CRLF by default)
            } else if (s.type == 'E') {
                out.write(EBCDIC_NEW_LINE);
            }
        }
        return out.toByteArray();
    }

    /** A record's characters (x'25' a LF inside the line, as it was uploaded). */
    static String text(byte[] record) {
        char[] chars = new char[record.length];
        for (int i = 0; i < record.length; i++) {
            chars[i] = CodePage.IBM_1047.decode(record[i]);
        }
        return new String(chars);
    }

    private static byte[] stripBlanks(byte[] record) {
        int end = record.length;
        while (end > 0 && record[end - 1] == Ebcdic.BLANK) {
            end--;
        }
        return java.util.Arrays.copyOf(record, end);
    }

    /**
     * STOR and APPE into a data set or member: a new sequential data set gets the SITE attributes. Text lines become
     * records; a line longer than the record wraps (SITE WRAPRECORD), is cut (SITE TRUNCATE, "data was truncated"),
     * or fails the transfer with z/OS's 451, leaving the previous content (a new data set is removed).
     */
    CompletableFuture<Void> store(String argument, String command) {
        DatasetName name = resolve(argument);
        Catalog catalog = s.catalog();
        if (!allowed(name, AccessLevel.UPDATE)) {
            s.reply("550 " + command + " fails: " + name + ". User not authorized.");
            return Futures.DONE;
        }
        var existing = catalog.attributes(name.withoutMember());
        if (existing.isEmpty() && name.member() != null) {
            s.reply("550 " + name + " requests a nonexistent partitioned data set.  Use MKD command to create it.");
            return Futures.DONE;
        }
        if (existing.isPresent() && existing.get().dsorg().equals("PO") && name.member() == null) {
            s.reply("550 " + command + " fails: " + name + " is a partitioned data set; name a member.");
            return Futures.DONE;
        }
        org.opencs.saf.grs.Enq enq = enqueues.obtain(name, true, command);
        if (enq == null) {
            return Futures.DONE;
        }
        try {
            return store(catalog, name, command, existing.isEmpty(), enq).whenComplete((v, e) -> enq.close());
        } catch (RuntimeException e) {
            enq.close();
            throw e;
        }
    }

    /** STOR/APPE holding the data set's ENQs: allocate a new data set, receive, write. */
    private CompletableFuture<Void> store(Catalog catalog, DatasetName name, String command, boolean created,
                                          org.opencs.saf.grs.Enq enq) {
        if (created) {
            LocalDate today = LocalDate.ofInstant(s.context.registry().clock().instant(), ZoneOffset.UTC);
            try {
                catalog.allocate(name, s.site.newDataset("PS", today));
            } catch (ZosException e) {
                // A permanent failure (5xx): a 4xx would tell the client to try again, and lftp does, for ever.
                enq.close();
                s.reply("550-" + e.text() + "\r\n550 Unable to create data set " + name + " for " + command + " command.");
                return Futures.DONE;
            }
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        UploadSink sink = new UploadSink(received, null);
        String start = command.equals("APPE") ? "125 Appending to data set " + name : "125 Storing data set " + name;
        return data.open(sink, start)
                .thenCompose(channel -> channel == null ? CompletableFuture.completedFuture(Boolean.FALSE)
                        : sink.finished().thenApply(v -> Boolean.TRUE))
                .handleAsync((opened, error) -> {
                    finishStore(catalog, name, command, created, Boolean.TRUE.equals(opened), error, received.toByteArray(),
                            enq);
                    return null;
                }, s.executor());
    }

    /** The end of an upload into a data set: write its records, or leave the data set as it was and say why (451). */
    private void finishStore(Catalog catalog, DatasetName name, String command, boolean created, boolean opened,
                             Throwable error, byte[] content, org.opencs.saf.grs.Enq enq) {
        if (!opened && error == null) {
            removeIfCreated(catalog, name, created); // no data connection: 425 was replied
            return;
        }
        try {
            if (error != null || s.aborted) {
                throw new ZosException("451", "Transfer aborted: " + (s.aborted ? "the transfer was aborted"
                        : UploadSink.describe(error)) + ". " + name + " is unchanged.");
            }
            var previous = name.member() == null ? java.util.Optional.<org.opencs.datasets.MemberStatistics>empty()
                    : catalog.statistics(name);
            boolean truncated = write(catalog, name, content, command.equals("APPE") && catalog.exists(name) && !created);
            if (name.member() != null) {
                IspfStatistics.afterStore(s, catalog, name, previous);
            }
            s.bytesIn += content.length;
            String done = truncated ? "250 Transfer completed (data was truncated)" : FtpReplies.TRANSFER_DONE;
            TransferRecords.write(s, "MVS dsname", name.toString(), command, content.length, done);
            enq.close(); // released before the reply: a client that hears it may use the data set again at once
            s.reply(done); // logged first: a client that hears the reply finds the records
        } catch (ZosException e) {
            removeIfCreated(catalog, name, created);
            String reply = e.messageId().equals("IEC020I")
                    ? "451-File transfer failed. File contains records that are longer than the LRECL of the new file.\r\n"
                      + "451 Transfer aborted: " + e.text()
                    : "451 " + e.text();
            TransferRecords.write(s, "MVS dsname", name.toString(), command, content.length, "451 " + e.text());
            enq.close();
            s.reply(reply); // logged first: a client that hears the reply finds the records
        }
    }

    /**
     * Writes the upload as records; true when a line had to be cut (SITE TRUNCATE). TYPE A and E uploads are lines of
     * text (CRLF or x'15' ends, or STRU R records) that go through the LRECL rules; TYPE I is cut into records as the
     * format allows, or taken record by record under STRU R.
     */
    private boolean write(Catalog catalog, DatasetName name, byte[] content, boolean append) {
        DatasetAttributes a = catalog.attributes(name.withoutMember()).orElseThrow();
        if (s.type == 'I') {
            if (s.recordStructure) {
                List<byte[]> records = new ArrayList<>(append ? catalog.readRecords(name) : List.of());
                records.addAll(RecordStructure.decode(content));
                catalog.writeRecords(name, records);
                return false;
            }
            byte[] all = content;
            if (append) {
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                joined.writeBytes(catalog.readBinary(name));
                joined.writeBytes(content);
                all = joined.toByteArray();
            }
            catalog.writeBinary(name, all);
            return false;
        }
        int max = a.recfm() == RecordFormat.U ? Math.max(a.lrecl(), a.blksize()) : a.recfm().maxData(a.lrecl());
        // Each incoming line is one record, whatever characters it holds: a bare LF stays in its record as x'25'.
        List<byte[]> records = new ArrayList<>(append ? catalog.readRecords(name) : List.of());
        boolean truncated = false;
        for (String line : incomingLines(content)) {
            if (line.length() <= max || !(s.site.wrapRecord || s.site.truncate)) {
                records.add(record(line, a));
            } else if (s.site.wrapRecord) {
                for (int i = 0; i < line.length(); i += max) {
                    records.add(record(line.substring(i, Math.min(line.length(), i + max)), a));
                }
            } else {
                records.add(record(line.substring(0, max), a));
                truncated = true;
            }
        }
        catalog.writeRecords(name, records);
        return truncated;
    }

    /** A line of text as an IBM-1047 record (LF inside it x'25'), blank-padded to LRECL in fixed formats. */
    private static byte[] record(String line, DatasetAttributes a) {
        byte[] record = new byte[line.length()];
        for (int i = 0; i < record.length; i++) {
            record[i] = CodePage.IBM_1047.encode(line.charAt(i));
        }
        if (a.recfm().fixed() && record.length < a.lrecl()) {
            byte[] padded = java.util.Arrays.copyOf(record, a.lrecl());
            java.util.Arrays.fill(padded, record.length, padded.length, Ebcdic.BLANK);
            return padded;
        }
        return record;
    }

    /** The lines of a text upload as the transfer type and structure deliver them (TYPE A: CRLF ends a line). */
    List<String> incomingLines(byte[] content) {
        if (s.recordStructure) {
            return RecordStructure.decode(content).stream()
                    .map(r -> s.type == 'E' ? text(r) : new String(r, s.site.networkCharset())).toList();
        }
        if (s.type == 'E') {
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < content.length; i++) {
                if (content[i] == EBCDIC_NEW_LINE) {
                    lines.add(text(java.util.Arrays.copyOfRange(content, start, i)));
                    start = i + 1;
                }
            }
            if (start < content.length) {
                lines.add(text(java.util.Arrays.copyOfRange(content, start, content.length)));
            }
            return lines;
        }
        // TYPE A: only CRLF ends a line; a lone CR or LF is a character of its line (IBM z/OS IP and SNA Codes,
        // reply 211 ftp211-11: "The z/OS server and client can receive ASCII data only in this format").
        List<String> lines = new ArrayList<>();
        Charset network = s.site.networkCharset();
        int start = 0;
        for (int i = 0; i + 1 < content.length; i++) {
            if (content[i] == '\r' && content[i + 1] == '\n') {
                lines.add(new String(content, start, i - start, network));
                start = i + 2;
                i++;
            }
        }
        if (start < content.length) {
            lines.add(new String(content, start, content.length - start, network));
        }
        return lines;
    }

    private static void removeIfCreated(Catalog catalog, DatasetName name, boolean created) {
        if (created && catalog.attributes(name.withoutMember()).isPresent()) {
            catalog.delete(name.withoutMember());
        }
    }

    void size(String argument) {
        DatasetName name = resolve(argument);
        // z/OS answers SIZE only for z/OS UNIX files.
        s.reply(s.catalog().exists(name) ? "501 command aborted -- FTP server not configured for SIZE"
                : "550 Data set " + name + " not found");
    }

    void delete(String argument) {
        DatasetName name = resolve(argument);
        Catalog catalog = s.catalog();
        if (!catalog.exists(name)) {
            s.reply("550 DELE fails: " + name + " does not exist.");
            return;
        }
        if (!allowed(name, name.member() == null ? AccessLevel.ALTER : AccessLevel.UPDATE)) {
            s.reply("550 DELE fails: " + name + ". User not authorized.");
            return;
        }
        try (org.opencs.saf.grs.Enq enq = enqueues.obtain(name, true, "DELE")) {
            if (enq == null) {
                return;
            }
            catalog.delete(name);
        }
        s.reply("250 " + name + " deleted.");
    }

    /** MKD: a new PDS with the SITE attributes. */
    void makeDirectory(String argument) {
        DatasetName name = resolve(argument);
        if (name.member() != null || !allowed(name, AccessLevel.ALTER)) {
            s.reply("550 MKD fails: " + name + ". User not authorized.");
            return;
        }
        Catalog catalog = s.catalog();
        if (catalog.attributes(name).isPresent()) {
            s.reply("550 MKD fails: " + name + " already exists.");
            return;
        }
        LocalDate today = LocalDate.ofInstant(s.context.registry().clock().instant(), ZoneOffset.UTC);
        try {
            catalog.allocate(name, s.site.newDataset("PO", today));
        } catch (ZosException e) {
            s.reply("550 MKD fails: " + name + ": " + e.text());
            return;
        }
        s.reply("257 \"'" + name + "'\" created.");
    }

    /** RMD: deletes a PDS. */
    void removeDirectory(String argument) {
        DatasetName name = resolve(argument);
        Catalog catalog = s.catalog();
        if (catalog.attributes(name).map(a -> !a.dsorg().equals("PO")).orElse(true) || name.member() != null) {
            s.reply("550 RMD fails: " + name + " is not a partitioned data set.");
            return;
        }
        if (!allowed(name, AccessLevel.ALTER)) {
            s.reply("550 RMD fails: " + name + ". User not authorized.");
            return;
        }
        catalog.delete(name);
        s.reply("250 " + name + " deleted.");
    }

    void renameFrom(String argument) {
        DatasetName name = resolve(argument);
        if (!s.catalog().exists(name)) {
            s.reply("550 RNFR fails: " + name + " does not exist.");
            return;
        }
        try (org.opencs.saf.grs.Enq enq = enqueues.obtain(name, true, "RNFR")) {
            if (enq == null) {
                return;
            }
        }
        s.renameFrom = "'" + name + "'";
        s.reply("350 RNFR accepted. Please supply new name for RNTO.");
    }

    void renameTo(String from, String argument) {
        DatasetName source = resolve(from);
        DatasetName target = resolve(argument);
        AccessLevel needed = source.member() == null ? AccessLevel.ALTER : AccessLevel.UPDATE;
        if (!allowed(source, needed) || !allowed(target, needed)) {
            s.reply("550 RNTO fails: " + target + ". User not authorized.");
            return;
        }
        try (org.opencs.saf.grs.Enq enq = enqueues.obtain(source, true, "RNTO")) {
            if (enq == null) {
                return;
            }
            s.catalog().rename(source, target);
        }
        s.reply("250 " + source + " renamed to " + target);
    }
}
