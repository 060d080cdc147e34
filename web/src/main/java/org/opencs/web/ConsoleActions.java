package org.opencs.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencs.core.sessions.LiveSessionView;
import org.opencs.core.sessions.LiveSessions;
import org.opencs.jes.Jes;
import org.opencs.jes.JesException;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;
import org.opencs.saf.users.UserStore;

/**
 * The console's actions (docs/web.md "Console"), each a CSRF-protected POST checked here and audited with the web
 * user and the browser's address: cancel a job through JES's CANCEL (as TSO CANCEL and FTP DELE do: the owner, the
 * submitter, a SPECIAL user or one with ALTER to its JESSPOOL profile may), revoke a user as ALTUSER REVOKE does
 * (SPECIAL only; the last active SPECIAL user is never revoked), and end a session, web, FTP or TN3270 (one's own,
 * or any for a SPECIAL user). The sessions view lists this server's web sessions and the node's FTP and TN3270
 * sessions ({@link LiveSessions}; own; SPECIAL: all). Blocking (JES, registry).
 */
public final class ConsoleActions {
    /** An action's answer: the HTTP status and the JSON body ({@code message}: an OCSW text, and what changed). */
    public record Result(HttpResponseStatus status, Map<String, Object> body) {
        static Result of(HttpResponseStatus status, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", message);
            return new Result(status, body);
        }
    }

    /** How long {@link #endSession} waits for an FTP or TN3270 session to act on the request (OCSW061E after). */
    static final java.time.Duration END_WAIT = java.time.Duration.ofSeconds(10);

    private final Registry registry;
    private final Jes jes;
    private final SessionStore sessions;
    private final LiveSessions live;

    /** Actions on {@code registry}'s users, {@code jes}'s jobs (null: no JES) and this server's {@code sessions}. */
    public ConsoleActions(Registry registry, Jes jes, SessionStore sessions) {
        this(registry, jes, sessions, new LiveSessions(registry.clock()));
    }

    /** The same, with the node's FTP and TN3270 sessions from {@code live}. */
    public ConsoleActions(Registry registry, Jes jes, SessionStore sessions, LiveSessions live) {
        this.registry = registry;
        this.jes = jes;
        this.sessions = sessions;
        this.live = live;
    }

    /**
     * Cancels job {@code jobId} for {@code user} (JES's CANCEL, no purge: a waiting job goes to OUTPUT as CANCELED, a
     * running one abends S222). 404 OCSW051E no such job, 403 OCSW050E not the user's and no READ (to see it) or ALTER
     * (to cancel it) to its JESSPOOL profile (an ACCESS_DENIED record, as JES writes), 409 OCSW052E already ended,
     * 200 OCSW053I canceled; audited as WEB_JOB_CANCEL. Without JES: 404 OCSW041I.
     */
    public Result cancelJob(User user, String jobId, String client) {
        if (jes == null) {
            return Result.of(HttpResponseStatus.NOT_FOUND, "OCSW041I JES is not running in this server: no jobs to show.");
        }
        if (jobId == null || !jobId.matches("[A-Za-z0-9]{1,8}")) {
            return Result.of(HttpResponseStatus.NOT_FOUND, "OCSW051E That is not a job ID: give one as JOB00042.");
        }
        JobSummary job;
        try {
            job = jes.job(user, jobId).orElse(null);
            if (job == null) {
                return Result.of(HttpResponseStatus.NOT_FOUND, "OCSW051E Job " + jobId + " was not found.");
            }
            if (job.status() == JobStatus.OUTPUT) {
                return Result.of(HttpResponseStatus.CONFLICT, "OCSW052E Job " + job.jobName() + "(" + job.jobId()
                        + ") has already ended (" + (job.completion() == null ? "" : job.completion().text())
                        + "): there is nothing to cancel.");
            }
            jes.cancel(user, job.jobId(), false);
        } catch (JesException e) {
            if (e.reason() == JesException.Reason.NOT_AUTHORIZED) {
                return Result.of(HttpResponseStatus.FORBIDDEN, "OCSW050E You may not cancel job " + jobId
                        + ": it is not yours and you have no ALTER access to its JESSPOOL profile ("
                        + e.getMessage() + ").");
            }
            return Result.of(HttpResponseStatus.NOT_FOUND, "OCSW051E Job " + jobId + " was not found.");
        }
        audit("WEB_JOB_CANCEL", user, client, Map.of("jobId", job.jobId(), "jobName", job.jobName(),
                "owner", job.owner()));
        Result result = Result.of(HttpResponseStatus.OK, "OCSW053I Job " + job.jobName() + "(" + job.jobId()
                + ") canceled.");
        result.body().put("jobId", job.jobId());
        return result;
    }

    /**
     * Revokes {@code target} for {@code user}, as ALTUSER target REVOKE: 403 OCSW054E unless SPECIAL, 404 OCSW055E no
     * such user, 409 OCSW056E the last active SPECIAL user, 200 OCSW057I revoked; audited as WEB_USER_REVOKE.
     */
    public Result revokeUser(User user, String target, String client) {
        if (!user.special()) {
            return Result.of(HttpResponseStatus.FORBIDDEN, "OCSW054E You may not revoke users: that needs the "
                    + "SPECIAL attribute.");
        }
        String userid = target == null ? "" : target.trim().toUpperCase(java.util.Locale.ROOT);
        Optional<User> found = User.validUserid(userid) ? registry.users().find(userid) : Optional.empty();
        if (found.isEmpty()) {
            return Result.of(HttpResponseStatus.NOT_FOUND, "OCSW055E User " + target + " is not defined to RACF.");
        }
        if (registry.users().updateKeepingSpecial(found.get().withRevoked(true)) == UserStore.Guarded.LAST_SPECIAL) {
            return Result.of(HttpResponseStatus.CONFLICT, "OCSW056E User " + userid + " is the last active SPECIAL "
                    + "user: REVOKE not done. Give another user SPECIAL first.");
        }
        audit("WEB_USER_REVOKE", user, client, Map.of("target", userid));
        Result result = Result.of(HttpResponseStatus.OK, "OCSW057I User " + userid + " revoked: the next logon is "
                + "refused until ALTUSER " + userid + " RESUME.");
        result.body().put("userid", userid);
        return result;
    }

    /**
     * Ends the session with handle {@code handle} for {@code user}: their own, or any for a SPECIAL user (403
     * OCSW058E otherwise); 404 OCSW059E no such live session; 200 OCSW060I ended; audited as WEB_SESSION_END with its
     * {@code kind}. An FTP or TN3270 session checks the requester again against the user it is logged on as when it
     * acts (OCSW058E if that changed; 504 OCSW061E if it does not answer within {@link #END_WAIT}). A web session's WEB_LOGOFF has reason ENDED_BY_ADMIN; an FTP session's client hears 421 OCSF040I,
     * a TN3270 connection is closed (OCST095I, CONN DROP CONNDROP).
     */
    public Result endSession(User user, String handle, String client) {
        Optional<WebSession> session = sessions.list().stream().filter(s -> s.handle().equals(handle)).findFirst();
        if (session.isEmpty()) {
            return endLiveSession(user, handle, client);
        }
        if (!user.special() && !session.get().userid().equals(user.userid())) {
            return Result.of(HttpResponseStatus.FORBIDDEN, "OCSW058E You may not end another user's session: that "
                    + "needs the SPECIAL attribute.");
        }
        if (sessions.endByHandle(handle, SessionStore.End.ENDED_BY_ADMIN).isEmpty()) {
            return Result.of(HttpResponseStatus.NOT_FOUND, "OCSW059E No live web session " + handle + ".");
        }
        audit("WEB_SESSION_END", user, client, Map.of("kind", "WEB", "session", handle, "target",
                session.get().userid(), "targetClient", session.get().client()));
        return Result.of(HttpResponseStatus.OK, "OCSW060I The web session of " + session.get().userid() + " from "
                + session.get().client() + " was ended.");
    }

    /** Ends the node's FTP or TN3270 session {@code handle} (see {@link #endSession}). */
    private Result endLiveSession(User user, String handle, String client) {
        Optional<LiveSessionView> found = live.find(handle);
        if (found.isEmpty()) {
            return Result.of(HttpResponseStatus.NOT_FOUND, "OCSW059E No live session " + handle + ".");
        }
        LiveSessionView target = found.get();
        if (!user.special() && !(target.userid().equals(user.userid()))) {
            return Result.of(HttpResponseStatus.FORBIDDEN, "OCSW058E You may not end another user's session: that "
                    + "needs the SPECIAL attribute.");
        }
        // Checked again by the session itself when it acts: a queued FTP USER/PASS may log it on as someone else
        // between this look and the end.
        org.opencs.core.sessions.EndRequest request = org.opencs.core.sessions.EndRequest.by(user.userid(),
                user.special(), "by " + user.userid() + " from the console");
        if (live.end(handle, request).isEmpty()) {
            return Result.of(HttpResponseStatus.NOT_FOUND, "OCSW059E No live session " + handle + ".");
        }
        boolean ended;
        try {
            ended = request.outcome().get(END_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.of(HttpResponseStatus.GATEWAY_TIMEOUT, "OCSW061E The session " + handle
                    + " did not answer the request to end it.");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Result.of(HttpResponseStatus.GATEWAY_TIMEOUT, "OCSW061E The session " + handle
                    + " did not answer the request to end it within " + END_WAIT.toSeconds() + " seconds.");
        }
        if (!ended) {
            return Result.of(HttpResponseStatus.FORBIDDEN, "OCSW058E You may not end another user's session: that "
                    + "needs the SPECIAL attribute.");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", target.kind().name());
        fields.put("session", handle);
        fields.put("target", target.userid());
        fields.put("targetClient", target.client());
        if (!target.lu().isEmpty()) {
            fields.put("lu", target.lu());
        }
        audit("WEB_SESSION_END", user, client, fields);
        return Result.of(HttpResponseStatus.OK, "OCSW060I The " + target.kind().name() + " session of "
                + (target.userid().isEmpty() ? "(not logged on)" : target.userid()) + " from " + target.client()
                + (target.lu().isEmpty() ? "" : " on LU " + target.lu()) + " was ended.");
    }

    /**
     * {@code GET /api/sessions}: this server's live web sessions and the node's FTP and TN3270 sessions {@code user}
     * may see (own: those whose user ID is theirs; SPECIAL: all, those not yet logged on too), oldest logon first
     * (then by user ID and handle).
     */
    public ConsoleViews.Sessions sessions(User user) {
        java.util.stream.Stream<ConsoleViews.Session> web = sessions.list().stream()
                .filter(s -> user.special() || s.userid().equals(user.userid()))
                .map(s -> new ConsoleViews.Session("WEB", s.handle(), s.userid(), s.client(), s.created().toString(),
                        s.lastUsed().toString(), s.certificateSubject(), "", "", null, null, ""));
        java.util.stream.Stream<ConsoleViews.Session> others = live.list().stream()
                .filter(s -> user.special() || s.userid().equals(user.userid()))
                .map(s -> new ConsoleViews.Session(s.kind().name(), s.handle(), s.userid(), s.client(),
                        s.started().toString(), "", s.certificateSubject(), s.tlsProtocol(), s.cipher(), s.bytesIn(),
                        s.bytesOut(), s.lu()));
        List<ConsoleViews.Session> list = java.util.stream.Stream.concat(web, others)
                .sorted(java.util.Comparator.comparing((ConsoleViews.Session s) -> java.time.Instant.parse(s.loggedOn()))
                        .thenComparing(ConsoleViews.Session::userid).thenComparing(ConsoleViews.Session::handle))
                .toList();
        return new ConsoleViews.Sessions(user.special() ? "ALL" : "OWN", list);
    }

    private void audit(String type, User user, String client, Map<String, Object> more) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", user.userid());
        fields.put("client", client);
        fields.putAll(more);
        registry.audit().record(registry.clock().instant(), type, fields);
    }
}
