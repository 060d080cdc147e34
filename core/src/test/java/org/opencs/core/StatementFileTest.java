package org.opencs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Line ends of every family give the same statements with the same line numbers. */
class StatementFileTest {
    @Test
    void crlfLfAndLoneCrAreLineEndsWithTheSameLineNumbers() {
        String lf = "TELNETGLOBALS\n INACTIVE 300 ; comment\n\nENDTELNETGLOBALS\n";
        for (String text : List.of(lf, lf.replace("\n", "\r\n"), lf.replace("\n", "\r"),
                "TELNETGLOBALS\r INACTIVE 300 ; comment\r\n\nENDTELNETGLOBALS\r")) {
            List<StatementFile.Statement> statements = StatementFile.parse(text);
            assertThat(statements).extracting(StatementFile.Statement::name)
                    .containsExactly("TELNETGLOBALS", "INACTIVE", "ENDTELNETGLOBALS");
            assertThat(statements).extracting(StatementFile.Statement::line).containsExactly(1, 2, 4);
            assertThat(statements.get(1).values()).extracting(StatementFile.Token::text).containsExactly("300");
        }
    }
}
