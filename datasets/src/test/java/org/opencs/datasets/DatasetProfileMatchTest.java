package org.opencs.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasetProfileMatchTest {
    @Test
    void genericProfilesMatchAsRacfDoes() {
        assertThat(DatasetAccess.matches("USER1.**", "USER1")).isTrue();
        assertThat(DatasetAccess.matches("USER1.**", "USER1.CERT.DER.P12")).isTrue();
        assertThat(DatasetAccess.matches("USER1.*", "USER1.CERTREQ")).isTrue();
        assertThat(DatasetAccess.matches("USER1.*", "USER1.CERT.B64")).isFalse();
        assertThat(DatasetAccess.matches("USER1.CERT*.**", "USER1.CERTREQ.ARM")).isTrue();
        assertThat(DatasetAccess.matches("USER1.ABCCA.B64", "USER1.ABCCA.B64")).isTrue();
        assertThat(DatasetAccess.matches("USER1.ABCCA.B64", "USER1.ABCCA.B640")).isFalse();
        assertThat(DatasetAccess.matches("USER2.**", "USER1.X")).isFalse();
    }
}
