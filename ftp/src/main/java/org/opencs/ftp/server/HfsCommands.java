package org.opencs.ftp.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.time.format.DateTimeFormatter;
import org.opencs.core.CodePage;
import org.opencs.core.FileTag;
import org.opencs.core.UnixErrors;
import org.opencs.core.UnixFileTags;
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
                SbDataconn sbd = SbDataconn.of(s.site.sbDataconn);
                var tag = sbd.tags() ? UnixFileTags.read(file).flatMap(FileTag::codePage) : java.util.Optional.<CodePage>empty();
                CodePage fileCodePage = tag.orElse(sbd.file());
                InputStream in = Files.newInputStream(file);
                source = in;
                in.skipNBytes(Math.min(offset, Files.size(file)));
                ChunkConverter converter = s.type == 'E' ? HfsTextConverter.fileToEbcdic(fileCodePage)
                        : HfsTextConverter.fileToAscii(fileCodePage, sbd.network(), s.site.sbSendEol.bytes());
                // z/OS names the tag it translated by (IBM z/OS IP and SNA Codes, reply 125 r125_060).
                String tagged = tag.map(cp -> "125-Tagged " + (cp.ebcdic() ? "EBCDIC" : "ASCII") + " file translated with table built"
                        + " using file system cp=" + cp.name() + ", network transfer cp="
                        + (s.type == 'E' ? CodePage.IBM_1047 : sbd.network()).name() + "\r\n").orElse("");
                sending = data.send(tagged + "125 Sending data set " + target, in, converter, FtpReplies.TRANSFER_DONE);
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
            temp = Files.createTempFile(file.getParent(),
                    PartialUploads.prefix(s.context.registry().config().sysname()), PartialUploads.SUFFIX);
            boolean keep = command.equals("APPE") || offset > 0;
            if (keep && Files.isRegularFile(file)) {
                Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                if (offset > 0) {
                    try (var channel = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        channel.truncate(offset);
                    }
                }
            }
            var written = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(written), 64 * 1024);
            // What the file holds after this upload: text in TYPE A/E, in the code page of the content kept (its
            // tag) or of SBDATACONN; a kept file keeps its tag, a new text file gets SBDATACONN's when it tags.
            SbDataconn sbd = SbDataconn.of(s.site.sbDataconn);
            var keptTag = keep && Files.isRegularFile(file) ? UnixFileTags.read(file) : java.util.Optional.<FileTag>empty();
            CodePage fileCodePage = keptTag.flatMap(FileTag::codePage).orElse(sbd.file());
            var tag = keptTag.isPresent() ? keptTag
                    : s.type != 'I' && sbd.tags() ? java.util.Optional.of(FileTag.text(fileCodePage.name())) : java.util.Optional.<FileTag>empty();
            if (tag.isPresent()) {
                UnixFileTags.write(temp, tag.get());
            }
            ChunkConverter converter = s.type == 'A' ? HfsTextConverter.asciiToFile(sbd.network(), fileCodePage)
                    : s.type == 'E' ? HfsTextConverter.ebcdicToFile(fileCodePage) : null;
            // Binary goes from the decrypted buffers to the file as it is; text through the converter.
            UploadSink sink = converter == null ? new UploadSink(written) : new UploadSink(out, converter);
            String start = command.equals("APPE") ? "125 Appending to data set " + target : "125 Storing data set " + target;
            Path partial = temp;
            OutputStream stream = out;
            return data.open(sink, start)
                    .thenCompose(channel -> channel == null ? CompletableFuture.completedFuture(Boolean.FALSE)
                            : sink.finished().thenApply(v -> Boolean.TRUE))
                    .handleAsync((opened, error) -> {
                        closeQuietly(stream);
                        finishStore(command, target, file, partial, Boolean.TRUE.equals(opened), error, sink.received());
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
    private void finishStore(String command, String target, Path file, Path temp, boolean opened,
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
            TransferRecords.write(s, "HFS filename", target, command, received, reply);
            s.reply(reply); // logged first: a client that hears the reply finds the records
            return;
        }
        try {
            keepOrCreateMode(file, temp);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            s.bytesIn += received;
            String done = command.equals("STOU") ? "250 Transfer completed successfully. Unique file name is " + target
                    : FtpReplies.TRANSFER_DONE;
            TransferRecords.write(s, "HFS filename", target, command, received, done);
            s.reply(done); // logged first: a client that hears the reply finds the records
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

    /**
     * DELE of a file, a symbolic link (the link, not what it points to) or an empty directory, as z/OS does; a
     * directory with entries is refused with z/OS's {@code 550 DELE fails: <path> is a directory and is not empty.}
     * (IBM z/OS IP and SNA Codes, FTP reply 550 ftp550-19: "The delete and rename subcommands support a directory name
     * but the directory must be empty"). The user's own home directory is never removed.
     */
    void delete(String argument) {
        String target = resolve(argument);
        // The last component is not followed: DELE of a link removes the link (unlink()).
        var entry = access.resolveUnchecked(target, false);
        Path file = entry.host();
        if (!access.mayUse(s.user, entry.path()) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                || isHome(entry.path())) {
            s.reply("550 DELE fails: " + target + " does not exist or is not accessible.");
            return;
        }
        try {
            Files.delete(file);
            s.reply("250 " + target + " deleted.");
        } catch (DirectoryNotEmptyException e) {
            s.reply("550 DELE fails: " + target + " is a directory and is not empty.");
        } catch (IOException e) {
            s.reply("550 DELE fails: " + target + ": " + UnixErrors.describe(e));
        }
    }

    private boolean isHome(String canonical) {
        String home = s.user.omvsHome();
        return home != null && !home.isBlank() && canonical.equals(access.resolveUnchecked(home, true).path());
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
        // MLST describes a symbolic link itself; MLSD lists the directory a name leads to.
        var entry = access.resolveUnchecked(target, !single);
        Path path = entry.host();
        if (!access.mayUse(s.user, entry.path()) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                || (!single && !Files.isDirectory(path))) {
            s.reply("550 " + (single ? "MLST" : "MLSD") + " fails: " + target + " does not exist or is not a directory.");
            return Futures.DONE;
        }
        try {
            if (single) {
                String facts = HfsPaths.facts(path, s.mlstFacts).orElse(null);
                s.reply(facts == null ? "550 MLST fails: " + target + " does not exist or is not a directory."
                        : "250-Listing " + target + "\r\n " + facts + target + "\r\n250 End");
                return Futures.DONE;
            }
            StringBuilder out = new StringBuilder();
            try (var entries = Files.list(path)) {
                for (Path p : entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                    HfsPaths.facts(p, s.mlstFacts).ifPresent(facts -> out.append(facts).append(p.getFileName()).append("\r\n"));
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
