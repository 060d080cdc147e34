package org.opencs.jes.jcl;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link JclEnvironment} for reader tests: the submitter, a fixed submission time, and procedure library members
 * held in memory (the reader only asks for card images; the data set side is the initiator's tests' business).
 */
final class TestEnvironment implements JclEnvironment {
    static final ZonedDateTime SUBMITTED = ZonedDateTime.of(2024, 3, 7, 9, 5, 4, 0, ZoneId.of("Europe/Paris"));

    private final String submitter;
    private final Map<String, List<String>> members = new HashMap<>();
    private final List<String> systemLibraries;

    TestEnvironment(String submitter, String... systemLibraries) {
        this.submitter = submitter;
        this.systemLibraries = List.of(systemLibraries);
    }

    static TestEnvironment user1() {
        return new TestEnvironment("user1", "SYS1.PROCLIB");
    }

    TestEnvironment member(String dsname, String member, String... cards) {
        members.put(dsname.toUpperCase(Locale.ROOT) + "(" + member.toUpperCase(Locale.ROOT) + ")", List.of(cards));
        return this;
    }

    @Override
    public String submitter() {
        return submitter;
    }

    @Override
    public ZonedDateTime submitted() {
        return SUBMITTED;
    }

    @Override
    public Optional<List<String>> procMember(String dsname, String member) {
        return Optional.ofNullable(members.get(dsname + "(" + member + ")"));
    }

    @Override
    public List<String> systemProcLibraries() {
        return systemLibraries;
    }
}
