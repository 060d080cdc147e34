package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.opencs.core.ZosException;

/**
 * An LU pool's choice when names are held on other nodes (docs/tn3270.md "LU names across nodes"): a name held
 * elsewhere is passed over as one in use here is, the next one is tried; a name asked for by name that is held
 * elsewhere is refused; nothing stays reserved when the registry cannot be asked. The other nodes here are a set of
 * names (the pool's only view of them is {@link LuLocks}: taken or not).
 */
class LuPoolPropertiesTest {
    /** Other nodes' sessions: the names in {@code held}; what this process takes is recorded in {@code taken}. */
    private static final class OtherNodes implements LuLocks {
        final Set<String> held = new HashSet<>();
        final List<String> taken = new ArrayList<>();
        int questions;

        OtherNodes(Set<String> held) {
            this.held.addAll(held);
        }

        @Override
        public boolean take(String lu, String session) {
            questions++;
            if (held.contains(lu)) {
                return false;
            }
            held.add(lu);
            taken.add(lu);
            return true;
        }

        @Override
        public void release(String lu) {
            held.remove(lu);
        }
    }

    private static List<String> names(int size) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            names.add(String.format("LUA%05d", i));
        }
        return names;
    }

    /** Until the pool is used up, it gives exactly the names no other node holds, in pool order, each once. */
    @Property
    void aListedPoolGivesTheNamesFreeOnEveryNodeInOrder(@ForAll @IntRange(min = 1, max = 30) int size,
                                                        @ForAll @Size(max = 30) Set<@IntRange(min = 1, max = 30) Integer> elsewhere) {
        List<String> names = names(size);
        Set<String> heldElsewhere = new HashSet<>();
        elsewhere.stream().filter(i -> i <= size).forEach(i -> heldElsewhere.add(names.get(i - 1)));
        OtherNodes others = new OtherNodes(heldElsewhere);
        LuPool pool = new LuPool(List.of("LUA00001..LUA" + String.format("%05d", size)), "TCP");
        List<String> given = new ArrayList<>();
        for (String name = pool.assign(others, "c"); name != null; name = pool.assign(others, "c")) {
            given.add(name);
        }
        assertThat(given).isEqualTo(names.stream().filter(n -> !heldElsewhere.contains(n)).toList());
        assertThat(others.taken).isEqualTo(given);
        heldElsewhere.forEach(n -> assertThat(pool.inUse(n)).as("not reserved here: %s", n).isFalse());
    }

    /** The unlimited pool skips names other nodes hold and never gives one twice. */
    @Property
    void theDefaultPoolSkipsNamesHeldElsewhere(@ForAll @Size(max = 40) Set<@IntRange(min = 1, max = 60) Integer> elsewhere,
                                               @ForAll @IntRange(min = 1, max = 40) int sessions) {
        Set<String> heldElsewhere = new HashSet<>();
        elsewhere.forEach(i -> heldElsewhere.add(String.format("TCP%05d", i)));
        OtherNodes others = new OtherNodes(heldElsewhere);
        LuPool pool = new LuPool(List.of(), "TCP");
        Set<String> given = new HashSet<>();
        for (int i = 0; i < sessions; i++) {
            String name = pool.assign(others, "c");
            assertThat(name).matches("TCP\\d{5}").isNotIn(heldElsewhere);
            assertThat(given.add(name)).as("given once: %s", name).isTrue();
        }
    }

    /** A name asked for that another node holds is refused, and given once that node lets it go. */
    @Test
    void aNameAskedForThatAnotherNodeHoldsIsRefusedUntilReleased() {
        OtherNodes others = new OtherNodes(Set.of("TCP00007"));
        LuPool pool = new LuPool(List.of(), "TCP");
        assertThat(pool.claim("TCP00007", others, "c")).isFalse();
        assertThat(pool.inUse("TCP00007")).as("nothing reserved here").isFalse();
        others.release("TCP00007");
        assertThat(pool.claim("TCP00007", others, "c")).isTrue();
        assertThat(pool.claim("TCP00007", others, "c")).as("in use here now").isFalse();
        assertThat(others.questions).as("a name in use here is refused without asking").isEqualTo(2);
    }

    /** When the registry cannot be asked, the failure reaches the caller and no name stays reserved here. */
    @Test
    void aRegistryFailureReservesNothing() {
        LuLocks down = new LuLocks() {
            @Override
            public boolean take(String lu, String session) {
                throw new ZosException("OCS0022E", "Registry error: Connection refused");
            }

            @Override
            public void release(String lu) {
            }
        };
        LuPool pool = new LuPool(List.of("LUA00001..LUA00002"), "TCP");
        assertThatThrownBy(() -> pool.assign(down, "c")).hasMessageContaining("Connection refused");
        assertThatThrownBy(() -> pool.claim("LUA00002", down, "c")).hasMessageContaining("Connection refused");
        assertThat(pool.inUse("LUA00001")).isFalse();
        assertThat(pool.inUse("LUA00002")).isFalse();
        assertThat(pool.assign(LuLocks.PROCESS, "c")).isEqualTo("LUA00001");
    }
}
