package org.opencs.pki.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencs.core.ZosException;

/** system.conf proxy.protocol.from: addresses and CIDR ranges, checked without asking a resolver. */
class TrustedBalancersTest {
    private static InetSocketAddress at(String address) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(address), 40000);
    }

    @Test
    void absentOrBlankIsOff() throws Exception {
        assertThat(TrustedBalancers.parse(null).enabled()).isFalse();
        assertThat(TrustedBalancers.parse("  ").enabled()).isFalse();
        assertThat(TrustedBalancers.none().trusts(at("127.0.0.1"))).isFalse();
        assertThat(TrustedBalancers.none()).hasToString("(none)");
    }

    @Test
    void addressesAndRangesOfBothFamilies() throws Exception {
        TrustedBalancers trusted = TrustedBalancers.parse(" 10.0.0.5, 192.168.1.0/24 ,2001:db8::/32");
        assertThat(trusted.enabled()).isTrue();
        assertThat(trusted.ranges()).containsExactly("10.0.0.5/32", "192.168.1.0/24", "2001:db8:0:0:0:0:0:0/32");
        assertThat(trusted.trusts(at("10.0.0.5"))).isTrue();
        assertThat(trusted.trusts(at("10.0.0.6"))).isFalse();
        assertThat(trusted.trusts(at("192.168.1.200"))).isTrue();
        assertThat(trusted.trusts(at("192.168.2.1"))).isFalse();
        assertThat(trusted.trusts(at("2001:db8:ffff::1"))).isTrue();
        assertThat(trusted.trusts(at("2001:db9::1"))).isFalse();
        assertThat(trusted.trusts(null)).isFalse();
    }

    @Test
    void anythingElseIsOcs0006eNamingTheEntry() {
        for (String bad : new String[] {"haproxy.example.com", "10.0.0.1/33", "10.0.0/8", "10.0.0.1/x",
                "2001:db8::/129", "10.0.0.1/-1", "10.0.0.1, 300.1.1.1"}) {
            assertThatThrownBy(() -> TrustedBalancers.parse(bad)).as(bad).isInstanceOf(ZosException.class)
                    .hasMessageContaining("OCS0006E").hasMessageContaining("system.conf: proxy.protocol.from entry '")
                    .hasMessageContaining("is not an IP address or CIDR range");
        }
    }

    @Property
    void anAddressIsTrustedExactlyWhenItsPrefixMatches(@ForAll @IntRange(min = 0, max = 255) int a,
                                                       @ForAll @IntRange(min = 0, max = 255) int b,
                                                       @ForAll @IntRange(min = 0, max = 255) int c,
                                                       @ForAll @IntRange(min = 0, max = 32) int prefix,
                                                       @ForAll int peer) throws Exception {
        TrustedBalancers trusted = TrustedBalancers.parse("10." + a + "." + b + "." + c + "/" + prefix);
        int network = (10 << 24) | (a << 16) | (b << 8) | c;
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        byte[] bytes = java.nio.ByteBuffer.allocate(4).putInt(peer).array();
        boolean expected = (peer & mask) == (network & mask);
        assertThat(trusted.trusts(new InetSocketAddress(InetAddress.getByAddress(bytes), 1))).isEqualTo(expected);
    }
}
