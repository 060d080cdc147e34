package org.opencs.saf.store;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** How messages name a registry: its JDBC URL without the password parameter (OCS0041I, OCS0015E). */
class RegistryUrlTest {
    @Test
    void thePasswordParameterIsLeftOut() {
        assertThat(Database.withoutPassword(
                "jdbc:postgresql://db:5432/opencs?user=opencs&password=s3cret&currentSchema=node"))
                .isEqualTo("jdbc:postgresql://db:5432/opencs?user=opencs&currentSchema=node");
        assertThat(Database.withoutPassword("jdbc:postgresql://db/opencs?password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/opencs");
        assertThat(Database.withoutPassword("jdbc:postgresql://db/opencs?user=u&PASSWORD=s3cret"))
                .isEqualTo("jdbc:postgresql://db/opencs?user=u");
        assertThat(Database.withoutPassword("jdbc:h2:file:/h/saf/registry;PASSWORD=x;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/h/saf/registry;AUTO_SERVER=TRUE");
    }

    @Test
    void aUrlWithoutPasswordIsUnchanged() {
        String url = "jdbc:postgresql://db/opencs?user=opencs&currentSchema=a";
        assertThat(Database.withoutPassword(url)).isEqualTo(url);
        assertThat(Database.withoutPassword("jdbc:h2:file:/h/saf/registry;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/h/saf/registry;AUTO_SERVER=TRUE");
    }

    @Property
    void anyPasswordIsLeftOutWhereverItStands(
            @ForAll @StringLength(min = 0, max = 30) @CharRange(from = 'a', to = 'z') @CharRange(from = '0', to = '9')
            @Chars({'!', '%', '*', '=', '?', '#', '/', ':', '@'}) String password,
            @ForAll boolean first, @ForAll boolean last) {
        String before = first ? "?password=" + password + (last ? "" : "&currentSchema=s")
                : "?user=u&password=" + password + (last ? "" : "&currentSchema=s");
        String shown = Database.withoutPassword("jdbc:postgresql://db/opencs" + before);
        String expected = "jdbc:postgresql://db/opencs" + (first ? (last ? "" : "?currentSchema=s")
                : "?user=u" + (last ? "" : "&currentSchema=s"));
        assertThat(shown).isEqualTo(expected).doesNotContainIgnoringCase("password");
    }
}
