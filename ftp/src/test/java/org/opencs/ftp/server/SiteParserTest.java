package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencs.datasets.RecordFormat;

/** SITE parsing alone: IBM's abbreviations, UMASK's two forms, CHMOD's operands, refusals; and CHMOD's modes. */
class SiteParserTest {
    @Test
    void abbreviationsFollowIbmsCapitalsAndAFullKeywordWins() {
        assertThat(SiteParser.parse("rec=fb lr=80 blk=800 BLOCKS BLOCKSI=3200 listlev=2 quo noquo ispfs datas directorym"))
                .containsExactly(new SiteParameter.Recfm(RecordFormat.FB), new SiteParameter.Lrecl(80),
                        new SiteParameter.Blksize(800), new SiteParameter.SpaceUnit("BLOCKS"), new SiteParameter.Blksize(3200),
                        new SiteParameter.ListLevel(2), new SiteParameter.QuotesOverride(true),
                        new SiteParameter.QuotesOverride(false), new SiteParameter.IspfStats(true),
                        new SiteParameter.DirectoryMode(false), new SiteParameter.DirectoryMode(true));
        assertThat(SiteParser.parse("LISTLE=1 RE=FB")).containsExactly(new SiteParameter.Unrecognized("LISTLE=1"),
                new SiteParameter.Unrecognized("RE=FB"));
    }

    @Test
    void umaskTakesItsValueAfterABlankOrAnEqualSignAndChmodItsModeAndFile() {
        assertThat(SiteParser.parse("UMASK 027 UMASK=022 um 7")).containsExactly(new SiteParameter.Umask(027),
                new SiteParameter.Umask(022), new SiteParameter.Umask(07));
        assertThat(SiteParser.parse("CHMOD 755 a.txt RDW")).containsExactly(new SiteParameter.Chmod("755", "a.txt"),
                new SiteParameter.Rdw(true));
        assertThat(SiteParser.parse("CHMOD 755").get(0)).isInstanceOf(SiteParameter.Ignored.class);
    }

    @Test
    void knownParametersOpenCsCannotHonourAreRefused() {
        assertThat(SiteParser.parse("FILE=JES")).first().isEqualTo(new SiteParameter.Refused("FILETYPE",
                "504 Command SITE aborted -- FTP server not configured for parameter FILETYPE=JES."));
        assertThat(SiteParser.parse("AUTOM U=3390 VOL=X JESJOBN=A* RECFM=VBA ENCODING=MBCS"))
                .allMatch(p -> p instanceof SiteParameter.Refused);
    }

    @Test
    void chmodModesAreOctalOrSymbolic() {
        assertThat(FileModes.apply("755", 0)).isEqualTo(0755);
        assertThat(FileModes.apply("u+x", 0644)).isEqualTo(0744);
        assertThat(FileModes.apply("go-r", 0644)).isEqualTo(0600);
        assertThat(FileModes.apply("a=r,u+w", 0777)).isEqualTo(0644);
        assertThat(FileModes.apply("+x", 0644)).isEqualTo(0755);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FileModes.apply("u+q", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
