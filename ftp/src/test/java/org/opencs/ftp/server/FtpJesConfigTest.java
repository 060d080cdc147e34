package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opencs.core.ZosException;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.config.JesOptions;

/**
 * FTP.DATA's JES interface statements with IBM's defaults and ranges (IP Configuration Reference: JESINTERFACELEVEL 1
 * or 2, default 1; JESENTRYLIMIT default 200; JESGETBYDSN TRUE|FALSE, default FALSE; JESPUTGETTO seconds, default 600),
 * and SITE's JES keywords refused as not configured when the server has no JES.
 */
class FtpJesConfigTest {
    @Test
    void defaultsAndValues() {
        var none = FtpDataParser.parse("INACTIVE 0", "FTP.DATA");
        assertThat(none.config().jes()).isEqualTo(JesOptions.DEFAULTS).isEqualTo(new JesOptions(1, 200, false, 600));
        var set = FtpDataParser.parse("JESINTERFACELEVEL 2\nJESENTRYLIMIT 10\nJESGETBYDSN TRUE\nJESPUTGETTO 30\nJESLRECL 80",
                "FTP.DATA");
        assertThat(set.config().jes()).isEqualTo(new JesOptions(2, 10, true, 30));
        assertThat(set.warnings()).containsExactly("OCSF012W Statement JESLRECL on line 5 of FTP.DATA is accepted but has "
                + "no effect in OpenCS.");
        assertThatThrownBy(() -> FtpDataParser.parse("JESINTERFACELEVEL 3", "FTP.DATA")).isInstanceOf(ZosException.class)
                .hasMessageContaining("line 1 near column 19: JESINTERFACELEVEL must be a number from 1 to 2, not 3");
        assertThatThrownBy(() -> FtpDataParser.parse("\nJESENTRYLIMIT 0", "FTP.DATA"))
                .hasMessageContaining("line 2").hasMessageContaining("from 1 to 1024");
    }

    @Test
    void siteKnowsTheJesKeywordsOnlyWithJes() {
        assertThat(SiteParser.parse("FILE=JES JESO=* JESST=ACTIVE NOJESGETBYDSN JESPUTGETTO=5 JESENTRYL=7", true))
                .containsExactly(new SiteParameter.FileType("JES"), new SiteParameter.JesOwner("*"),
                        new SiteParameter.JesStatus("ACTIVE"), new SiteParameter.JesGetByDsn(false),
                        new SiteParameter.JesPutGetTo(5), new SiteParameter.JesEntryLimit(7));
        assertThat(SiteParser.parse("JESOWNER=USER2", false)).containsExactly(new SiteParameter.Refused("JESOWNER",
                "504 Command SITE aborted -- FTP server not configured for parameter JESOWNER=USER2."));
        assertThat(SiteParser.parse("JESLRECL=80", true).get(0)).isInstanceOf(SiteParameter.Refused.class);
    }
}
