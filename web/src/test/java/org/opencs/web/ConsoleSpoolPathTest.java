package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The parser of the spool paths ({@code /api/jobs/{jobId}/spool} and {@code .../spool/{n}}): a reference or none. */
class ConsoleSpoolPathTest {
    @Test
    void takesTheJobAndTheFileNumber() {
        assertThat(ConsoleSpool.parse("/api/jobs/JOB00042/spool"))
                .contains(new ConsoleSpool.Ref("JOB00042", Optional.empty()));
        assertThat(ConsoleSpool.parse("/api/jobs/JOB00042/spool/4"))
                .contains(new ConsoleSpool.Ref("JOB00042", Optional.of(4)));
        assertThat(ConsoleSpool.parse("/api/jobs/JOB00042/spool/")).isEmpty();
        assertThat(ConsoleSpool.parse("/api/jobs/JOB00042/spool/-1")).isEmpty();
        assertThat(ConsoleSpool.parse("/api/jobs/JOB00042/spool/1234567890")).isEmpty();
        assertThat(ConsoleSpool.parse("/api/jobs/JOB00042/spool/1/2")).isEmpty();
        assertThat(ConsoleSpool.parse("/api/jobs//spool")).isEmpty();
        assertThat(ConsoleSpool.parse("/api/jobs/JOB00042/cancel")).isEmpty();
        assertThat(ConsoleSpool.parse("/api/jobs/JOB00042")).isEmpty();
        assertThat(ConsoleSpool.parse("/api/users/JOB00042/spool")).isEmpty();
    }

    @Property
    void anyPathGivesAReferenceThatRebuildsItOrNothing(@ForAll String path) {
        ConsoleSpool.parse(path).ifPresent(ref -> {
            assertThat(ref.jobId()).isNotEmpty().doesNotContain("/");
            String head = "/api/jobs/" + ref.jobId() + "/spool";
            assertThat(path).startsWith(head);
            String rest = path.substring(head.length());
            if (ref.file().isEmpty()) {
                assertThat(rest).isEmpty();
            } else {
                assertThat(rest).matches("/[0-9]{1,9}");
                assertThat(Integer.parseInt(rest.substring(1))).isEqualTo(ref.file().get());
            }
        });
    }

    @Property
    void anyJobAndFileNumberComeBack(@ForAll String jobId, @ForAll @IntRange(min = 0, max = 999_999_999) int n) {
        Optional<ConsoleSpool.Ref> ref = ConsoleSpool.parse("/api/jobs/" + jobId + "/spool/" + n);
        assertThat(ref).isEqualTo(jobId.isEmpty() || jobId.contains("/") ? Optional.empty()
                : Optional.of(new ConsoleSpool.Ref(jobId, Optional.of(n))));
    }
}
