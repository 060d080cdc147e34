package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencs.saf.MutableClock;

class SessionStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final List<String> ended = new ArrayList<>();
    private final SessionStore store = new SessionStore(clock, new Tokens(new SecureRandom()), Duration.ofMinutes(15),
            (s, why) -> ended.add(s.userid() + " " + why));

    @Test
    void sessionsLiveWhileUsedAndEndAfterIdleTimeout() {
        WebSession s = store.create("USER1", "127.0.0.1");
        assertThat(s.id()).isNotEqualTo(s.csrfToken());
        clock.advanceSeconds(14 * 60);
        assertThat(store.find(s.id())).isPresent();
        clock.advanceSeconds(14 * 60); // 14 minutes after the last use: still alive
        assertThat(store.find(s.id())).get().extracting(WebSession::userid).isEqualTo("USER1");
        clock.advanceSeconds(15 * 60 + 1);
        assertThat(store.find(s.id())).isEmpty();
        assertThat(ended).containsExactly("USER1 IDLE_TIMEOUT");
        assertThat(store.find(s.id())).isEmpty();
        assertThat(ended).hasSize(1);
    }

    @Test
    void logoutEndsOnce() {
        WebSession s = store.create("USER2", "::1");
        assertThat(store.logout(s.id())).isTrue();
        assertThat(store.logout(s.id())).isFalse();
        assertThat(store.find(s.id())).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(ended).containsExactly("USER2 LOGOUT");
    }

    @Test
    void idleSessionsAreSweptWhenOthersLogOn() {
        store.create("USER1", "127.0.0.1");
        clock.advanceSeconds(16 * 60);
        store.create("USER2", "127.0.0.1");
        assertThat(ended).containsExactly("USER1 IDLE_TIMEOUT");
        assertThat(store.list()).extracting(WebSession::userid).containsExactly("USER2");
    }
}
