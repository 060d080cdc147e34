package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The parser of the console's action paths ({@code /api/jobs/{id}/cancel} and the like): one segment, or none. */
class ConsoleActionPathTest {
    @Test
    void takesTheOneSegmentBetweenPrefixAndSuffix() {
        assertThat(WebApp.actionId("/api/jobs/JOB00042/cancel", "/api/jobs/", "/cancel")).contains("JOB00042");
        assertThat(WebApp.actionId("/api/users/USER2/revoke", "/api/users/", "/revoke")).contains("USER2");
        assertThat(WebApp.actionId("/api/jobs//cancel", "/api/jobs/", "/cancel")).isEmpty();
        assertThat(WebApp.actionId("/api/jobs/cancel", "/api/jobs/", "/cancel")).isEmpty();
        assertThat(WebApp.actionId("/api/jobs/A/B/cancel", "/api/jobs/", "/cancel")).isEmpty();
        assertThat(WebApp.actionId("/api/jobs/JOB00042/purge", "/api/jobs/", "/cancel")).isEmpty();
        assertThat(WebApp.actionId("/api/jobs/JOB00042", "/api/jobs/", "/cancel")).isEmpty();
    }

    @Property
    void anyPathGivesASegmentThatRebuildsItOrNothing(@ForAll String path) {
        WebApp.actionId(path, "/api/jobs/", "/cancel").ifPresent(id -> {
            assertThat(id).isNotEmpty().doesNotContain("/");
            assertThat("/api/jobs/" + id + "/cancel").isEqualTo(path);
        });
    }

    @Property
    void anySegmentWithoutASlashComesBack(@ForAll String id) {
        String path = "/api/sessions/" + id + "/end";
        assertThat(WebApp.actionId(path, "/api/sessions/", "/end"))
                .isEqualTo(id.isEmpty() || id.contains("/") ? java.util.Optional.empty() : java.util.Optional.of(id));
    }
}
