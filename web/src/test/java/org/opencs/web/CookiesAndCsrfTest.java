package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CookiesAndCsrfTest {
    @Test
    void sessionCookieHasEveryFlag() {
        assertThat(SessionCookies.set(SessionCookies.SESSION, "abc"))
                .startsWith("OCSSESSION=abc").contains("; Secure").contains("; HTTPOnly").contains("; SameSite=Strict")
                .contains("; Path=/").doesNotContain("Max-Age");
        assertThat(SessionCookies.clear(SessionCookies.SESSION)).startsWith("OCSSESSION=;").contains("Max-Age=0")
                .contains("; Secure");
    }

    @Test
    void readsTheCookieAmongOthers() {
        var request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        request.headers().add(HttpHeaderNames.COOKIE, "a=1; OCSSESSION=tok_-en; b=2");
        assertThat(SessionCookies.value(request, SessionCookies.SESSION)).isEqualTo("tok_-en");
        assertThat(SessionCookies.value(request, SessionCookies.LOGIN)).isNull();
    }

    @Test
    void csrfNeedsTheTokenOnStateChanges() {
        assertThat(Csrf.changesState(HttpMethod.POST)).isTrue();
        assertThat(Csrf.changesState(HttpMethod.DELETE)).isTrue();
        assertThat(Csrf.changesState(HttpMethod.PUT)).isTrue();
        assertThat(Csrf.changesState(HttpMethod.GET)).isFalse();
        assertThat(Csrf.carries("t1", null, Map.of("csrf", List.of("t1")))).isTrue();
        assertThat(Csrf.carries("t1", "t1", Map.of())).isTrue();
        assertThat(Csrf.carries("t1", null, Map.of())).isFalse();
        assertThat(Csrf.carries("t1", "t2", Map.of("csrf", List.of("t1")))).isFalse();
        assertThat(Csrf.carries("t1", null, Map.of("csrf", List.of("t1", "t1")))).isFalse();
        assertThat(Csrf.carries(null, null, Map.of("csrf", List.of("")))).isFalse();
    }

    @Test
    void tokensAreLongAndDistinct() {
        Tokens tokens = new Tokens(new SecureRandom());
        String a = tokens.next();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.next()).isNotEqualTo(a);
        assertThat(Tokens.wellFormed(a)).isTrue();
        assertThat(Tokens.wellFormed(a.substring(1))).isFalse();
        assertThat(Tokens.wellFormed(a.substring(1) + ";")).isFalse();
    }

    /** Any token but the session's own is refused. */
    @Property
    void onlyTheSessionsTokenPasses(@ForAll String expected, @ForAll String given) {
        assertThat(Csrf.carries(expected, given, Map.of())).isEqualTo(expected.equals(given));
        assertThat(Csrf.carries(expected, null, Map.of("csrf", List.of(given)))).isEqualTo(expected.equals(given));
    }
}
