package org.opencs.jes.jcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencs.jes.jcl.JclReaderTest.JOB;
import static org.opencs.jes.jcl.JclReaderTest.dd;
import static org.opencs.jes.jcl.JclReaderTest.read;
import static org.opencs.jes.jcl.JclReaderTest.step;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The INCLUDE statement (z/OS MVS JCL Reference, "INCLUDE statement" and "Considerations for using INCLUDE groups"):
 * the group is searched as cataloged procedures are (JCLLIB ORDER, then the system procedure libraries), replaces the
 * INCLUDE statement, is listed with XX like a cataloged procedure's statements, and IEFC002I names the library.
 */
class JclIncludeTest {
    private static TestEnvironment env() {
        return TestEnvironment.user1()
                .member("USER1.JCL", "STEPS",
                        "//* shared step",
                        "//COPY    EXEC PGM=IEBGENER",
                        "//SYSPRINT DD SYSOUT=*",
                        "//SYSUT1  DD DSN=USER1.IN,DISP=SHR")
                .member("USER1.JCL", "OUTDDS",
                        "//SYSUT2  DD SYSOUT=*",
                        "//SYSIN   DD DUMMY")
                .member("SYS1.PROCLIB", "OUTDDS", "//WRONG DD DUMMY")
                .member("SYS1.PROCLIB", "STDOUT", "//SYSOUT  DD SYSOUT=*");
    }

    @Test
    void aGroupWithAStepAndItsDdsReplacesTheIncludeAndIsListedXx() {
        JclJob job = read(env(), JOB, "//LIBS JCLLIB ORDER=USER1.JCL", "//GRP INCLUDE MEMBER=STEPS",
                "//SYSUT2 DD SYSOUT=*", "//SYSIN DD DUMMY", "//NEXT EXEC PGM=IEFBR14");
        assertThat(job.messages()).containsExactly(new JclMessage(3, "IEFC002I",
                "INCLUDE GROUP STEPS WAS EXPANDED USING PRIVATE LIBRARY USER1.JCL"));
        assertThat(job.hasErrors()).isFalse();
        assertThat(job.elements()).hasSize(2);
        Step copy = step(job, 0);
        assertThat(copy.stepName()).isEqualTo("COPY");
        assertThat(copy.program()).isEqualTo("IEBGENER");
        assertThat(copy.dds()).extracting(DdStatement::ddName)
                .containsExactly("SYSPRINT", "SYSUT1", "SYSUT2", "SYSIN");
        assertThat(step(job, 1).program()).isEqualTo("IEFBR14");
        assertThat(job.jesjcl()).containsExactly(
                "        1 //USER1A   JOB 1,'A PROGRAMMER',CLASS=A,MSGCLASS=H",
                "        2 //LIBS JCLLIB ORDER=USER1.JCL",
                "        3 //GRP INCLUDE MEMBER=STEPS",
                "          XX* shared step",
                "        4 XXCOPY    EXEC PGM=IEBGENER",
                "        5 XXSYSPRINT DD SYSOUT=*",
                "        6 XXSYSUT1  DD DSN=USER1.IN,DISP=SHR",
                "        7 //SYSUT2 DD SYSOUT=*",
                "        8 //SYSIN DD DUMMY",
                "        9 //NEXT EXEC PGM=IEFBR14");
        // MSGLEVEL=(2,...) lists the input statements only, as for a cataloged procedure
        JclJob brief = read(env(), "//USER1A JOB 1,A,MSGLEVEL=(2,0)", "//LIBS JCLLIB ORDER=USER1.JCL",
                "// INCLUDE MEMBER=STEPS");
        assertThat(brief.jesjcl()).hasSize(3).noneMatch(l -> l.contains("XX"));
    }

    @Test
    void anIncludeBetweenDdsAddsDdsToTheCurrentStepFromTheSystemLibraryWhenNoJcllib() {
        JclJob job = read(env(), JOB, "//S1 EXEC PGM=IEBGENER", "//SYSUT1 DD DSN=USER1.IN,DISP=SHR",
                "// INCLUDE MEMBER=OUTDDS", "//SYSPRINT DD SYSOUT=*");
        assertThat(job.messages()).containsExactly(new JclMessage(4, "IEFC002I",
                "INCLUDE GROUP OUTDDS WAS EXPANDED USING SYSTEM LIBRARY SYS1.PROCLIB"));
        assertThat(step(job, 0).dds()).extracting(DdStatement::ddName)
                .containsExactly("SYSUT1", "WRONG", "SYSPRINT");

        JclJob priv = read(env(), JOB, "//L JCLLIB ORDER=(USER1.JCL)", "//S1 EXEC PGM=IEBGENER",
                "//SYSUT1 DD DSN=USER1.IN,DISP=SHR", "// INCLUDE MEMBER=OUTDDS", "//SYSPRINT DD SYSOUT=*");
        assertThat(priv.hasErrors()).isFalse();
        Step s1 = step(priv, 0);
        assertThat(s1.dds()).extracting(DdStatement::ddName)
                .containsExactly("SYSUT1", "SYSUT2", "SYSIN", "SYSPRINT");
        assertThat(dd(s1, "SYSIN")).isInstanceOf(DdSpec.Dummy.class);
        assertThat(priv.jesjcl()).containsSubsequence(
                "        5 // INCLUDE MEMBER=OUTDDS",
                "        6 XXSYSUT2  DD SYSOUT=*",
                "        7 XXSYSIN   DD DUMMY",
                "        8 //SYSPRINT DD SYSOUT=*");
    }

    @Test
    void includeGroupsNestAndEachIsReported() {
        TestEnvironment env = env().member("USER1.JCL", "OUTER",
                "//STEP1   EXEC PGM=IEBGENER",
                "//        INCLUDE MEMBER=OUTDDS",
                "//        INCLUDE MEMBER=STDOUT");
        JclJob job = read(env, JOB, "//L JCLLIB ORDER=USER1.JCL", "// INCLUDE MEMBER=OUTER");
        assertThat(job.messages()).containsExactly(
                new JclMessage(3, "IEFC002I", "INCLUDE GROUP OUTER WAS EXPANDED USING PRIVATE LIBRARY USER1.JCL"),
                new JclMessage(5, "IEFC002I", "INCLUDE GROUP OUTDDS WAS EXPANDED USING PRIVATE LIBRARY USER1.JCL"),
                new JclMessage(8, "IEFC002I",
                        "INCLUDE GROUP STDOUT WAS EXPANDED USING SYSTEM LIBRARY SYS1.PROCLIB"));
        assertThat(step(job, 0).dds()).extracting(DdStatement::ddName)
                .containsExactly("SYSUT2", "SYSIN", "SYSOUT");
        assertThat(job.jesjcl()).containsSubsequence(
                "        4 XXSTEP1   EXEC PGM=IEBGENER",
                "        5 XX        INCLUDE MEMBER=OUTDDS",
                "        6 XXSYSUT2  DD SYSOUT=*",
                "        8 XX        INCLUDE MEMBER=STDOUT",
                "        9 XXSYSOUT  DD SYSOUT=*");
    }

    @Test
    void nestingDeeperThan15IsAJclError() {
        TestEnvironment env = TestEnvironment.user1();
        for (int level = 1; level <= 16; level++) {
            env.member("SYS1.PROCLIB", "LEVEL" + level, "//  INCLUDE MEMBER=LEVEL" + (level + 1));
        }
        env.member("SYS1.PROCLIB", "LEVEL17", "//S EXEC PGM=IEFBR14");
        JclJob job = read(env, JOB, "//  INCLUDE MEMBER=LEVEL1");
        assertThat(job.hasErrors()).isTrue();
        assertThat(job.messages()).filteredOn(m -> m.id().equals("IEFC002I")).hasSize(15);
        assertThat(job.messages()).contains(new JclMessage(17, "IEFC614I", "INCLUDE GROUP LEVEL16 WAS NOT FOUND"));

        env.member("SYS1.PROCLIB", "LEVEL15", "//S EXEC PGM=IEFBR14");
        JclJob fifteen = read(env, JOB, "//  INCLUDE MEMBER=LEVEL1");
        assertThat(fifteen.hasErrors()).isFalse();
        assertThat(fifteen.elements()).hasSize(1);
    }

    @Test
    void aMissingMemberIsIefc614iAndTheJobRunsNoStep() {
        JclJob job = read(env(), JOB, "//S1 EXEC PGM=IEFBR14", "//MISSING INCLUDE MEMBER=NOSUCH",
                "//DD1 DD DUMMY");
        assertThat(job.messages()).containsExactly(new JclMessage(3, "IEFC614I",
                "INCLUDE GROUP NOSUCH WAS NOT FOUND"));
        assertThat(job.hasErrors()).isTrue();
        assertThat(job.jesjcl()).containsExactly(
                "        1 //USER1A   JOB 1,'A PROGRAMMER',CLASS=A,MSGCLASS=H",
                "        2 //S1 EXEC PGM=IEFBR14",
                "        3 //MISSING INCLUDE MEMBER=NOSUCH",
                "        4 //DD1 DD DUMMY");
        JclJob noMember = read(env(), JOB, "//S1 EXEC PGM=IEFBR14", "// INCLUDE NAME=X");
        assertThat(noMember.messages()).containsExactly(
                new JclMessage(3, "IEFC630I", "UNIDENTIFIED KEYWORD NAME"),
                new JclMessage(3, "IEFC614I", "INCLUDE GROUP WAS NOT FOUND"));
    }

    @Test
    void statementsAnIncludeGroupCannotHoldAreRefused() {
        TestEnvironment env = env()
                .member("USER1.JCL", "BADJOB", "//OTHER   JOB 1,X", "//S2 EXEC PGM=IEFBR14")
                .member("USER1.JCL", "BADPROC", "//P PROC", "//S3 EXEC PGM=IEFBR14", "// PEND")
                .member("USER1.JCL", "BADLIB", "//L2 JCLLIB ORDER=USER1.OTHER");
        JclJob job = read(env, JOB, "//L JCLLIB ORDER=USER1.JCL", "//S1 EXEC PGM=IEFBR14",
                "// INCLUDE MEMBER=BADJOB");
        assertThat(job.messages()).containsExactly(
                new JclMessage(4, "IEFC002I", "INCLUDE GROUP BADJOB WAS EXPANDED USING PRIVATE LIBRARY USER1.JCL"),
                new JclMessage(5, "IEFC605I", "UNIDENTIFIED OPERATION FIELD"));
        // the JOB statement did not end the job: the step after it is still this job's
        assertThat(job.elements()).hasSize(2);
        assertThat(job.jesjcl()).contains("        5 XXOTHER   JOB 1,X");
        assertThat(job.card().jobName()).isEqualTo("USER1A");

        JclJob proc = read(env, JOB, "//L JCLLIB ORDER=USER1.JCL", "// INCLUDE MEMBER=BADPROC");
        assertThat(proc.messages()).extracting(JclMessage::statement, JclMessage::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "IEFC002I"), org.assertj.core.groups.Tuple.tuple(4, "IEFC605I"),
                org.assertj.core.groups.Tuple.tuple(6, "IEFC605I"));
        JclJob lib = read(env, JOB, "//L JCLLIB ORDER=USER1.JCL", "// INCLUDE MEMBER=BADLIB",
                "//S1 EXEC PGM=IEFBR14");
        assertThat(lib.messages()).contains(new JclMessage(4, "IEFC605I", "UNIDENTIFIED OPERATION FIELD"));
        assertThat(lib.hasErrors()).isTrue();
    }

    @Test
    void symbolsAreSubstitutedInTheIncludeStatementAndInsideTheGroup() {
        TestEnvironment env = TestEnvironment.user1()
                .member("USER1.JCL", "INDD",
                        "//        SET SUFFIX=OUT",
                        "//SYSUT1  DD DSN=&SYSUID..&HLQ..IN,DISP=SHR")
                .member("USER1.JCL", "RUN",
                        "//S1      EXEC PGM=IEBGENER",
                        "//        INCLUDE MEMBER=&GROUP");
        JclJob job = read(env, JOB, "//L JCLLIB ORDER=USER1.JCL", "// SET HLQ=TEST,GROUP=INDD",
                "// INCLUDE MEMBER=RUN", "//SYSUT2 DD DSN=USER1.&SUFFIX,DISP=SHR");
        assertThat(job.hasErrors()).isFalse();
        Step s1 = step(job, 0);
        assertThat(((DdSpec.Dataset) dd(s1, "SYSUT1")).dsname()).isEqualTo("USER1.TEST.IN");
        // a SET inside the group holds for the statements after it
        assertThat(((DdSpec.Dataset) dd(s1, "SYSUT2")).dsname()).isEqualTo("USER1.OUT");
        assertThat(job.jesjcl()).containsSubsequence(
                "        6 XX        INCLUDE MEMBER=&GROUP",
                "          IEFC653I SUBSTITUTION JCL - MEMBER=INDD",
                "        7 XX        SET SUFFIX=OUT",
                "        8 XXSYSUT1  DD DSN=&SYSUID..&HLQ..IN,DISP=SHR",
                "          IEFC653I SUBSTITUTION JCL - DSN=USER1.TEST.IN,DISP=SHR");
    }

    @Test
    void anIncludeInsideProceduresIsExpandedThere() {
        TestEnvironment env = env().member("USER1.JCL", "COPYP",
                "//COPYP   PROC IN=USER1.IN",
                "//COPY    EXEC PGM=IEBGENER",
                "//SYSUT1  DD DSN=&IN,DISP=SHR",
                "//        INCLUDE MEMBER=OUTDDS");
        JclJob cataloged = read(env, JOB, "//L JCLLIB ORDER=USER1.JCL", "//RUN EXEC COPYP,IN=USER1.OTHER",
                "//COPY.SYSIN DD DSN=USER1.CTL,DISP=SHR");
        assertThat(cataloged.hasErrors()).as("%s", cataloged.messages()).isFalse();
        Step copy = step(cataloged, 0);
        assertThat(copy.dds()).extracting(DdStatement::ddName).containsExactly("SYSUT1", "SYSUT2", "SYSIN");
        assertThat(((DdSpec.Dataset) dd(copy, "SYSIN")).dsname()).isEqualTo("USER1.CTL");
        assertThat(((DdSpec.Dataset) dd(copy, "SYSUT1")).dsname()).isEqualTo("USER1.OTHER");

        // an INCLUDE after a procedure call: its DD statements override the procedure's
        TestEnvironment withOverride = env.member("USER1.JCL", "OVR", "//COPY.SYSUT1 DD DSN=USER1.OVR,DISP=SHR");
        JclJob overridden = read(withOverride, JOB, "//L JCLLIB ORDER=USER1.JCL", "//RUN EXEC COPYP",
                "// INCLUDE MEMBER=OVR");
        assertThat(overridden.hasErrors()).as("%s", overridden.messages()).isFalse();
        assertThat(((DdSpec.Dataset) dd(step(overridden, 0), "SYSUT1")).dsname()).isEqualTo("USER1.OVR");

        List<String> cards = new ArrayList<>(List.of(JOB, "//L JCLLIB ORDER=USER1.JCL", "//P PROC",
                "//S EXEC PGM=IEBGENER", "// INCLUDE MEMBER=OUTDDS", "// PEND", "//RUN EXEC P"));
        JclJob instream = read(env, cards.toArray(String[]::new));
        assertThat(instream.hasErrors()).as("%s", instream.messages()).isFalse();
        assertThat(step(instream, 0).dds()).extracting(DdStatement::ddName).containsExactly("SYSUT2", "SYSIN");
        assertThat(instream.jesjcl()).containsSubsequence(
                "        5 // INCLUDE MEMBER=OUTDDS",
                "       10 ++ INCLUDE MEMBER=OUTDDS",
                "       11 ++SYSUT2  DD SYSOUT=*",
                "       13 ++ PEND");
        assertThat(instream.messages()).containsExactly(new JclMessage(10, "IEFC002I",
                "INCLUDE GROUP OUTDDS WAS EXPANDED USING PRIVATE LIBRARY USER1.JCL"));
    }
}
