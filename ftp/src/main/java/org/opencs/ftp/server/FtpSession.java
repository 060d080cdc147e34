package org.opencs.ftp.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.opencs.core.ZosException;
import org.opencs.ftp.config.FtpData;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;
import org.opencs.saf.users.User;

/**
 * One control connection: the command dialogue of RFC 959/2228/4217 with z/OS's replies. This first version serves
 * z/OS UNIX files (HFS); MVS data sets, the activity log and client-certificate logon come next.
 */
final class FtpSession extends SimpleChannelInboundHandler<String> {
    private static final int DATA_TIMEOUT_SECONDS = 30;

    private final FtpSessionContext context;
    private String pendingUser;
    private User user;
    private boolean tls;
    private boolean pbsz;
    private boolean protectData;
    private boolean ascii = true;
    private String cwd = "/";
    private PassiveListener passive;
    private String sessionId;
    private boolean mvs;
    private String prefix = "";
    private String siteRecfm = "VB";
    private int siteLrecl = 256;
    private int siteBlksize = 27998;
    private long bytesIn;
    private long bytesOut;

    FtpSession(FtpSessionContext context) {
        this.context = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        sessionId = context.activity().newSessionId();
        InetSocketAddress client = (InetSocketAddress) ctx.channel().remoteAddress();
        context.activity().write("EZYFS50I", sessionId, "CONN starts Client IPaddr=" + client.getAddress().getHostAddress()
                + " hostname=" + client.getHostString());
        String host = ((InetSocketAddress) ctx.channel().localAddress()).getHostString();
        reply(ctx, FtpReplies.banner(host, context.registry().clock().instant().atZone(ZoneOffset.UTC),
                context.config().inactiveSeconds()));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        int space = text.indexOf(' ');
        String command = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : text.substring(space + 1).trim();
        try {
            handle(ctx, command, argument);
        } catch (ZosException e) {
            reply(ctx, "550 " + e.getMessage());
        }
    }

    private void handle(ChannelHandlerContext ctx, String command, String argument) {
        FtpData config = context.config();
        switch (command) {
            case "AUTH" -> auth(ctx, argument);
            case "USER" -> {
                if (config.secureFtp() == FtpData.SecureFtp.REQUIRED && !tls) {
                    reply(ctx, "530 USER command rejected: the server requires AUTH TLS first.");
                    return;
                }
                pendingUser = argument.toUpperCase(Locale.ROOT);
                user = null;
                user(ctx);
            }
            case "PASS" -> pass(ctx, argument);
            case "QUIT" -> ctx.writeAndFlush(FtpReplies.QUIT + "\r\n").addListener(f -> ctx.close());
            case "NOOP" -> reply(ctx, FtpReplies.NOOP);
            case "SYST" -> reply(ctx, mvs ? FtpReplies.SYST_MVS : FtpReplies.SYST);
            case "FEAT" -> reply(ctx, feat());
            case "PBSZ" -> {
                pbsz = true;
                reply(ctx, "200 Protection buffer size accepted");
            }
            case "PROT" -> prot(ctx, argument);
            default -> {
                if (user == null) {
                    reply(ctx, FtpReplies.LOGIN_FIRST);
                    return;
                }
                loggedIn(ctx, command, argument);
            }
        }
    }

    private void loggedIn(ChannelHandlerContext ctx, String command, String argument) {
        switch (command) {
            case "PWD", "XPWD" -> reply(ctx, mvs ? "257 \"'" + prefix + "'\" is working directory." : FtpReplies.pwd(cwd));
            case "CWD", "XCWD" -> cwd(ctx, argument);
            case "CDUP" -> cwd(ctx, mvs ? "'" + parentPrefix() + "'" : "..");
            case "SITE" -> site(ctx, argument);
            case "TYPE" -> type(ctx, argument);
            case "MODE" -> reply(ctx, argument.equalsIgnoreCase("S") ? "200 Data transfer mode is Stream"
                    : "504 Data transfer mode " + argument + " is not supported");
            case "STRU" -> reply(ctx, argument.equalsIgnoreCase("F") ? "250 Data structure is File"
                    : "504-Structure " + argument + " is not supported\r\n504 Data structure remains File");
            case "PASV" -> passive(ctx, false);
            case "EPSV" -> passive(ctx, true);
            case "PORT", "EPRT" -> reply(ctx, "502 Active data connections are not accepted: use PASV or EPSV.");
            case "LIST", "NLST" -> list(ctx, command.equals("NLST"), argument);
            case "RETR" -> retrieve(ctx, argument);
            case "STOR" -> store(ctx, argument);
            case "SIZE" -> size(ctx, argument);
            case "DELE" -> delete(ctx, argument);
            case "MKD", "XMKD" -> mkdir(ctx, argument);
            default -> reply(ctx, "500 unknown command " + command);
        }
    }

    private void auth(ChannelHandlerContext ctx, String mechanism) {
        String m = mechanism.toUpperCase(Locale.ROOT);
        if (context.tls() == null || !(m.equals("TLS") || m.equals("SSL") || m.equals("TLS-C") || m.equals("TLS-P"))) {
            reply(ctx, "504 Security mechanism " + mechanism + " is not supported");
            return;
        }
        if (tls) {
            reply(ctx, "503 Authentication already established");
            return;
        }
        // startTls: the 234 reply itself still goes out in the clear, everything after it is TLS.
        ctx.pipeline().addFirst("tls", new SslHandler(context.tls().newEngine(ctx.alloc()), true));
        tls = true;
        reply(ctx, FtpReplies.AUTH_OK);
        context.activity().write("EZYFS54I", sessionId, "SECURE OK Mechanism=" + (m.equals("TLS-C") ? "TLS-C" : "TLS-P"));
    }

    /**
     * USER under SECURE_LOGIN: REQUIRED needs a client certificate the key ring trusts; VERIFY_USER also needs it to
     * map to this user ID. With SECURE_PASSWORD OPTIONAL such a user is logged on without a password.
     */
    private void user(ChannelHandlerContext ctx) {
        FtpData config = context.config();
        if (config.secureLogin() == FtpData.SecureLogin.NO_CLIENT_AUTH) {
            reply(ctx, FtpReplies.SEND_PASSWORD);
            return;
        }
        java.security.cert.X509Certificate certificate = peerCertificate(ctx);
        if (certificate == null) {
            pendingUser = null;
            reply(ctx, FtpReplies.CLIENT_CERTIFICATE_REQUIRED);
            return;
        }
        var mapping = new org.opencs.saf.certs.CertificateUserMapper(context.registry()).userFor(certificate);
        boolean mapsToUser = mapping.map(m -> m.userid().equals(pendingUser)).orElse(false);
        if (config.secureLogin() == FtpData.SecureLogin.VERIFY_USER && !mapsToUser) {
            reply(ctx, "531 Client certificate does not map to user ID " + pendingUser + ".");
            pendingUser = null;
            return;
        }
        if (config.effectivePasswordRule() == FtpData.SecurePassword.OPTIONAL && mapsToUser) {
            User candidate = context.registry().users().find(pendingUser).orElse(null);
            if (candidate != null && !candidate.revoked()) {
                user = candidate;
                context.activity().write("EZYFS56I", sessionId, "ACCESS OK USERID=" + user.userid());
                reply(ctx, "230-User " + user.userid() + " is an authorized user\r\n"
                        + FtpReplies.loggedOn(user.userid(), startDirectory()));
                return;
            }
        }
        reply(ctx, FtpReplies.SEND_PASSWORD);
    }

    /** STARTDIRECTORY: MVS starts at the user's prefix ("USER1."), HFS in its OMVS home. Returns what 230 shows. */
    private String startDirectory() {
        cwd = user.omvsHome() != null ? user.omvsHome() : "/";
        prefix = user.userid() + ".";
        mvs = context.config().startDirectory() == FtpData.StartDirectory.MVS;
        return mvs ? prefix : cwd;
    }

    /** Whether an argument names a data set: quoted, or unquoted while the working directory is an MVS prefix. */
    private boolean mvsName(String argument) {
        return argument.startsWith("'") || (mvs && !argument.startsWith("/"));
    }

    private java.security.cert.X509Certificate peerCertificate(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        if (ssl == null) {
            return null;
        }
        try {
            var chain = ssl.engine().getSession().getPeerCertificates();
            return chain.length > 0 ? (java.security.cert.X509Certificate) chain[0] : null;
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private void pass(ChannelHandlerContext ctx, String password) {
        if (pendingUser == null) {
            reply(ctx, "503 Login with USER first.");
            return;
        }
        Authenticator authenticator = new Authenticator(context.registry());
        LogonResult result;
        String[] parts = password.split("/");
        if (parts.length == 3) {
            // z/OS's expired-password dialogue: PASS current/new/new.
            result = parts[1].equals(parts[2])
                    ? authenticator.changePassword(pendingUser, parts[0].toCharArray(), parts[1].toCharArray(), "FTPD")
                    : new LogonResult(LogonResult.Status.INVALID_PASSWORD, pendingUser, "new passwords differ");
        } else {
            result = authenticator.logon(pendingUser, password.toCharArray(), "FTPD");
        }
        if (!result.ok()) {
            context.activity().write("EZYFS56I", sessionId, "ACCESS FAILED USERID=" + pendingUser + " Reason="
                    + result.status());
            reply(ctx, (result.status() == LogonResult.Status.PASSWORD_EXPIRED
                    ? "530-Password expired: send PASS current/new/new\r\n" : "") + FtpReplies.PASS_FAILED);
            return;
        }
        user = context.registry().users().find(result.userid()).orElseThrow();
        context.activity().write("EZYFS56I", sessionId, "ACCESS OK USERID=" + user.userid());
        reply(ctx, FtpReplies.loggedOn(user.userid(), startDirectory()));
    }

    private void prot(ChannelHandlerContext ctx, String level) {
        String l = level.toUpperCase(Locale.ROOT);
        if (!pbsz) {
            reply(ctx, "503 Must first issue PBSZ");
            return;
        }
        FtpData.Protection minimum = context.config().secureDataconn();
        if (l.equals("P") && minimum != FtpData.Protection.NEVER) {
            protectData = true;
            reply(ctx, FtpReplies.PROT_PRIVATE);
        } else if (l.equals("C") && (minimum == FtpData.Protection.CLEAR || minimum == FtpData.Protection.NEVER)) {
            protectData = false;
            reply(ctx, FtpReplies.PROT_CLEAR);
        } else {
            reply(ctx, FtpReplies.PROT_REFUSED);
        }
    }

    private String feat() {
        StringBuilder features = new StringBuilder("211- Extensions supported\r\n");
        if (context.tls() != null) {
            features.append(" AUTH TLS\r\n PBSZ\r\n PROT\r\n");
        }
        features.append(" SIZE\r\n EPSV\r\n211 End");
        return features.toString();
    }

    private void type(ChannelHandlerContext ctx, String argument) {
        String t = argument.toUpperCase(Locale.ROOT);
        if (t.startsWith("A")) {
            ascii = true;
            reply(ctx, FtpReplies.TYPE_ASCII);
        } else if (t.startsWith("I") || t.startsWith("L")) {
            ascii = false;
            reply(ctx, FtpReplies.TYPE_IMAGE);
        } else {
            reply(ctx, "501-unknown type  " + argument + "\r\n501 Type remains " + (ascii ? "Ascii" : "Image"));
        }
    }

    private String parentPrefix() {
        String p = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        int dot = p.lastIndexOf('.');
        return dot < 0 ? "" : p.substring(0, dot + 1);
    }

    private void cwd(ChannelHandlerContext ctx, String argument) {
        if (mvsName(argument)) {
            prefix = MvsFiles.prefix(prefix, argument);
            mvs = true;
            reply(ctx, "250 \"" + prefix + "\" is the working directory name prefix.");
            return;
        }
        mvs = false;
        String target = HfsPaths.resolve(cwd, argument);
        Path dir = context.registry().home().hfsPath(target);
        if (!HfsPaths.allowed(user, target) || !Files.isDirectory(dir)) {
            reply(ctx, "550 CWD cmd failed : EDC5129I No such file or directory.");
            return;
        }
        cwd = target;
        reply(ctx, FtpReplies.cwd(cwd));
    }

    private void passive(ChannelHandlerContext ctx, boolean extended) {
        closePassive();
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        try {
            passive = new PassiveListener(context.dataGroup(), local.getAddress(), remote.getAddress(),
                    context.config().passiveDataPorts());
        } catch (InterruptedException | IllegalStateException e) {
            reply(ctx, "425 Cannot open a passive data port: " + e.getMessage());
            return;
        }
        int port = passive.port();
        if (extended) {
            reply(ctx, "229 Entering Extended Passive Mode (|||" + port + "|)");
        } else {
            String h = local.getAddress().getHostAddress().replace('.', ',');
            reply(ctx, "227 Entering Passive Mode (" + h + "," + (port >> 8) + "," + (port & 0xFF) + ")");
        }
    }

    /**
     * The data connection the client opened after PASV/EPSV, with TLS when PROT P is in force and {@code sink} (for
     * uploads) behind it; reading starts only once both are in place.
     */
    private SocketChannel dataConnection(ChannelHandlerContext ctx, io.netty.channel.ChannelHandler sink, String startReply)
            throws InterruptedException {
        if (passive == null) {
            reply(ctx, "425 Use PASV or EPSV first.");
            return null;
        }
        if (!protectData && context.config().secureDataconn().compareTo(FtpData.Protection.CLEAR) > 0) {
            reply(ctx, FtpReplies.PROTECTED_DATA_REQUIRED + "\r\n425 Send PROT P first.");
            closePassive();
            return null;
        }
        SocketChannel data = passive.await(DATA_TIMEOUT_SECONDS);
        closePassive();
        if (data == null) {
            reply(ctx, "425 Can't open data connection.");
            return null;
        }
        SslHandler ssl = protectData ? context.dataTls().newHandler(data.alloc()) : null;
        if (ssl != null) {
            data.pipeline().addFirst(ssl);
        }
        if (sink != null) {
            data.pipeline().addLast(sink);
        }
        data.config().setAutoRead(true);
        // The 1xx reply goes out before the data connection's TLS handshake, as z/OS does: clients such as lftp
        // start that handshake only once they have it.
        reply(ctx, startReply);
        if (ssl != null) {
            if (!ssl.handshakeFuture().await(DATA_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !ssl.handshakeFuture().isSuccess()) {
                data.close();
                reply(ctx, "425 TLS handshake on the data connection failed.");
                return null;
            }
        }
        return data;
    }

    private void list(ChannelHandlerContext ctx, boolean namesOnly, String argument) {
        String pattern = argument.startsWith("-") ? "" : argument;
        if (mvsName(pattern) || (mvs && pattern.isEmpty())) {
            String level = pattern.isEmpty() ? prefix : MvsFiles.prefix(prefix, pattern.replace("*", "")).replaceAll("\\.+$", ".");
            org.opencs.datasets.Catalog catalog = new org.opencs.datasets.Catalog(context.registry().home(), context.registry().clock());
            String listing = MvsFiles.listing(catalog, level);
            if (listing.indexOf('\n') == listing.length() - 1) {
                reply(ctx, "550 No data sets found.");
                return;
            }
            if (namesOnly) {
                StringBuilder names = new StringBuilder();
                listing.lines().skip(1).forEach(l -> names.append(l.substring(56)).append("\r\n"));
                listing = names.toString();
            }
            send(ctx, FtpReplies.LIST_STARTED, listing.getBytes(StandardCharsets.UTF_8), FtpReplies.LIST_DONE);
            return;
        }
        String target = HfsPaths.resolve(cwd, argument.startsWith("-") ? "" : argument);
        Path dir = context.registry().home().hfsPath(target);
        if (!HfsPaths.allowed(user, target) || !Files.exists(dir)) {
            reply(ctx, "550 No data sets found.");
            return;
        }
        String listing;
        try {
            listing = HfsPaths.listing(dir, namesOnly, context.registry().clock());
        } catch (IOException e) {
            reply(ctx, "550 LIST cmd failed : " + e.getMessage());
            return;
        }
        send(ctx, FtpReplies.LIST_STARTED, listing.getBytes(StandardCharsets.UTF_8), FtpReplies.LIST_DONE);
    }

    private void retrieve(ChannelHandlerContext ctx, String argument) {
        if (mvsName(argument)) {
            retrieveDataset(ctx, MvsFiles.resolve(prefix, argument));
            return;
        }
        String target = HfsPaths.resolve(cwd, argument);
        Path file = context.registry().home().hfsPath(target);
        if (!HfsPaths.allowed(user, target) || !Files.isRegularFile(file)) {
            reply(ctx, "550 RETR fails: " + target + " does not exist or is not accessible.");
            return;
        }
        try {
            byte[] content = Files.readAllBytes(file);
            byte[] wire = ascii ? HfsPaths.toNetworkAscii(content) : content;
            context.activity().write("EZYFS67I", sessionId, "ALLOC OK Use HFS filename=" + target);
            boolean sent = send(ctx, "125 Sending data set " + target, wire, FtpReplies.TRANSFER_DONE);
            transferred(ctx, target, "Output", sent ? wire.length : 0, sent ? FtpReplies.TRANSFER_DONE : "425 not sent");
        } catch (IOException e) {
            reply(ctx, "550 RETR fails: " + e.getMessage());
        }
    }

    /** Sends on the data connection between the start and done replies; false when no data connection came. */
    private boolean send(ChannelHandlerContext ctx, String start, byte[] content, String done) {
        try {
            SocketChannel data = dataConnection(ctx, null, start);
            if (data == null) {
                return false;
            }
            data.writeAndFlush(Unpooled.wrappedBuffer(content)).await();
            data.close().await();
            bytesOut += content.length;
            reply(ctx, done);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The TRANS records of the activity log and the SMF-style audit record of one file transfer. */
    private void transferred(ChannelHandlerContext ctx, String target, String direction, long bytes, String replyText) {
        context.activity().write("EZYFS77I", sessionId, "DEALL OK Release HFS filename=" + target);
        context.activity().write("EZYFS82I", sessionId, "TRANS HFS filename=" + target);
        context.activity().write("EZYFS84I", sessionId, "TRANS Stru=F Mode=S Type=" + (ascii ? "A" : "I") + " "
                + direction + "=" + bytes + " bytes");
        context.activity().write("EZYFS80I", sessionId, "TRANS Reply=" + replyText);
        context.registry().audit().record(context.registry().clock().instant(), "FTP_TRANSFER", java.util.Map.of(
                "session", sessionId, "user", user.userid(), "file", target,
                "direction", direction.equals("Output") ? "RETR" : "STOR", "bytes", bytes,
                "reply", replyText.substring(0, 3), "tls", tlsDescription(ctx)));
    }

    /** The control connection's TLS protocol and cipher suite, for the audit record. */
    private static String tlsDescription(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        return ssl == null ? "none" : ssl.engine().getSession().getProtocol() + " " + ssl.engine().getSession().getCipherSuite();
    }

    /** STOR into a temporary file beside the target, renamed over it only when the whole upload arrived. */
    private void store(ChannelHandlerContext ctx, String argument) {
        if (mvsName(argument)) {
            storeDataset(ctx, MvsFiles.resolve(prefix, argument));
            return;
        }
        String target = HfsPaths.resolve(cwd, argument);
        Path file = context.registry().home().hfsPath(target);
        if (!HfsPaths.allowed(user, target) || Files.isDirectory(file) || !Files.isDirectory(file.getParent())) {
            reply(ctx, "550 STOR fails: " + target + " cannot be written.");
            return;
        }
        try {
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
            CompletableFuture<Boolean> finished = new CompletableFuture<>();
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            OutputStream out = Files.newOutputStream(temp);
            SocketChannel data = dataConnection(ctx, new SimpleChannelInboundHandler<ByteBuf>() {
                @Override
                protected void channelRead0(ChannelHandlerContext dataCtx, ByteBuf chunk) throws IOException {
                    chunk.readBytes(out, chunk.readableBytes());
                }

                @Override
                public void channelInactive(ChannelHandlerContext dataCtx) {
                    finished.complete(true);
                }

                /**
                 * A client that ends the upload by closing the socket without TLS close_notify (many do) is not a
                 * failure: the data all arrived. Anything else aborts the transfer.
                 */
                @Override
                public void exceptionCaught(ChannelHandlerContext dataCtx, Throwable cause) {
                    Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                            ? cause.getCause() : cause;
                    boolean closeWithoutNotify = root instanceof javax.net.ssl.SSLException
                            && String.valueOf(root.getMessage()).contains("close_notify");
                    if (!closeWithoutNotify) {
                        failure.compareAndSet(null, root);
                        finished.complete(false);
                    }
                    dataCtx.close();
                }
            }, "125 Storing data set " + target);
            if (data == null) {
                out.close();
                Files.deleteIfExists(temp);
                return;
            }
            boolean complete = finished.get(600, TimeUnit.SECONDS);
            out.close();
            if (!complete) {
                Files.deleteIfExists(temp);
                reply(ctx, "451 Transfer aborted: the data connection failed (" + failure.get() + "). " + target
                        + " is unchanged.");
                return;
            }
            if (ascii) {
                Files.write(temp, HfsPaths.fromNetworkAscii(Files.readAllBytes(temp)));
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long size = Files.size(file);
            bytesIn += size;
            reply(ctx, FtpReplies.TRANSFER_DONE);
            context.activity().write("EZYFS67I", sessionId, "ALLOC OK Use HFS filename=" + target);
            transferred(ctx, target, "Input", size, FtpReplies.TRANSFER_DONE);
        } catch (Exception e) {
            reply(ctx, "451 Transfer aborted: " + e.getMessage());
        }
    }

    private void retrieveDataset(ChannelHandlerContext ctx, org.opencs.datasets.DatasetName name) {
        org.opencs.datasets.Catalog catalog = new org.opencs.datasets.Catalog(context.registry().home(), context.registry().clock());
        var attributes = catalog.attributes(name.withoutMember());
        if (attributes.isEmpty() || !catalog.exists(name)) {
            reply(ctx, "550 Data set " + name + " not found");
            return;
        }
        if (!new org.opencs.datasets.DatasetAccess(context.registry()).allowed(user, name, org.opencs.saf.resources.AccessLevel.READ)) {
            reply(ctx, "550 RETR fails: " + name + ". User not authorized.");
            return;
        }
        byte[] wire = ascii ? HfsPaths.toNetworkAscii(catalog.readText(name).getBytes(StandardCharsets.UTF_8))
                : catalog.readBinary(name);
        var a = attributes.get();
        String format = (a.recfm().fixed() ? "FIXrecfm " : a.recfm().variable() ? "VARrecfm " : "UNDEFrecfm ") + a.lrecl();
        context.activity().write("EZYFS67I", sessionId, "ALLOC OK Use MVS dsname=" + name);
        boolean sent = send(ctx, "125 Sending data set " + name + " " + format, wire, FtpReplies.TRANSFER_DONE);
        transferred(ctx, name.toString(), "Output", sent ? wire.length : 0, sent ? FtpReplies.TRANSFER_DONE : "425 not sent");
    }

    /**
     * STOR into a data set: new ones get the SITE attributes (RECFM, LRECL, BLKSIZE). Text lines become records; a
     * line longer than LRECL fails the transfer with z/OS's 451 and leaves nothing behind (a new data set is removed,
     * an existing one keeps its content).
     */
    private void storeDataset(ChannelHandlerContext ctx, org.opencs.datasets.DatasetName name) {
        org.opencs.datasets.Catalog catalog = new org.opencs.datasets.Catalog(context.registry().home(), context.registry().clock());
        if (!new org.opencs.datasets.DatasetAccess(context.registry()).allowed(user, name, org.opencs.saf.resources.AccessLevel.UPDATE)) {
            reply(ctx, "550 STOR fails: " + name + ". User not authorized.");
            return;
        }
        boolean created = catalog.attributes(name.withoutMember()).isEmpty();
        try {
            if (created) {
                java.time.LocalDate today = java.time.LocalDate.ofInstant(context.registry().clock().instant(), ZoneOffset.UTC);
                catalog.allocate(name.withoutMember(), new org.opencs.datasets.DatasetAttributes("PS",
                        org.opencs.datasets.RecordFormat.parse(siteRecfm), siteLrecl, siteBlksize, today, today));
            }
            ByteArrayOutputStreamSink sink = new ByteArrayOutputStreamSink();
            SocketChannel data = dataConnection(ctx, sink, "125 Storing data set " + name);
            if (data == null) {
                if (created) {
                    catalog.delete(name.withoutMember());
                }
                return;
            }
            byte[] content = sink.awaitContent(600);
            if (content == null) {
                throw new ZosException("451", "Transfer aborted: the data connection failed.");
            }
            if (ascii) {
                catalog.writeText(name, new String(HfsPaths.fromNetworkAscii(content), StandardCharsets.UTF_8));
            } else {
                catalog.writeBinary(name, content);
            }
            bytesIn += content.length;
            reply(ctx, FtpReplies.TRANSFER_DONE);
            context.activity().write("EZYFS67I", sessionId, "ALLOC OK Use MVS dsname=" + name);
            transferred(ctx, name.toString(), "Input", content.length, FtpReplies.TRANSFER_DONE);
        } catch (ZosException e) {
            if (created && catalog.attributes(name.withoutMember()).isPresent()) {
                catalog.delete(name.withoutMember());
            }
            reply(ctx, e.messageId().equals("IEC020I")
                    ? "451-File transfer failed. File contains records that are longer than the LRECL of the new file.\r\n"
                      + "451 Transfer aborted: " + e.text()
                    : "451 Transfer aborted: " + e.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SITE RECFM=, LRECL=, BLKSIZE= (IBM's abbreviations RECfm, LRecl, BLKsize); other keywords are noted. */
    private void site(ChannelHandlerContext ctx, String argument) {
        if (argument.isBlank()) {
            reply(ctx, "202 SITE not necessary; you may proceed");
            return;
        }
        StringBuilder notes = new StringBuilder();
        for (String parameter : argument.trim().split("\\s+")) {
            String[] kv = parameter.split("=", 2);
            String key = kv[0].toUpperCase(Locale.ROOT);
            String value = kv.length > 1 ? kv[1] : "";
            try {
                if (key.startsWith("REC") && key.length() >= 3 && "RECFM".startsWith(key)) {
                    siteRecfm = org.opencs.datasets.RecordFormat.parse(value).name();
                } else if (key.startsWith("LR") && "LRECL".startsWith(key)) {
                    siteLrecl = Integer.parseInt(value);
                } else if ((key.startsWith("BLK") && "BLKSIZE".startsWith(key)) || key.equals("BLOCKSIZE")) {
                    siteBlksize = Integer.parseInt(value);
                } else {
                    notes.append("200-Unrecognized parameter '").append(parameter).append("' on SITE command.\r\n");
                }
            } catch (NumberFormatException | ZosException e) {
                notes.append("200-Parameter '").append(parameter).append("' is not valid and was ignored.\r\n");
            }
        }
        reply(ctx, notes + "200 SITE command was accepted");
    }

    private void size(ChannelHandlerContext ctx, String argument) {
        if (mvsName(argument)) {
            org.opencs.datasets.DatasetName name = MvsFiles.resolve(prefix, argument);
            boolean exists = new org.opencs.datasets.Catalog(context.registry().home(), context.registry().clock()).exists(name);
            // z/OS answers SIZE only for z/OS UNIX files.
            reply(ctx, exists ? "501 command aborted -- FTP server not configured for SIZE"
                    : "550 Data set " + name + " not found");
            return;
        }
        String target = HfsPaths.resolve(cwd, argument);
        Path file = context.registry().home().hfsPath(target);
        try {
            if (HfsPaths.allowed(user, target) && Files.isRegularFile(file)) {
                reply(ctx, "213 " + Files.size(file));
                return;
            }
        } catch (IOException e) {
            // reported below
        }
        reply(ctx, "550 SIZE fails: " + target + " does not exist.");
    }

    private void delete(ChannelHandlerContext ctx, String argument) {
        String target = HfsPaths.resolve(cwd, argument);
        Path file = context.registry().home().hfsPath(target);
        try {
            if (HfsPaths.allowed(user, target) && Files.isRegularFile(file)) {
                Files.delete(file);
                reply(ctx, "250 " + target + " deleted.");
                return;
            }
        } catch (IOException e) {
            // reported below
        }
        reply(ctx, "550 DELE fails: " + target + " does not exist or is not accessible.");
    }

    private void mkdir(ChannelHandlerContext ctx, String argument) {
        String target = HfsPaths.resolve(cwd, argument);
        Path dir = context.registry().home().hfsPath(target);
        if (!HfsPaths.allowed(user, target)) {
            reply(ctx, "550 MKDIR failed: EDC5111I Permission denied.");
            return;
        }
        try {
            Files.createDirectory(dir);
            reply(ctx, "257 \"" + target + "\" created.");
        } catch (IOException e) {
            reply(ctx, "550 MKDIR failed: EDC5117I File exists.");
        }
    }

    /** Collects an upload in memory for a data set (records are written in one atomic step at the end). */
    private static final class ByteArrayOutputStreamSink extends SimpleChannelInboundHandler<ByteBuf> {
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<Boolean> finished = new CompletableFuture<>();

        @Override
        protected void channelRead0(ChannelHandlerContext dataCtx, ByteBuf chunk) {
            byte[] bytes = new byte[chunk.readableBytes()];
            chunk.readBytes(bytes);
            synchronized (buffer) {
                buffer.writeBytes(bytes);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext dataCtx) {
            finished.complete(true);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext dataCtx, Throwable cause) {
            Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                    ? cause.getCause() : cause;
            if (!(root instanceof javax.net.ssl.SSLException && String.valueOf(root.getMessage()).contains("close_notify"))) {
                finished.complete(false);
            }
            dataCtx.close();
        }

        byte[] awaitContent(long seconds) throws InterruptedException {
            try {
                if (!finished.get(seconds, TimeUnit.SECONDS)) {
                    return null;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return null;
            }
            synchronized (buffer) {
                return buffer.toByteArray();
            }
        }
    }

    private void closePassive() {
        if (passive != null) {
            passive.close();
            passive = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closePassive();
        context.activity().write("EZYFS52I", sessionId, "CONN ends Input=" + bytesIn + " bytes Output=" + bytesOut + " bytes");
    }

    /** INACTIVE: a control connection idle for that long is told so and closed (banner line 2 announces it). */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof io.netty.handler.timeout.IdleStateEvent) {
            ctx.writeAndFlush("421 Timeout: the control connection was idle too long.\r\n").addListener(f -> ctx.close());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static void reply(ChannelHandlerContext ctx, String text) {
        ctx.writeAndFlush(text + "\r\n");
    }
}
