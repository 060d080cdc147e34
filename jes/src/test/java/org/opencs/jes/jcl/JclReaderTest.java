package org.opencs.jes.jcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One construct at a time: statement fields and continuation, in-stream data, JES2 statements, JOB/EXEC/DD
 * parameters, symbols, IF/THEN/ELSE/ENDIF, procedures and the converter's messages. Sources: z/OS MVS JCL Reference
 * (chapters on each statement) and z/OS MVS System Messages Vol 8 (IEFC messages).
 */
class JclReaderTest {
    static final String JOB = "//USER1A   JOB 1,'A PROGRAMMER',CLASS=A,MSGCLASS=H";

    static JclJob read(String... cards) {
        return JclReader.read(List.of(cards), TestEnvironment.user1());
    }

    static JclJob read(TestEnvironment env, String... cards) {
        return JclReader.read(List.of(cards), env);
    }

    static Step step(JclJob job, int index) {
        return (Step) job.elements().get(index);
    }

    static DdSpec dd(Step step, String name) {
        return step.dds().stream().filter(d -> d.ddName().equals(name)).findFirst().orElseThrow().first();
    }

    /** Pads a card to {@code column - 1} characters, then appends {@code text} (column is 1-based). */
    static String at(String start, int column, String text) {
        return start + " ".repeat(column - 1 - start.length()) + text;
    }

    // ------------------------------------------------------------------------------------------ fields, continuation

    @Test
    void continuationAfterACommaJoinsTheOperandsAndListsEveryCard() {
        JclJob job = read(JOB, "//S1 EXEC PGM=IEFBR14", "//DD1 DD DSN=USER1.DATA,  first comment",
                "//     DISP=(NEW,CATLG,DELETE),", "//             SPACE=(TRK,1) last");
        assertThat(job.messages()).isEmpty();
        assertThat(dd(step(job, 0), "DD1")).isEqualTo(new DdSpec.Dataset("USER1.DATA", null, null,
                new Disposition(Disposition.Status.NEW, Disposition.Action.CATLG, Disposition.Action.DELETE),
                Map.of()));
        assertThat(job.jesjcl()).containsExactly(
                "        1 //USER1A   JOB 1,'A PROGRAMMER',CLASS=A,MSGCLASS=H",
                "        2 //S1 EXEC PGM=IEFBR14",
                "        3 //DD1 DD DSN=USER1.DATA,  first comment",
                "          //     DISP=(NEW,CATLG,DELETE),",
                "          //             SPACE=(TRK,1) last");
    }

    @Test
    void aQuotedValueRunsToColumn71AndResumesInColumn16() {
        String first = "//S1 EXEC PGM=P,PARM='ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        first = first + "X".repeat(71 - first.length());
        JclJob job = read(JOB, first, at("//", 16, "MORE TEXT'"));
        assertThat(job.messages()).isEmpty();
        String expected = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "X".repeat(71 - 48) + "MORE TEXT";
        assertThat(step(job, 0).parm()).isEqualTo(expected);
    }

    @Test
    void sequenceNumbersInColumns73To80AreIgnored() {
        JclJob job = read(at(JOB, 73, "00000100"), at("//S1 EXEC PGM=IEFBR14,", 73, "00000200"),
                at("//   REGION=4M", 73, "00000300"));
        assertThat(job.messages()).isEmpty();
        assertThat(step(job, 0).keywords()).isEqualTo(Map.of("REGION", "4M"));
        assertThat(job.card().msgClass()).isEqualTo("H");
    }

    @Test
    void aMissingContinuationIsIefc621i() {
        JclJob job = read(JOB, "//S1 EXEC PGM=IEFBR14,", "//DD1 DD DUMMY");
        assertThat(job.messages()).containsExactly(new JclMessage(2, "IEFC621I", "EXPECTED CONTINUATION NOT RECEIVED"));
        assertThat(step(job, 0).dds()).hasSize(1);
        JclJob late = read(JOB, "//S1 EXEC PGM=IEFBR14,", at("//", 20, "REGION=4M"));
        assertThat(late.messages()).extracting(JclMessage::id).containsExactly("IEFC621I");
    }

    @Test
    void commentCardsMayStandBetweenContinuationsAndAreListedAsStars() {
        JclJob job = read(JOB, "//* job comment", "//S1 EXEC PGM=IEFBR14,", "//* between", "//   REGION=4M");
        assertThat(job.messages()).isEmpty();
        assertThat(job.jesjcl()).containsExactly(
                "        1 //USER1A   JOB 1,'A PROGRAMMER',CLASS=A,MSGCLASS=H",
                "          *** job comment",
                "        2 //S1 EXEC PGM=IEFBR14,",
                "          *** between",
                "          //   REGION=4M");
    }

    @Test
    void column72ContinuesAComment() {
        JclJob job = read(JOB, at("//S1 EXEC PGM=IEFBR14 a long comment", 72, "X"), "//   that goes on",
                "//DD1 DD DUMMY");
        assertThat(job.messages()).isEmpty();
        assertThat(job.jesjcl()).hasSize(4).contains("          //   that goes on");
        assertThat(step(job, 0).dds()).hasSize(1);
    }

    @Test
    void theNullStatementEndsTheJob() {
        JclJob job = read(JOB, "//S1 EXEC PGM=IEFBR14", "//", "//S2 EXEC PGM=IEFBR14");
        assertThat(job.elements()).hasSize(1);
        assertThat(job.jesjcl()).hasSize(2);
    }

    @Test
    void anUnknownOperationIsIefc605i() {
        JclJob job = read(JOB, "//S1 EXEC PGM=IEFBR14", "//DD1 DX DUMMY");
        assertThat(job.messages()).containsExactly(new JclMessage(3, "IEFC605I", "UNIDENTIFIED OPERATION FIELD"));
        assertThat(job.hasErrors()).isTrue();
    }

    @Test
    void anInvalidLabelIsIefc662i() {
        JclJob job = read(JOB, "//1STEP EXEC PGM=IEFBR14", "//TOOLONGDDN DD DUMMY");
        assertThat(job.messages()).containsExactly(new JclMessage(2, "IEFC662I", "INVALID LABEL"),
                new JclMessage(3, "IEFC662I", "INVALID LABEL"));
    }

    // --------------------------------------------------------------------------------------- in-stream data, JES2

    @Test
    void ddStarEndsAtSlashSlashWhichIsReadAsJcl() {
        JclJob job = read(JOB, "//S1 EXEC PGM=IEBGENER", "//SYSUT1 DD *", "line 1", "  line 2  ", "//SYSUT2 DD SYSOUT=*");
        Step s = step(job, 0);
        assertThat(((DdSpec.Instream) dd(s, "SYSUT1")).records()).containsExactly("line 1", "  line 2  ");
        assertThat(dd(s, "SYSUT2")).isEqualTo(new DdSpec.Sysout("H", Map.of()));
    }

    @Test
    void ddDataKeepsSlashSlashCardsAndEndsAtSlashStar() {
        JclJob job = read(JOB, "//S1 EXEC PGM=IEBGENER", "//SYSUT1 DD DATA", "//X JOB", "//Y EXEC PGM=Z", "/*",
                "//SYSUT2 DD DUMMY");
        Step s = step(job, 0);
        assertThat(((DdSpec.Instream) dd(s, "SYSUT1")).records()).containsExactly("//X JOB", "//Y EXEC PGM=Z");
        assertThat(dd(s, "SYSUT2")).isEqualTo(new DdSpec.Dummy(Map.of()));
        assertThat(job.jesjcl()).hasSize(4);
    }

    @Test
    void dlmAssignsTheDelimiter() {
        JclJob job = read(JOB, "//S1 EXEC PGM=P", "//IN DD DATA,DLM=$$", "/*", "//", "$$", "//IN2 DD *,DLM='@@'",
                "/* data", "//OUT DD DUMMY");
        Step s = step(job, 0);
        assertThat(((DdSpec.Instream) dd(s, "IN")).records()).containsExactly("/*", "//");
        // DD * with DLM: // still ends the data (JES2)
        assertThat(((DdSpec.Instream) dd(s, "IN2")).records()).containsExactly("/* data");
        assertThat(dd(s, "OUT")).isInstanceOf(DdSpec.Dummy.class);
    }

    @Test
    void dataWithoutADdStatementGetsTheGeneratedSysinOfItsStep() {
        JclJob job = read(JOB, "//S1 EXEC PGM=IDCAMS", "  LISTCAT", "/*", "//S2 EXEC PGM=IEFBR14");
        assertThat(job.messages()).isEmpty();
        Step s = step(job, 0);
        assertThat(((DdSpec.Instream) dd(s, "SYSIN")).records()).containsExactly("  LISTCAT");
        assertThat(job.jesjcl()).contains("        3 //SYSIN    DD *                    GENERATED STATEMENT");
        assertThat(step(job, 1).dds()).isEmpty();
    }

    @Test
    void jes2ControlStatementsAreKeptAndStrayDelimitersDiscarded() {
        JclJob job = read(JOB, "/*JOBPARM SYSAFF=*", "/*ROUTE PRINT LOCAL", "/**", "/* comment", "/*",
                "//S1 EXEC PGM=IEFBR14", "/*PRIORITY 9");
        assertThat(job.messages()).isEmpty();
        assertThat(job.jes2Statements()).containsExactly("/*JOBPARM SYSAFF=*", "/*ROUTE PRINT LOCAL", "/*PRIORITY 9");
        assertThat(job.jesjcl()).hasSize(2);
    }

    // ---------------------------------------------------------------------------------------------- JOB, EXEC

    @Test
    void jobStatementKeywordsAndTyprun() {
        JclJob job = read("//USER1A JOB (ACCT,1),'O''BRIEN',CLASS=B,MSGCLASS=X,MSGLEVEL=(1,1),",
                "//  NOTIFY=&SYSUID,TYPRUN=SCAN,USER=USER2,PASSWORD=SECRET,",
                "//  REGION=0M,TIME=1440",
                "//S1 EXEC PGM=IEFBR14");
        assertThat(job.messages()).isEmpty();
        JobCard card = job.card();
        assertThat(card.accounting()).isEqualTo("(ACCT,1)");
        assertThat(card.programmer()).isEqualTo("'O''BRIEN'");
        assertThat(card.jobClass()).isEqualTo("B");
        assertThat(card.notifyUser()).contains("USER1");
        assertThat(card.typrun()).contains("SCAN");
        assertThat(card.user()).contains("USER2");
        assertThat(card.password()).contains("SECRET");
        assertThat(String.join("\n", job.jesjcl())).doesNotContain("SECRET")
                .contains("PASSWORD=******").contains("IEFC653I SUBSTITUTION JCL - ")
                .contains("NOTIFY=USER1,TYPRUN=SCAN");
    }

    @Test
    void badJobKeywordsAreReported() {
        JclJob job = read("//USER1A JOB 1,A,TYPRUN=LATER,CLASSS=A", "//S1 EXEC PGM=IEFBR14");
        assertThat(job.messages()).containsExactly(
                new JclMessage(1, "IEFC630I", "UNIDENTIFIED KEYWORD CLASSS"),
                new JclMessage(1, "IEFC643I", "UNIDENTIFIED POSITIONAL PARAMETER IN THE TYPRUN FIELD"));
    }

    @Test
    void withoutAJobStatementTheJobIsInError() {
        JclJob job = read("//S1 EXEC PGM=IEFBR14");
        assertThat(job.hasErrors()).isTrue();
        assertThat(job.messages()).extracting(JclMessage::id).contains("IEFC605I");
    }

    @Test
    void parmFormsAsTheProgramReceivesThem() {
        assertThat(JclConverter.parm("'-a TLS'")).isEqualTo("-a TLS");
        assertThat(JclConverter.parm("'IT''S'")).isEqualTo("IT'S");
        assertThat(JclConverter.parm("(A,B,'C D')")).isEqualTo("A,B,'C D'");
        assertThat(JclConverter.parm("'A&&B'")).isEqualTo("A&B");
        assertThat(JclConverter.parm("XREF")).isEqualTo("XREF");
        JclJob job = read(JOB, "//S1 EXEC PGM=P,PARM='" + "X".repeat(40) + "',", "//   REGION=1M");
        assertThat(job.messages()).isEmpty();
        JclJob tooLong = read(JOB, "//S1 EXEC PGM=P,PARM='" + "X".repeat(30) + "',PARM.X=1",
                "//S2 EXEC PGM=P,PARM=('" + "Y".repeat(40) + "',", "//  '" + "Y".repeat(40) + "',",
                "//  '" + "Y".repeat(40) + "')");
        assertThat(tooLong.messages()).containsExactly(new JclMessage(2, "IEFC630I", "UNIDENTIFIED KEYWORD PARM.X"),
                new JclMessage(3, "IEFC642I", "EXCESSIVE PARAMETER LENGTH IN THE PARM FIELD"));
    }

    @Test
    void condOnExec() {
        JclJob job = read(JOB, "//S1 EXEC PGM=P", "//S2 EXEC PGM=P,COND=((4,LT),(8,EQ,S1),EVEN)",
                "//S3 EXEC PGM=P,COND=(0,NE,S1.PSTEP)", "//S4 EXEC PGM=P,COND=ONLY");
        assertThat(job.messages()).isEmpty();
        assertThat(step(job, 1).cond()).isEqualTo(new CondParameter(List.of(
                new CondParameter.Test(4, CondParameter.Operator.LT, null, null),
                new CondParameter.Test(8, CondParameter.Operator.EQ, "S1", null)), CondParameter.Mode.EVEN));
        assertThat(step(job, 2).cond().tests()).containsExactly(
                new CondParameter.Test(0, CondParameter.Operator.NE, "S1", "PSTEP"));
        assertThat(step(job, 3).cond().mode()).isEqualTo(CondParameter.Mode.ONLY);
        JclJob bad = read(JOB, "//S1 EXEC PGM=P,COND=(4,XX)", "//S2 EXEC PGM=P,COND=(5000,LT)");
        assertThat(bad.messages()).containsExactly(
                new JclMessage(2, "IEFC643I", "UNIDENTIFIED POSITIONAL PARAMETER IN THE COND FIELD"),
                new JclMessage(3, "IEFC638I", "SPECIFIED NUMERIC EXCEEDS MAXIMUM ALLOWED IN THE COND FIELD"));
    }

    // ------------------------------------------------------------------------------------------------------- DD

    @Test
    void ddDataSetForms() {
        JclJob job = read(JOB, "//S1 EXEC PGM=P",
                "//A DD DSN=USER1.PDS(MEM),DISP=SHR",
                "//B DD DSNAME='user1.quoted',DISP=(MOD,KEEP)",
                "//C DD DSN=&&TEMP,DISP=(,PASS),UNIT=SYSDA,SPACE=(CYL,(1,1))",
                "//D DD DSN=NULLFILE",
                "//E DD DSN=*.S0.OUT,DISP=OLD",
                "//F DD DUMMY,DCB=(RECFM=FB,LRECL=80,BLKSIZE=800)",
                "//G DD SYSOUT=(A,,STD),LRECL=133,RECFM=FBA",
                "//H DD UNIT=SYSDA,SPACE=(TRK,1),VOL=SER=WORK01,LABEL=(1,SL)",
                "//I DD DSN=&&PDS(M1),DISP=(NEW,PASS)");
        assertThat(job.messages()).isEmpty();
        Step s = step(job, 0);
        assertThat(dd(s, "A")).isEqualTo(new DdSpec.Dataset("USER1.PDS", "MEM", null,
                new Disposition(Disposition.Status.SHR, null, null), Map.of()));
        assertThat(dd(s, "B")).isEqualTo(new DdSpec.Dataset("USER1.QUOTED", null, null,
                new Disposition(Disposition.Status.MOD, Disposition.Action.KEEP, null), Map.of()));
        DdSpec.Dataset c = (DdSpec.Dataset) dd(s, "C");
        assertThat(c.temporary()).isTrue();
        assertThat(c.dsname()).isEqualTo("&&TEMP");
        assertThat(c.disp()).isEqualTo(new Disposition(Disposition.Status.NEW, Disposition.Action.PASS, null));
        assertThat(dd(s, "D")).isEqualTo(new DdSpec.Dummy(Map.of()));
        assertThat(((DdSpec.Dataset) dd(s, "E")).backwardReference()).isEqualTo("*.S0.OUT");
        assertThat(dd(s, "F")).isEqualTo(new DdSpec.Dummy(Map.of("RECFM", "FB", "LRECL", "80", "BLKSIZE", "800")));
        assertThat(dd(s, "G")).isEqualTo(new DdSpec.Sysout("A", Map.of("LRECL", "133", "RECFM", "FBA")));
        assertThat(((DdSpec.Dataset) dd(s, "H")).temporary()).isTrue();
        assertThat(dd(s, "I")).isEqualTo(new DdSpec.Dataset("&&PDS", "M1", null,
                new Disposition(Disposition.Status.NEW, Disposition.Action.PASS, null), Map.of()));
    }

    @Test
    void unnamedDdStatementsFormAConcatenation() {
        JclJob job = read(JOB, "//S1 EXEC PGM=P", "//SYSLIB DD DSN=A.MACLIB,DISP=SHR", "//  DD DSN=B.MACLIB,DISP=SHR",
                "//       DD DSN=C.MACLIB,DISP=SHR", "//OUT DD SYSOUT=*");
        List<DdStatement> dds = step(job, 0).dds();
        assertThat(dds).extracting(DdStatement::ddName).containsExactly("SYSLIB", "OUT");
        assertThat(dds.get(0).concatenation()).extracting(d -> ((DdSpec.Dataset) d).dsname())
                .containsExactly("A.MACLIB", "B.MACLIB", "C.MACLIB");
        assertThat(dds.get(0).statement()).isEqualTo(3);
    }

    @Test
    void badDdParametersAreReported() {
        JclJob job = read(JOB, "//S1 EXEC PGM=P", "//A DD DSN=X,DISP=(SHARE,KEEP)", "//B DD DSN=X,DISPO=SHR",
                "//C DD DSN=X,DISP=(OLD,KEEP,PASS)", "//D DD DSN=(X,DISP=SHR");
        assertThat(job.messages()).containsExactly(
                new JclMessage(3, "IEFC643I", "UNIDENTIFIED POSITIONAL PARAMETER IN THE DISP FIELD"),
                new JclMessage(4, "IEFC630I", "UNIDENTIFIED KEYWORD DISPO"),
                new JclMessage(5, "IEFC643I", "UNIDENTIFIED POSITIONAL PARAMETER IN THE DISP FIELD"),
                new JclMessage(6, "IEFC622I", "UNBALANCED PARENTHESIS IN THE DSN FIELD"));
    }

    // ---------------------------------------------------------------------------------------------------- symbols

    @Test
    void setAndSystemSymbolsAreSubstitutedAndListed() {
        JclJob job = read(JOB, "// SET HLQ=PROD,SUFFIX='A B'", "//S1 EXEC PGM=P,PARM='&SUFFIX'",
                "//A DD DSN=&HLQ..DATA.D&LYYMMDD,DISP=SHR", "//B DD DSN=&SYSUID..T&LHHMMSS,DISP=SHR",
                "//C DD DSN=&&TEMP,DISP=(NEW,PASS)", "//D DD DSN=&UNDEF,DISP=(NEW,PASS)");
        assertThat(job.messages()).isEmpty();
        Step s = step(job, 0);
        assertThat(s.parm()).isEqualTo("A B");
        assertThat(((DdSpec.Dataset) dd(s, "A")).dsname()).isEqualTo("PROD.DATA.D240307");
        assertThat(((DdSpec.Dataset) dd(s, "B")).dsname()).isEqualTo("USER1.T090504");
        assertThat(((DdSpec.Dataset) dd(s, "C")).dsname()).isEqualTo("&&TEMP");
        assertThat(((DdSpec.Dataset) dd(s, "D")).dsname()).isEqualTo("&&UNDEF");
        assertThat(job.jesjcl()).containsSubsequence(
                "        4 //A DD DSN=&HLQ..DATA.D&LYYMMDD,DISP=SHR",
                "          IEFC653I SUBSTITUTION JCL - DSN=PROD.DATA.D240307,DISP=SHR");
        assertThat(job.jesjcl()).noneMatch(l -> l.contains("DSN=&&TEMP") && l.contains("IEFC653I"));
    }

    @Test
    void utcAndLocalDateSymbolsDiffer() {
        assertThat(SystemSymbols.of(TestEnvironment.user1())).containsEntry("LHHMMSS", "090504")
                .containsEntry("HHMMSS", "080504").containsEntry("LYR4", "2024").containsEntry("LJDAY", "067")
                .containsEntry("LWDAY", "THU").containsEntry("SYSUID", "USER1");
    }

    // -------------------------------------------------------------------------------------------------------- IF

    @Test
    void ifThenElseEndifBuildsBlocks() {
        JclJob job = read(JOB, "//S1 EXEC PGM=P",
                "//CHK IF (S1.RC <= 4 & ¬ABEND) THEN",
                "//S2 EXEC PGM=P",
                "//   IF RC = 0 THEN",
                "//S3 EXEC PGM=P",
                "//   ENDIF",
                "//   ELSE",
                "//S4 EXEC PGM=P",
                "//   ENDIF",
                "//S5 EXEC PGM=P");
        assertThat(job.messages()).isEmpty();
        assertThat(job.elements()).hasSize(3);
        IfBlock block = (IfBlock) job.elements().get(1);
        assertThat(block.name()).isEqualTo("CHK");
        assertThat(block.statement()).isEqualTo(3);
        assertThat(block.condition().text()).isEqualTo("(S1.RC <= 4 & ¬ABEND)");
        assertThat(block.thenElements()).hasSize(2);
        assertThat(((IfBlock) block.thenElements().get(1)).thenElements()).extracting(e -> ((Step) e).stepName())
                .containsExactly("S3");
        assertThat(block.elseElements()).extracting(e -> ((Step) e).stepName()).containsExactly("S4");
    }

    @Test
    void anIfExpressionContinuesUntilThen() {
        JclJob job = read(JOB, "//S1 EXEC PGM=P", "//T IF (RC > 4 |", "//      S1.ABEND) THEN check",
                "//S2 EXEC PGM=P", "// ENDIF");
        assertThat(job.messages()).isEmpty();
        IfBlock block = (IfBlock) job.elements().get(1);
        assertThat(block.condition()).isInstanceOf(IfExpression.Or.class);
        assertThat(block.condition().testsAbend()).isTrue();
    }

    @Test
    void ifErrors() {
        JclJob job = read(JOB, "// SET V=B", "//S1 EXEC PGM=P", "//I1 IF S1.RC = 0 AND &V=7 THEN",
                "//S2 EXEC PGM=P", "// ENDIF", "// ENDIF", "// ELSE");
        assertThat(job.messages()).containsExactly(
                new JclMessage(4, "IEFC013I", "ERROR IN IF STATEMENT: B NOT VALID"),
                new JclMessage(7, "IEFC013I", "ERROR IN IF STATEMENT: ENDIF HAS NO MATCHING IF"),
                new JclMessage(8, "IEFC013I", "ERROR IN IF STATEMENT: ELSE HAS NO MATCHING IF"));
        JclJob open = read(JOB, "//S1 EXEC PGM=P", "// IF RC = 0 THEN", "//S2 EXEC PGM=P");
        assertThat(open.messages()).extracting(JclMessage::id).containsExactly("IEFC013I");
    }

    @Test
    void ifNestingIsLimitedTo15Levels() {
        List<String> cards = new java.util.ArrayList<>(List.of(JOB, "//S0 EXEC PGM=P"));
        for (int i = 0; i < 16; i++) {
            cards.add("// IF RC = 0 THEN");
        }
        cards.add("//S1 EXEC PGM=P");
        for (int i = 0; i < 16; i++) {
            cards.add("// ENDIF");
        }
        JclJob job = JclReader.read(cards, TestEnvironment.user1());
        assertThat(job.messages()).extracting(JclMessage::statement, JclMessage::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(18, "IEFC013I"));
        assertThat(JclReader.read(cards.subList(0, 2 + 15), TestEnvironment.user1()).messages())
                .extracting(JclMessage::id).containsOnly("IEFC013I"); // only the missing ENDIFs
    }

    // -------------------------------------------------------------------------------------------------- procedures

    @Test
    void instreamProcWithSymbolsAndOverrides() {
        JclJob job = read(JOB,
                "//COPY    PROC IN=,OUT=SYSOUT",
                "//GEN     EXEC PGM=IEBGENER,PARM='&OUT'",
                "//SYSPRINT DD SYSOUT=*",
                "//SYSUT1  DD DSN=&IN,DISP=SHR",
                "//SYSUT2  DD SYSOUT=*",
                "//SYSIN   DD DUMMY",
                "//        PEND",
                "//RUN     EXEC COPY,IN=USER1.SOURCE,PARM.GEN=XYZ",
                "//GEN.SYSUT2 DD DSN=USER1.TARGET,DISP=(NEW,CATLG),SPACE=(TRK,1)",
                "//GEN.EXTRA DD DUMMY");
        assertThat(job.messages()).isEmpty();
        Step s = step(job, 0);
        assertThat(s.stepName()).isEqualTo("RUN");
        assertThat(s.procStepName()).isEqualTo("GEN");
        assertThat(s.procName()).isEqualTo("COPY");
        assertThat(s.program()).isEqualTo("IEBGENER");
        assertThat(s.parm()).isEqualTo("XYZ");
        assertThat(s.dds()).extracting(DdStatement::ddName)
                .containsExactly("SYSPRINT", "SYSUT1", "SYSUT2", "SYSIN", "EXTRA");
        assertThat(dd(s, "SYSUT1")).isEqualTo(new DdSpec.Dataset("USER1.SOURCE", null, null,
                new Disposition(Disposition.Status.SHR, null, null), Map.of()));
        assertThat(dd(s, "SYSUT2")).isEqualTo(new DdSpec.Dataset("USER1.TARGET", null, null,
                new Disposition(Disposition.Status.NEW, Disposition.Action.CATLG, null), Map.of()));
        assertThat(job.jesjcl()).containsExactly(
                "        1 //USER1A   JOB 1,'A PROGRAMMER',CLASS=A,MSGCLASS=H",
                "        2 //COPY    PROC IN=,OUT=SYSOUT",
                "        3 //GEN     EXEC PGM=IEBGENER,PARM='&OUT'",
                "        4 //SYSPRINT DD SYSOUT=*",
                "        5 //SYSUT1  DD DSN=&IN,DISP=SHR",
                "        6 //SYSUT2  DD SYSOUT=*",
                "        7 //SYSIN   DD DUMMY",
                "        8 //        PEND",
                "        9 //RUN     EXEC COPY,IN=USER1.SOURCE,PARM.GEN=XYZ",
                "       10 ++COPY    PROC IN=,OUT=SYSOUT",
                "       11 ++GEN     EXEC PGM=IEBGENER,PARM='&OUT'",
                "          IEFC653I SUBSTITUTION JCL - PGM=IEBGENER,PARM='SYSOUT'",
                "       12 ++SYSPRINT DD SYSOUT=*",
                "       13 ++SYSUT1  DD DSN=&IN,DISP=SHR",
                "          IEFC653I SUBSTITUTION JCL - DSN=USER1.SOURCE,DISP=SHR",
                "       14 //GEN.SYSUT2 DD DSN=USER1.TARGET,DISP=(NEW,CATLG),SPACE=(TRK,1)",
                "          +/SYSUT2  DD SYSOUT=*",
                "       15 ++SYSIN   DD DUMMY",
                "       16 //GEN.EXTRA DD DUMMY",
                "       17 ++        PEND");
    }

    @Test
    void aSymbolTheProcedureDoesNotUseIsIefc657i() {
        JclJob job = read(JOB, "//P PROC", "//S EXEC PGM=IEFBR14", "// PEND", "//RUN EXEC P,DYNAMNR=10");
        assertThat(job.messages()).containsExactly(new JclMessage(5, "IEFC657I", "THE SYMBOL DYNAMNR WAS NOT USED"));
    }

    @Test
    void cataloguedProcThroughJcllibWithOverridesListedXx() {
        TestEnvironment env = TestEnvironment.user1()
                .member("USER1.PROCLIB", "ASMCL",
                        "//ASMCL   PROC M=X",
                        "//* assemble and link",
                        "//ASM     EXEC PGM=ASMA90,REGION=4M",
                        "//SYSLIB  DD DSN=SYS1.MACLIB,DISP=SHR",
                        "//SYSIN   DD DSN=USER1.SRC(&M),DISP=SHR",
                        "//LKED    EXEC PGM=IEWL,COND=(8,LT,ASM)",
                        "//SYSLMOD DD DSN=USER1.LOAD(&M),DISP=SHR")
                .member("SYS1.PROCLIB", "ASMCL", "//ASM EXEC PGM=WRONG");
        JclJob job = read(env, JOB, "//LIBS JCLLIB ORDER=(USER1.PROCLIB,'USER1.OTHER')", "//A EXEC ASMCL,M=HELLO,",
                "//  COND.LKED=(4,LT,ASM),TIME=5",
                "//ASM.SYSLIB DD DSN=MY.MACLIB,DISP=SHR", "//       DD DSN=SYS1.MACLIB,DISP=SHR");
        assertThat(job.messages()).containsExactly(new JclMessage(3, "IEFC001I",
                "PROCEDURE ASMCL WAS EXPANDED USING PRIVATE LIBRARY USER1.PROCLIB"));
        assertThat(job.hasErrors()).isFalse();
        Step asm = step(job, 0);
        Step lked = step(job, 1);
        assertThat(asm.program()).isEqualTo("ASMA90");
        assertThat(asm.keywords()).isEqualTo(Map.of("REGION", "4M", "TIME", "5"));
        assertThat(lked.cond().tests()).containsExactly(new CondParameter.Test(4, CondParameter.Operator.LT, "ASM",
                null));
        assertThat(asm.dds().get(0).concatenation()).extracting(d -> ((DdSpec.Dataset) d).dsname())
                .containsExactly("MY.MACLIB", "SYS1.MACLIB");
        assertThat(((DdSpec.Dataset) dd(asm, "SYSIN")).member()).isEqualTo("HELLO");
        assertThat(((DdSpec.Dataset) dd(lked, "SYSLMOD")).member()).isEqualTo("HELLO");
        assertThat(job.jesjcl()).containsSubsequence(
                "        3 //A EXEC ASMCL,M=HELLO,",
                "          //  COND.LKED=(4,LT,ASM),TIME=5",
                "        4 XXASMCL   PROC M=X",
                "          XX* assemble and link",
                "        5 XXASM     EXEC PGM=ASMA90,REGION=4M",
                "        6 //ASM.SYSLIB DD DSN=MY.MACLIB,DISP=SHR",
                "          X/SYSLIB  DD DSN=SYS1.MACLIB,DISP=SHR",
                "        7 //       DD DSN=SYS1.MACLIB,DISP=SHR",
                "        8 XXSYSIN   DD DSN=USER1.SRC(&M),DISP=SHR",
                "          IEFC653I SUBSTITUTION JCL - DSN=USER1.SRC(HELLO),DISP=SHR");
        JclJob brief = read(env, "//USER1A JOB 1,A,MSGLEVEL=(2,0)", "//LIBS JCLLIB ORDER=USER1.PROCLIB",
                "//A EXEC ASMCL");
        assertThat(brief.jesjcl()).noneMatch(l -> l.contains("XX"));
        JclJob jobOnly = read(env, "//USER1A JOB 1,A,MSGLEVEL=0", "//A EXEC PROC=ASMCL");
        assertThat(jobOnly.jesjcl()).hasSize(1);
        assertThat(jobOnly.messages()).containsExactly(new JclMessage(2, "IEFC001I",
                "PROCEDURE ASMCL WAS EXPANDED USING SYSTEM LIBRARY SYS1.PROCLIB"));
    }

    @Test
    void aProcedureThatIsNowhereIsIefc612i() {
        JclJob job = read(JOB, "//A EXEC NOSUCH", "//X.DD1 DD DUMMY");
        assertThat(job.messages()).containsExactly(
                new JclMessage(2, "IEFC612I", "PROCEDURE NOSUCH WAS NOT FOUND"),
                new JclMessage(0, "IEFC607I", "JOB HAS NO STEPS"));
        assertThat(job.jesjcl()).hasSize(3);
    }

    @Test
    void anOverrideForAStepTheProcedureLacksIsIefc611i() {
        JclJob job = read(JOB, "//P PROC", "//S EXEC PGM=IEFBR14", "// PEND", "//RUN EXEC P", "//T.DD1 DD DUMMY");
        assertThat(job.messages()).containsExactly(
                new JclMessage(9, "IEFC611I", "OVERRIDDEN STEP NOT FOUND IN PROCEDURE"));
    }
}
