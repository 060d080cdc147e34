package org.opencs.ftp.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.time.format.DateTimeFormatter;
import org.opencs.core.UnixErrors;
import org.opencs.datasets.UnixFileAccess;

/**
 * Commands on z/OS UNIX files (under the system's {@code hfs/}): users work inside their OMVS home, SPECIAL users
 * anywhere. Uploads go to a temporary file beside the target that replaces it only when the whole upload arrived,
 * so an interrupted STOR or APPE leaves the previous content as it was.
 */
final class HfsCommands {
    private static final String RECORDS_FOR_DATA_SETS = "550 Record structure (STRU R) is supported for MVS data sets only.";
    private static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final SessionState s;
    private final DataConnections data;
    private final UnixFileAccess access;

    HfsCommands(SessionState session, DataConnections data) {
        this.s = session;
        this.data = data;
        this.access = new UnixFileAccess(session.context.registry());
    }

    private String resolve(String argument) {
        return HfsPaths.resolve(s.cwd, argument);
    }

    /** The host file a path names once resolved as the file system will (symbolic links followed inside hfs/). */
    private Path file(String target) {
        return access.resolveUnchecked(target, true).host();
    }

    /** Whether the user may use what {@code target} resolves to (its canonical path, not the name it was given). */
    private boolean allowed(String target) {
        return access.mayUse(s.user, access.resolveUnchecked(target, true).path());
    }

    /**
     * CWD also passes through the directories above the user's home ("/", "/u"), so clients that walk a path one
     * component at a time (lftp's mirror) reach it; nothing there can be listed or changed.
     */
    void cwd(String argument) {
        String target = resolve(argument);
        String home = s.user.omvsHome();
        boolean aboveHome = home != null && (target.equals("/") || home.startsWith(target + "/"));
        if (!(allowed(target) || aboveHome) || !Files.isDirectory(file(target))) {
            s.reply("550 CWD cmd failed : EDC5129I No such file or directory.");
            return;
        }
        s.mvs = false;
        s.cwd = target;
        s.reply(FtpReplies.cwd(s.cwd));
    }

    /** LIST and NLST; {@code all}: LIST -a or -A was given (names starting with a dot are listed too). */
    CompletableFuture<Void> list(String argument, boolean namesOnly, boolean all) {
        String target = resolve(argument);
        Path dir = file(target);
        if (!allowed(target) || !Files.exists(dir)) {
            s.reply(namesOnly ? "550 NLST cmd failed.  No files found." : "550 LIST cmd failed : EDC5129I No such file or directory.");
            return Futures.DONE;
        }
        try {
            String listing = HfsPaths.listing(dir, namesOnly, s.context.registry().clock(), all);
            if (namesOnly && listing.isEmpty()) {
                s.reply("550 NLST cmd failed.  No files found.");
                return Futures.DONE;
            }
            return data.send(FtpReplies.LIST_STARTED, new java.io.ByteArrayInputStream(listing.getBytes(StandardCharsets.UTF_8)),
                    null, FtpReplies.LIST_DONE).thenApply(sent -> null);
        } catch (IOException e) {
            s.reply("550 LIST cmd failed : " + UnixErrors.describe(e));
            return Futures.DONE;
        }
    }

    CompletableFuture<Void> retrieve(String argument) {
        String target = resolve(argument);
        Path file = file(target);
        long offset = takeRestart();
        if (!allowed(target) || !Files.isRegularFile(file)) {
            s.reply("550 RETR fails: " + target + " does not exist or is not accessible.");
            return Futures.DONE;
        }
        if (s.recordStructure) {
            s.reply(RECORDS_FOR_DATA_SETS);
            return Futures.DONE;
        }
        java.io.Closeable source = null;
        try {
            CompletableFuture<Long> sending;
            if (s.type == 'I') {
                var channel = java.nio.channels.FileChannel.open(file);
                source = channel;
                sending = data.sendFile("125 Sending data set " + target, channel, offset, FtpReplies.TRANSFER_DONE);
            } else {
                InputStream in = s.type == 'E' ? new java.io.ByteArrayInputStream(toEbcdic(Files.readAllBytes(file)))
                        : Files.newInputStream(file);
                source = in;
                in.skipNBytes(Math.min(offset, Files.size(file)));
                sending = data.send("125 Sending data set " + target, in,
                        s.ascii() ? NetworkAscii.encoder(s.site.sbSendEol.bytes()) : null,
                        FtpReplies.TRANSFER_DONE);
            }
            java.io.Closeable opened = source;
            return sending.handleAsync((sent, error) -> {
                closeQuietly(opened);
                long bytes = sent == null ? -1 : sent;
                TransferRecords.write(s, "HFS filename", target, "RETR", bytes,
                        bytes >= 0 ? FtpReplies.TRANSFER_DONE : "426 Transfer aborted.");
                return null;
            }, s.executor());
        } catch (IOException e) {
            closeQuietly(source);
            s.reply("550 RETR fails: " + target + ": " + UnixErrors.describe(e));
            return Futures.DONE;
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // a file opened for reading: nothing is lost
        }
    }

    /**
     * STOR, APPE and STOU. The upload goes to a temporary file (for APPE and REST first a copy of the current
     * content), renamed over the target only when the whole upload arrived; a failed or truncated one is removed
     * before the client hears of it (451), so the target keeps its previous content.
     */
    CompletableFuture<Void> store(String argument, String command) {
        String target = command.equals("STOU") ? unique(resolve(argument.isEmpty() ? "ftp" : argument)) : resolve(argument);
        Path file = file(target);
        long offset = takeRestart();
        if (!allowed(target) || Files.isDirectory(file) || !Files.isDirectory(file.getParent())) {
            s.reply("550 " + command + " fails: " + target + " cannot be written.");
            return Futures.DONE;
        }
        if (s.recordStructure) {
            s.reply(RECORDS_FOR_DATA_SETS);
            return Futures.DONE;
        }
        Path temp = null;
        OutputStream out = null;
        try {
            // A short name of the server's own, whatever the target's length (a 255-byte name must still be storable);
            // leftovers of a killed server are recognised by it and removed at the next start.
            temp = Files.createTempFile(file.getParent(), PartialUploads.PREFIX, PartialUploads.SUFFIX);
            boolean keep = command.equals("APPE") || offset > 0;
            long kept = keep && Files.isRegularFile(file) ? offsetOrSize(file, offset) : 0;
            if (keep && Files.isRegularFile(file)) {
                Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                if (offset > 0) {
                    try (var channel = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        channel.truncate(offset);
                    }
                }
            }
            out = new java.io.BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.APPEND), 64 * 1024);
            UploadSink sink = new UploadSink(out, s.ascii() ? NetworkAscii.decoder() : null);
            String start = command.equals("APPE") ? "125 Appending to data set " + target : "125 Storing data set " + target;
            Path partial = temp;
            OutputStream stream = out;
            return data.open(sink, start)
                    .thenCompose(channel -> channel == null ? CompletableFuture.completedFuture(Boolean.FALSE)
                            : sink.finished().thenApply(v -> Boolean.TRUE))
                    .handleAsync((opened, error) -> {
                        closeQuietly(stream);
                        finishStore(command, target, file, partial, kept, Boolean.TRUE.equals(opened), error, sink.received());
                        return null;
                    }, s.executor());
        } catch (IOException e) {
            closeQuietly(out);
            deleteQuietly(temp);
            s.reply("451 Transfer aborted: " + target + ": " + UnixErrors.describe(e));
            return Futures.DONE;
        }
    }

    /** The end of an upload: commit the temporary file over the target, or remove it and say why (451). */
    private void finishStore(String command, String target, Path file, Path temp, long kept, boolean opened,
                             Throwable error, long received) {
        if (!opened && error == null) {
            deleteQuietly(temp); // no data connection: 425 was replied
            return;
        }
        if (error != null || s.aborted) {
            // The partial upload goes before the client hears of the failure.
            deleteQuietly(temp);
            String reason = s.aborted ? "the transfer was aborted" : UploadSink.describe(error);
            String reply = "451 Transfer aborted: " + reason + ". " + target + " is unchanged.";
            s.reply(reply);
            TransferRecords.write(s, "HFS filename", target, command, received, reply);
            return;
        }
        try {
            if (s.type == 'E') {
                Files.write(temp, fromEbcdic(Files.readAllBytes(temp), kept));
            }
            keepOrCreateMode(file, temp);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            s.bytesIn += received;
            String done = command.equals("STOU") ? "250 Transfer completed successfully. Unique file name is " + target
                    : FtpReplies.TRANSFER_DONE;
            s.reply(done);
            TransferRecords.write(s, "HFS filename", target, command, received, done);
        } catch (IOException e) {
            deleteQuietly(temp);
            s.reply("451 Transfer aborted: " + target + ": " + UnixErrors.describe(e));
        }
    }

    /** A replaced file keeps its mode, as z/OS writes into it; a new one gets 666 less the session's UMASK. */
    private void keepOrCreateMode(Path file, Path temp) throws IOException {
        int existing = Files.isRegularFile(file) ? FileModes.of(file) : -1;
        if (existing >= 0) {
            FileModes.set(temp, existing);
        } else {
            FileModes.created(temp, FileModes.FILE, s.site.umask);
        }
    }

    /**
     * SITE CHMOD mode file: the z/OS UNIX file's mode bits; null when done, else the 200- note z/OS gives (IBM IP
     * and SNA Codes, 200 reply codes: "Chmod cannot access file ...", "Chmod mode value invalid ...").
     */
    String changeMode(SiteParameter.Chmod chmod) {
        if (s.user == null) {
            return "Chmod not allowed when user not logged in. CHMOD ignored.";
        }
        String target = resolve(chmod.file());
        Path file = file(target);
        if (!allowed(target) || !Files.exists(file)) {
            return "Chmod cannot access file " + org.opencs.core.Values.quoteForMessage(target)
                    + " : EDC5129I No such file or directory.";
        }
        try {
            int mode = FileModes.apply(chmod.mode(), Math.max(0, FileModes.of(file)));
            FileModes.set(file, mode);
            return null;
        } catch (IllegalArgumentException e) {
            return "Chmod mode value invalid. Specify mode as a 1-3 digit octal value, or as "
                    + "{u|g|o|a}{=|+|-}{r|w|x|rw|rx|wx|rwx}. CHMOD ignored";
        } catch (IOException e) {
            return "Chmod failed: " + UnixErrors.describe(e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover partial upload is hidden, never taken for the target, and removed at the next start
        }
    }

    private static long offsetOrSize(Path file, long offset) throws IOException {
        return offset > 0 ? offset : Files.size(file);
    }

    /** TYPE E: text lines as EBCDIC (IBM-1047), each ended by x'15'. */
    private static byte[] toEbcdic(byte[] text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n", -1)) {
            out.writeBytes(org.opencs.core.Ebcdic.encode(line));
            out.write(DatasetCommands.EBCDIC_NEW_LINE);
        }
        byte[] all = out.toByteArray();
        // the split leaves an empty last piece after a final line end: drop its x'15'
        return text.length > 0 && text[text.length - 1] == '\n' ? java.util.Arrays.copyOf(all, all.length - 1) : all;
    }

    /** The inverse of {@link #toEbcdic}, for the bytes after {@code kept} (the part of the file an APPE or REST kept). */
    private static byte[] fromEbcdic(byte[] content, long kept) {
        int k = (int) Math.min(kept, content.length);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(content, 0, k);
        int start = k;
        for (int i = k; i < content.length; i++) {
            if (content[i] == DatasetCommands.EBCDIC_NEW_LINE) {
                out.writeBytes(org.opencs.core.Ebcdic.decode(java.util.Arrays.copyOfRange(content, start, i))
                        .getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                start = i + 1;
            }
        }
        out.writeBytes(org.opencs.core.Ebcdic.decode(java.util.Arrays.copyOfRange(content, start, content.length))
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private long takeRestart() {
        long offset = s.restartOffset;
        s.restartOffset = 0;
        return offset;
    }

    /** STOU: the name itself when free, else name.1, name.2 ... */
    private String unique(String target) {
        String candidate = target;
        for (int i = 1; Files.exists(file(candidate)); i++) {
            candidate = target + "." + i;
        }
        return candidate;
    }

    void size(String argument) {
        fileFact(argument, "SIZE", file -> String.valueOf(Files.size(file)));
    }

    void modificationTime(String argument) {
        fileFact(argument, "MDTM", file -> MDTM.format(Files.getLastModifiedTime(file).toInstant()));
    }

    private interface Fact {
        String of(Path file) throws IOException;
    }

    /** SIZE and MDTM: "213 value" for an existing file the user may see, else 550. */
    private void fileFact(String argument, String command, Fact fact) {
        String target = resolve(argument);
        Path file = file(target);
        try {
            if (allowed(target) && Files.isRegularFile(file)) {
                s.reply("213 " + fact.of(file));
                return;
            }
        } catch (IOException e) {
            // reported below
        }
        s.reply("550 " + command + " fails: " + target + " does not exist.");
    }

    void delete(String argument) {
        String target = resolve(argument);
        Path file = file(target);
        try {
            if (allowed(target) && Files.isRegularFile(file)) {
                Files.delete(file);
                s.reply("250 " + target + " deleted.");
                return;
            }
        } catch (IOException e) {
            // reported below
        }
        s.reply("550 DELE fails: " + target + " does not exist or is not accessible.");
    }

    void makeDirectory(String argument) {
        String target = resolve(argument);
        if (!allowed(target)) {
            s.reply("550 MKDIR failed: EDC5111I Permission denied.");
            return;
        }
        try {
            Path created = Files.createDirectory(file(target));
            FileModes.created(created, FileModes.DIRECTORY, s.site.umask);
            s.reply("257 \"" + target + "\" created.");
        } catch (IOException e) {
            // Say what failed: a missing parent, an existing name, a full disk ... (z/OS's EDC errno texts).
            s.reply("550 MKDIR failed: " + UnixErrors.describe(e));
        }
    }

    void removeDirectory(String argument) {
        String target = resolve(argument);
        Path dir = file(target);
        if (!allowed(target) || target.equals(s.user.omvsHome()) || !Files.isDirectory(dir)) {
            s.reply("550 RMD failed: EDC5129I No such file or directory.");
            return;
        }
        try {
            Files.delete(dir);
            s.reply("250 " + target + " removed.");
        } catch (DirectoryNotEmptyException e) {
            s.reply("550 RMD failed: EDC5136I Directory not empty.");
        } catch (IOException e) {
            s.reply("550 RMD failed: " + UnixErrors.describe(e));
        }
    }

    void renameFrom(String argument) {
        String target = resolve(argument);
        if (!allowed(target) || !Files.exists(file(target))) {
            s.reply("550 RNFR fails: " + target + " does not exist or is not accessible.");
            return;
        }
        s.renameFrom = target;
        s.reply("350 RNFR accepted. Please supply new name for RNTO.");
    }

    void renameTo(String from, String argument) {
        String target = resolve(argument);
        if (!allowed(target) || Files.exists(file(target)) || !Files.isDirectory(file(target).getParent())) {
            s.reply("550 RNTO fails: " + target + " cannot be created.");
            return;
        }
        try {
            Files.move(file(from), file(target), StandardCopyOption.ATOMIC_MOVE);
            s.reply("250 " + from + " renamed to " + target);
        } catch (IOException e) {
            s.reply("550 RNTO fails: " + UnixErrors.describe(e));
        }
    }

    /** MLSD (a directory's entries) and MLST (one entry, on the control connection) with RFC 3659 facts. */
    CompletableFuture<Void> machineListing(String argument, boolean single) {
        String target = resolve(argument);
        Path path = file(target);
        if (!allowed(target) || !Files.exists(path) || (!single && !Files.isDirectory(path))) {
            s.reply("550 " + (single ? "MLST" : "MLSD") + " fails: " + target + " does not exist or is not a directory.");
            return Futures.DONE;
        }
        try {
            if (single) {
                s.reply("250-Listing " + target + "\r\n " + HfsPaths.facts(path, s.mlstFacts) + target + "\r\n250 End");
                return Futures.DONE;
            }
            StringBuilder out = new StringBuilder();
            try (var entries = Files.list(path)) {
                for (Path p : entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                    out.append(HfsPaths.facts(p, s.mlstFacts)).append(p.getFileName()).append("\r\n");
                }
            }
            return data.send(FtpReplies.LIST_STARTED, new java.io.ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)),
                    null, FtpReplies.LIST_DONE).thenApply(sent -> null);
        } catch (IOException e) {
            s.reply("550 MLSD fails: " + UnixErrors.describe(e));
            return Futures.DONE;
        }
    }
}
