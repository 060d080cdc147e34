package org.opencs.web;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages and API of the web server, as routes: {@code /login} (form and logon), {@code /logout}, the console
 * {@code /} and the terminal {@code /terminal}, the JSON API ({@code /api/whoami}, and the console's
 * {@code /api/certificates}, {@code /api/jobs}, {@code /api/audit}: {@link ConsoleApi}) and the assets. Only /login
 * and the assets are public.
 */
public final class WebApp {
    private final LoginService login;
    private final Tokens tokens;
    private final long idleMinutes;
    private final boolean terminalAvailable;
    private final ConsoleApi console;
    private final ConsoleActions actions;

    public WebApp(LoginService login, Tokens tokens, java.time.Duration idleTimeout) {
        this(login, tokens, idleTimeout, false);
    }

    /** {@code terminalAvailable}: the server has a TN3270E port for the web terminal. */
    public WebApp(LoginService login, Tokens tokens, java.time.Duration idleTimeout, boolean terminalAvailable) {
        this(login, tokens, idleTimeout, terminalAvailable, null);
    }

    /** The same, with the console's API answered by {@code console} (null: the API answers 404). */
    public WebApp(LoginService login, Tokens tokens, java.time.Duration idleTimeout, boolean terminalAvailable,
                  ConsoleApi console) {
        this(login, tokens, idleTimeout, terminalAvailable, console, null);
    }

    /**
     * The same, with the console's actions and sessions view answered by {@code actions} (null: those routes answer
     * 404).
     */
    public WebApp(LoginService login, Tokens tokens, java.time.Duration idleTimeout, boolean terminalAvailable,
                  ConsoleApi console, ConsoleActions actions) {
        this.console = console;
        this.actions = actions;
        this.terminalAvailable = terminalAvailable;
        this.login = login;
        this.tokens = tokens;
        this.idleMinutes = idleTimeout.toMinutes();
    }

    /** The route table. */
    public Router router() {
        return new Router(List.of(
                new Route(HttpMethod.GET, "/login", Route.Access.PUBLIC, this::loginForm),
                new Route(HttpMethod.POST, "/login", Route.Access.PUBLIC, this::logon),
                new Route(HttpMethod.POST, "/login/certificate", Route.Access.PUBLIC, this::logonWithCertificate),
                new Route(HttpMethod.POST, "/logout", Route.Access.SESSION, this::logout),
                new Route(HttpMethod.GET, "/", Route.Access.SESSION, this::console),
                new Route(HttpMethod.GET, "/terminal", Route.Access.SESSION, this::terminal),
                new Route(HttpMethod.GET, "/api/whoami", Route.Access.SESSION, this::whoami),
                new Route(HttpMethod.GET, "/api/certificates", Route.Access.SESSION,
                        e -> withUser(e, user -> Responses.json(console.certificates(user)))),
                new Route(HttpMethod.GET, "/api/jobs", Route.Access.SESSION,
                        e -> withUser(e, user -> Responses.json(console.jobs(user)))),
                new Route(HttpMethod.GET, "/api/audit", Route.Access.SESSION, this::audit),
                new Route(HttpMethod.GET, "/api/jobs/", Route.Access.SESSION, this::spool),
                new Route(HttpMethod.GET, "/api/sessions", Route.Access.SESSION,
                        e -> withActions(e, user -> Responses.json(actions.sessions(user)))),
                new Route(HttpMethod.POST, "/api/jobs/", Route.Access.SESSION, e -> action(e, "/api/jobs/", "/cancel",
                        (user, id) -> actions.cancelJob(user, id, e.client()))),
                new Route(HttpMethod.POST, "/api/users/", Route.Access.SESSION, e -> action(e, "/api/users/",
                        "/revoke", (user, id) -> actions.revokeUser(user, id, e.client()))),
                new Route(HttpMethod.POST, "/api/sessions/", Route.Access.SESSION, e -> action(e, "/api/sessions/",
                        "/end", (user, id) -> actions.endSession(user, id, e.client()))),
                new Route(HttpMethod.GET, Assets.PREFIX, Route.Access.PUBLIC, e -> Assets.serve(
                        new io.netty.handler.codec.http.QueryStringDecoder(e.request().uri()).path()))));
    }

    /** The sessions (for the server's close and the tests). */
    public LoginService login() {
        return login;
    }

    private FullHttpResponse loginForm(Exchange exchange) {
        if (exchange.session() != null) {
            return Responses.seeOther("/");
        }
        String revoked = new io.netty.handler.codec.http.QueryStringDecoder(exchange.request().uri()).parameters()
                .getOrDefault("revoked", List.of("")).get(0);
        // only a well-formed user ID is shown (the text is escaped anyway): the session ended as its user is revoked
        String message = revoked.matches("[A-Z@#$][A-Z0-9@#$]{0,7}") ? LoginService.revokedMessage(revoked) : "";
        return loginPage(exchange, HttpResponseStatus.OK, message, "");
    }

    /**
     * The login form with its token, in the form and in the OCSLOGIN cookie (double submit: a login posted from
     * another site fails). The browser's token is kept while it has one: a second fetch of /login (a redirected
     * favicon request, another tab) must not invalidate the form already shown.
     */
    private FullHttpResponse loginPage(Exchange exchange, HttpResponseStatus status, String message, String userid) {
        String held = SessionCookies.value(exchange.request(), SessionCookies.LOGIN);
        String token = held != null && Tokens.wellFormed(held) ? held : tokens.next();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("csrf", token);
        values.put("message", message);
        values.put("userid", userid);
        var certificate = exchange.certificate();
        values.put("certificateClass", certificate == null ? "hidden" : "certificate");
        values.put("certificate", certificate == null ? "" : certificate.getSubjectX500Principal().getName());
        FullHttpResponse response = Responses.html(status, Pages.render("login", values));
        response.headers().add(HttpHeaderNames.SET_COOKIE, SessionCookies.set(SessionCookies.LOGIN, token));
        return response;
    }

    private FullHttpResponse logon(Exchange exchange) {
        String cookie = SessionCookies.value(exchange.request(), SessionCookies.LOGIN);
        if (!Csrf.carries(cookie, exchange.request().headers().get(Csrf.HEADER), exchange.form())) {
            return forbidden();
        }
        String userid = exchange.field("userid");
        String password = exchange.field("password");
        String newPassword = exchange.field("newpassword");
        LoginService.Outcome outcome = login.logon(userid, password == null ? new char[0] : password.toCharArray(),
                newPassword == null ? new char[0] : newPassword.toCharArray(), exchange.client());
        if (outcome instanceof LoginService.Outcome.Refused refused) {
            return loginPage(exchange, HttpResponseStatus.UNAUTHORIZED, refused.message(), userid == null ? "" : userid.trim());
        }
        return loggedOn(exchange, ((LoginService.Outcome.LoggedOn) outcome).session());
    }

    private FullHttpResponse logonWithCertificate(Exchange exchange) {
        String cookie = SessionCookies.value(exchange.request(), SessionCookies.LOGIN);
        if (!Csrf.carries(cookie, exchange.request().headers().get(Csrf.HEADER), exchange.form())) {
            return forbidden();
        }
        LoginService.Outcome outcome = login.logonWithCertificate(exchange.certificate(), exchange.client());
        if (outcome instanceof LoginService.Outcome.Refused refused) {
            return loginPage(exchange, HttpResponseStatus.UNAUTHORIZED, refused.message(), "");
        }
        return loggedOn(exchange, ((LoginService.Outcome.LoggedOn) outcome).session());
    }

    /** The answer to a logon that passed: the session cookie, the login cookie removed, on to the console. */
    private FullHttpResponse loggedOn(Exchange exchange, WebSession session) {
        if (exchange.session() != null) {
            login.logout(exchange.session().id()); // a new logon ends the browser's earlier session
        }
        FullHttpResponse response = Responses.seeOther("/");
        response.headers().add(HttpHeaderNames.SET_COOKIE, SessionCookies.set(SessionCookies.SESSION, session.id()));
        response.headers().add(HttpHeaderNames.SET_COOKIE, SessionCookies.clear(SessionCookies.LOGIN));
        return response;
    }

    private FullHttpResponse logout(Exchange exchange) {
        login.logout(exchange.session().id());
        FullHttpResponse response = Responses.seeOther("/login");
        response.headers().add(HttpHeaderNames.SET_COOKIE, SessionCookies.clear(SessionCookies.SESSION));
        return response;
    }

    private FullHttpResponse console(Exchange exchange) {
        return Responses.html(HttpResponseStatus.OK, Pages.render("console", sessionValues(exchange.session())));
    }

    private FullHttpResponse terminal(Exchange exchange) {
        Map<String, String> values = sessionValues(exchange.session());
        String notice = terminalAvailable ? "Connecting to the host..."
                : "OCSW038E No TN3270E port is available to this web server: the terminal cannot connect.";
        int model = TerminalModel.DEFAULT;
        boolean available = terminalAvailable;
        try {
            model = TerminalModel.parse(new io.netty.handler.codec.http.QueryStringDecoder(exchange.request().uri())
                    .parameters().get("model"));
        } catch (org.opencs.core.ZosException e) {
            notice = e.getMessage();
            available = false;
        }
        values.put("notice", notice);
        values.put("available", available ? "yes" : "no");
        values.put("model", String.valueOf(model));
        return Responses.html(HttpResponseStatus.OK, Pages.render("terminal", values));
    }

    private FullHttpResponse whoami(Exchange exchange) {
        WebSession s = exchange.session();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userid", s.userid());
        body.put("client", s.client());
        body.put("loggedOn", s.created().toString());
        body.put("lastUsed", s.lastUsed().toString());
        body.put("idleTimeoutMinutes", idleMinutes);
        return Responses.json(body);
    }

    private FullHttpResponse audit(Exchange exchange) {
        return withUser(exchange, user -> {
            AuditQuery query;
            try {
                query = AuditQuery.parse(new io.netty.handler.codec.http.QueryStringDecoder(exchange.request().uri())
                        .parameters());
            } catch (org.opencs.core.ZosException e) {
                return Responses.json(HttpResponseStatus.BAD_REQUEST, Map.of("message", e.getMessage()));
            }
            return Responses.json(console.audit(user, query));
        });
    }

    /** {@code GET /api/jobs/{jobId}/spool[/{n}]}: a job's spool files or one file's text ({@link ConsoleSpool}). */
    private FullHttpResponse spool(Exchange exchange) {
        String path = new io.netty.handler.codec.http.QueryStringDecoder(exchange.request().uri()).path();
        java.util.Optional<ConsoleSpool.Ref> ref = ConsoleSpool.parse(path);
        if (ref.isEmpty()) {
            return Responses.text(HttpResponseStatus.NOT_FOUND, "OCSW012E " + path + " is not a page of this server.\n");
        }
        return withUser(exchange, user -> {
            ConsoleSpool.Answer answer = console.spool().answer(user, ref.get());
            return Responses.json(answer.status(), answer.body());
        });
    }

    /**
     * Answers with the session's registry user: 404 when this server has no console API, 403 (OCSW042E) when the
     * user is no longer defined.
     */
    private FullHttpResponse withUser(Exchange exchange,
                                      java.util.function.Function<org.opencs.saf.users.User, FullHttpResponse> answer) {
        if (console == null) {
            return Responses.text(HttpResponseStatus.NOT_FOUND, "Not found\n");
        }
        return console.user(exchange.session().userid()).map(answer).orElseGet(() -> Responses.json(
                HttpResponseStatus.FORBIDDEN, Map.of("message", "OCSW042E User " + exchange.session().userid()
                        + " is no longer defined to RACF.")));
    }

    /** Answers with the session's user when this server has the console's actions (404 otherwise). */
    private FullHttpResponse withActions(Exchange exchange,
                                         java.util.function.Function<org.opencs.saf.users.User, FullHttpResponse> answer) {
        if (actions == null) {
            return Responses.text(HttpResponseStatus.NOT_FOUND, "Not found\n");
        }
        return withUser(exchange, answer);
    }

    /**
     * A console action on {@code prefix}{id}{@code suffix} (the CSRF token was checked before the route ran): another
     * path under {@code prefix} is 404 OCSW012E.
     */
    private FullHttpResponse action(Exchange exchange, String prefix, String suffix,
                                    java.util.function.BiFunction<org.opencs.saf.users.User, String,
                                            ConsoleActions.Result> act) {
        String path = new io.netty.handler.codec.http.QueryStringDecoder(exchange.request().uri()).path();
        java.util.Optional<String> id = actionId(path, prefix, suffix);
        if (id.isEmpty()) {
            return Responses.text(HttpResponseStatus.NOT_FOUND, "OCSW012E " + path + " is not a page of this server.\n");
        }
        return withActions(exchange, user -> {
            ConsoleActions.Result result = act.apply(user, id.get());
            return Responses.json(result.status(), result.body());
        });
    }

    /**
     * The {id} of an action path {@code prefix}{id}{@code suffix} ("/api/jobs/" "JOB00042" "/cancel"): one non-empty
     * path segment; empty for any other path.
     */
    static java.util.Optional<String> actionId(String path, String prefix, String suffix) {
        if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.length() <= prefix.length() + suffix.length()) {
            return java.util.Optional.empty();
        }
        String id = path.substring(prefix.length(), path.length() - suffix.length());
        return id.contains("/") ? java.util.Optional.empty() : java.util.Optional.of(id);
    }

    private static Map<String, String> sessionValues(WebSession session) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("userid", session.userid());
        values.put("client", session.client());
        values.put("csrf", session.csrfToken());
        return values;
    }

    /** 403: a state-changing request without its CSRF token. */
    static FullHttpResponse forbidden() {
        return Responses.text(HttpResponseStatus.FORBIDDEN,
                "OCSW010E The request was refused: it does not carry this session's CSRF token. Reload the page.\n");
    }
}
