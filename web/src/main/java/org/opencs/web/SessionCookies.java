package org.opencs.web;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;

/**
 * The cookies of the web server, through Netty's RFC 6265 codec: the session cookie {@value #SESSION} and the login
 * form's cookie {@value #LOGIN} (a double-submit token against login CSRF), both {@code Secure; HttpOnly;
 * SameSite=Strict; Path=/} and session cookies (no Max-Age: they end with the browser).
 */
public final class SessionCookies {
    public static final String SESSION = "OCSSESSION";
    public static final String LOGIN = "OCSLOGIN";

    private SessionCookies() {
    }

    /** The value of cookie {@code name} in {@code request}'s Cookie headers, or null. */
    public static String value(HttpRequest request, String name) {
        for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie cookie : ServerCookieDecoder.STRICT.decode(header)) {
                if (cookie.name().equals(name)) {
                    return cookie.value();
                }
            }
        }
        return null;
    }

    /** A Set-Cookie value giving cookie {@code name} the value {@code value}. */
    public static String set(String name, String value) {
        return ServerCookieEncoder.STRICT.encode(cookie(name, value));
    }

    /** A Set-Cookie value that removes cookie {@code name} (empty value, Max-Age=0). */
    public static String clear(String name) {
        DefaultCookie cookie = cookie(name, "");
        cookie.setMaxAge(0);
        return ServerCookieEncoder.STRICT.encode(cookie);
    }

    private static DefaultCookie cookie(String name, String value) {
        DefaultCookie cookie = new DefaultCookie(name, value);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
        cookie.setPath("/");
        return cookie;
    }
}
