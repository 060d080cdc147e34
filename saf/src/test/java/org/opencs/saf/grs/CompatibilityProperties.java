package org.opencs.saf.grs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * GRS's compatibility rules (z/OS MVS Planning: Global Resource Serialization, shared and exclusive control): shared
 * with shared is granted, exclusive with anything of another owner is not, an owner never blocks itself; and the
 * data set rules built on them (readers share, a writer is exclusive, a member writer blocks neither readers nor
 * writers of other members).
 */
class CompatibilityProperties {
    private static final EnqOwner ME = new EnqOwner("node-a", "JOB00001");

    @Provide
    Arbitrary<List<EnqHolder>> holders() {
        return holder().list().ofMaxSize(6);
    }

    private static Arbitrary<EnqHolder> holder() {
        return Combinators.combine(Arbitraries.of("SYSDSN", "SPFEDIT"), Arbitraries.of("A.B", "A.C", "X.Y.Z"),
                Arbitraries.of(EnqMode.class), Arbitraries.of("node-a", "node-b"), Arbitraries.of("JOB00001", "FTP2"))
                .as((q, r, m, i, u) -> new EnqHolder("id", q, r, m, new EnqOwner(i, u), "SYS", Instant.EPOCH));
    }

    @Property
    void aRequestIsRefusedExactlyWhenAnotherOwnerHoldsItAndOneOfTheTwoIsExclusive(
            @ForAll("holders") List<EnqHolder> holders, @ForAll EnqMode mode) {
        EnqRequest request = new EnqRequest("SYSDSN", "A.B", mode);
        boolean expected = holders.stream().anyMatch(h -> h.qname().equals("SYSDSN") && h.rname().equals("A.B")
                && !h.owner().equals(ME) && (mode == EnqMode.EXCLUSIVE || h.mode() == EnqMode.EXCLUSIVE));
        assertThat(Compatibility.conflicts(request, ME, holders).isEmpty()).isEqualTo(!expected);
    }

    @Property
    void conflictIsSymmetricBetweenTwoOwners(@ForAll EnqMode first, @ForAll EnqMode second) {
        EnqOwner other = new EnqOwner("node-b", "FTP7");
        boolean oneWay = !Compatibility.conflicts(new EnqRequest("SYSDSN", "A.B", second), other,
                List.of(new EnqHolder("1", "SYSDSN", "A.B", first, ME, "S", Instant.EPOCH))).isEmpty();
        boolean otherWay = !Compatibility.conflicts(new EnqRequest("SYSDSN", "A.B", first), ME,
                List.of(new EnqHolder("2", "SYSDSN", "A.B", second, other, "S", Instant.EPOCH))).isEmpty();
        assertThat(oneWay).isEqualTo(otherWay).isEqualTo(first == EnqMode.EXCLUSIVE || second == EnqMode.EXCLUSIVE);
    }

    @Property
    void anOwnerNeverBlocksItself(@ForAll("holders") List<EnqHolder> holders, @ForAll EnqMode mode) {
        List<EnqHolder> mine = holders.stream().map(h -> new EnqHolder(h.id(), h.qname(), h.rname(), h.mode(), ME,
                h.sysname(), h.obtained())).toList();
        assertThat(Compatibility.conflicts(new EnqRequest("SYSDSN", "A.B", mode), ME, mine)).isEmpty();
    }

    @Provide
    Arbitrary<String> members() {
        return Arbitraries.of("", "MEM1", "MEM2");
    }

    /** Whether two data set accesses (by two owners) may run together under the data set rules. */
    @Property
    void dataSetAccessesConflictAsZosSerializesThem(@ForAll("members") String firstMember, @ForAll boolean firstWrites,
                                                    @ForAll("members") String secondMember,
                                                    @ForAll boolean secondWrites) {
        EnqOwner other = new EnqOwner("node-b", "FTP7");
        List<EnqHolder> held = EnqRequest.dataset("USER1.PDS", firstMember, firstWrites).stream()
                .map(r -> new EnqHolder("h", r.qname(), r.rname(), r.mode(), ME, "S", Instant.EPOCH)).toList();
        boolean refused = EnqRequest.dataset("USER1.PDS", secondMember, secondWrites).stream()
                .anyMatch(r -> !Compatibility.conflicts(r, other, held).isEmpty());
        boolean wholeWrite = (firstWrites && firstMember.isEmpty()) || (secondWrites && secondMember.isEmpty());
        boolean sameMemberWrite = firstWrites && secondWrites && !firstMember.isEmpty()
                && firstMember.equals(secondMember);
        assertThat(refused).isEqualTo(wholeWrite || sameMemberWrite);
    }

    @Property
    void spfeditNamesPadTheDataSetTo44Characters(@ForAll("members") String member) {
        if (member.isEmpty()) {
            return;
        }
        String rname = EnqRequest.spfedit("user1.pds", member, EnqMode.EXCLUSIVE).rname();
        assertThat(rname).hasSize(44 + member.length()).startsWith("USER1.PDS ").endsWith(member);
    }
}
