package org.opencs.ftp.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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

    HfsCommands(SessionState session, DataConnections data) {
        this.s = session;
        this.data = data;
    }

    private String resolve(String argument) {
        return HfsPaths.resolve(s.cwd, argument);
    }

    private Path file(String target) {
        return s.context.registry().home().hfsPath(target);
    }

    private boolean allowed(String target) {
        return HfsPaths.allowed(s.user, target);
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

    void list(String argument, boolean namesOnly) {
        String target = resolve(argument);
        Path dir = file(target);
        if (!allowed(target) || !Files.exists(dir)) {
            s.reply(namesOnly ? "550 NLST cmd failed.  No files found." : "550 LIST cmd failed : EDC5129I No such file or directory.");
            return;
        }
        try {
            String listing = HfsPaths.listing(dir, namesOnly, s.context.registry().clock());
            if (namesOnly && listing.isEmpty()) {
                s.reply("550 NLST cmd failed.  No files found.");
                return;
            }
            data.send(FtpReplies.LIST_STARTED, new java.io.ByteArrayInputStream(listing.getBytes(StandardCharsets.UTF_8)),
                    null, FtpReplies.LIST_DONE);
        } catch (IOException e) {
            s.reply("550 LIST cmd failed : " + e.getMessage());
        }
    }

    void retrieve(String argument) {
        String target = resolve(argument);
        Path file = file(target);
        long offset = takeRestart();
        if (!allowed(target) || !Files.isRegularFile(file)) {
            s.reply("550 RETR fails: " + target + " does not exist or is not accessible.");
            return;
        }
        if (s.recordStructure) {
            s.reply(RECORDS_FOR_DATA_SETS);
            return;
        }
        if (s.type == 'I') {
            try (var channel = java.nio.channels.FileChannel.open(file)) {
                long sent = data.sendFile("125 Sending data set " + target, channel, offset, FtpReplies.TRANSFER_DONE);
                TransferRecords.write(s, "HFS filename", target, "RETR", sent,
                        sent >= 0 ? FtpReplies.TRANSFER_DONE : "426 Transfer aborted.");
            } catch (IOException e) {
                s.reply("550 RETR fails: " + e.getMessage());
            }
            return;
        }
        try (InputStream in = s.type == 'E' ? new java.io.ByteArrayInputStream(toEbcdic(Files.readAllBytes(file)))
                : Files.newInputStream(file)) {
            in.skipNBytes(Math.min(offset, Files.size(file)));
            long sent = data.send("125 Sending data set " + target, in, s.ascii() ? NetworkAscii.encoder() : null,
                    FtpReplies.TRANSFER_DONE);
            TransferRecords.write(s, "HFS filename", target, "RETR", sent,
                    sent >= 0 ? FtpReplies.TRANSFER_DONE : "426 Transfer aborted.");
        } catch (IOException e) {
            s.reply("550 RETR fails: " + e.getMessage());
        }
    }

    /**
     * STOR, APPE and STOU. The upload goes to a temporary file (for APPE and REST first a copy of the current
     * content), renamed over the target only when complete.
     */
    void store(String argument, String command) {
        String target = command.equals("STOU") ? unique(resolve(argument.isEmpty() ? "ftp" : argument)) : resolve(argument);
        Path file = file(target);
        long offset = takeRestart();
        if (!allowed(target) || Files.isDirectory(file) || !Files.isDirectory(file.getParent())) {
            s.reply("550 " + command + " fails: " + target + " cannot be written.");
            return;
        }
        if (s.recordStructure) {
            s.reply(RECORDS_FOR_DATA_SETS);
            return;
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
            boolean keep = command.equals("APPE") || offset > 0;
            if (keep && Files.isRegularFile(file)) {
                Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                if (offset > 0) {
                    try (var channel = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        channel.truncate(offset);
                    }
                }
            }
            String failure;
            long received;
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.APPEND)) {
                UploadSink sink = new UploadSink(new java.io.BufferedOutputStream(out, 64 * 1024),
                        s.ascii() ? NetworkAscii.decoder() : null);
                String start = command.equals("APPE") ? "125 Appending to data set " + target : "125 Storing data set " + target;
                if (data.open(sink, start) == null) {
                    return;
                }
                failure = sink.await(600);
                received = sink.received();
            }
            if (failure != null) {
                // The partial upload goes before the client hears of the failure.
                Files.deleteIfExists(temp);
                temp = null;
                s.reply("451 Transfer aborted: the data connection failed (" + failure + "). " + target + " is unchanged.");
                TransferRecords.write(s, "HFS filename", target, command, received, "451 Transfer aborted.");
                return;
            }
            if (s.type == 'E') {
                Files.write(temp, fromEbcdic(Files.readAllBytes(temp), keep && Files.isRegularFile(file) ? offsetOrSize(file, offset) : 0));
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            s.bytesIn += received;
            String done = command.equals("STOU") ? "250 Transfer completed successfully. Unique file name is " + target
                    : FtpReplies.TRANSFER_DONE;
            s.reply(done);
            TransferRecords.write(s, "HFS filename", target, command, received, done);
        } catch (IOException e) {
            s.reply("451 Transfer aborted: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover .part file is hidden and never taken for the target
                }
            }
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
            Files.createDirectory(file(target));
            s.reply("257 \"" + target + "\" created.");
        } catch (NoSuchFileException e) {
            s.reply("550 MKDIR failed: EDC5129I No such file or directory.");
        } catch (IOException e) {
            s.reply("550 MKDIR failed: EDC5117I File exists.");
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
            s.reply("550 RMD failed: " + e.getMessage());
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
            s.reply("550 RNTO fails: " + e.getMessage());
        }
    }

    /** MLSD (a directory's entries) and MLST (one entry, on the control connection) with RFC 3659 facts. */
    void machineListing(String argument, boolean single) {
        String target = resolve(argument);
        Path path = file(target);
        if (!allowed(target) || !Files.exists(path) || (!single && !Files.isDirectory(path))) {
            s.reply("550 " + (single ? "MLST" : "MLSD") + " fails: " + target + " does not exist or is not a directory.");
            return;
        }
        try {
            if (single) {
                s.reply("250-Listing " + target + "\r\n " + HfsPaths.facts(path) + target + "\r\n250 End");
                return;
            }
            StringBuilder out = new StringBuilder();
            try (var entries = Files.list(path)) {
                for (Path p : entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                    out.append(HfsPaths.facts(p)).append(p.getFileName()).append("\r\n");
                }
            }
            data.send(FtpReplies.LIST_STARTED, new java.io.ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)),
                    null, FtpReplies.LIST_DONE);
        } catch (IOException e) {
            s.reply("550 MLSD fails: " + e.getMessage());
        }
    }
}
