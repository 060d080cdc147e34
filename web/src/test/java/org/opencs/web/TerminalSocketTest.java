package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Who may open the terminal's WebSocket: a session, its CSRF token in the query, an Origin that is this server; and
 * the model asked for must be 2 to 5.
 */
class TerminalSocketTest {
    private final WebSession session = new WebSession("id", "USER1", "tokenA", "127.0.0.1", Instant.EPOCH, Instant.EPOCH);

    private static FullHttpRequest upgrade(String query, String origin) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                TerminalSocket.PATH + query);
        request.headers().set("Host", "127.0.0.1:2443");
        if (origin != null) {
            request.headers().set("Origin", origin);
        }
        return request;
    }

    @Test
    void refusesWithoutSessionTokenOrOwnOrigin() {
        assertThat(TerminalSocket.refusal(upgrade("?csrf=tokenA", "https://127.0.0.1:2443"), null)).startsWith("OCSW035E");
        assertThat(TerminalSocket.refusal(upgrade("", "https://127.0.0.1:2443"), session)).startsWith("OCSW010E");
        assertThat(TerminalSocket.refusal(upgrade("?csrf=tokenB", "https://127.0.0.1:2443"), session)).startsWith("OCSW010E");
        assertThat(TerminalSocket.refusal(upgrade("?csrf=tokenA", "https://evil.example"), session)).startsWith("OCSW036E");
        assertThat(TerminalSocket.refusal(upgrade("?csrf=tokenA", null), session)).startsWith("OCSW036E");
        assertThat(TerminalSocket.refusal(upgrade("?csrf=tokenA", "https://127.0.0.1:2443"), session)).isNull();
    }

    @Test
    void aModelOtherThanTwoToFiveIsRefusedWithOcsw039e() {
        String origin = "https://127.0.0.1:2443";
        assertThat(TerminalSocket.refusal(upgrade("?csrf=tokenA&model=4", origin), session)).isNull();
        assertThat(TerminalSocket.refusal(upgrade("?csrf=tokenA&model=5", origin), session)).isNull();
        assertThat(TerminalSocket.refusal(upgrade("?csrf=tokenA&model=9", origin), session))
                .startsWith("OCSW039E The terminal model 9 is not valid");
    }
}
