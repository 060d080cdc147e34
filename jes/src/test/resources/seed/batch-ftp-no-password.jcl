//ALFREDA JOB 1,ALFRED,CLASS=A,MSGCLASS=X,NOTIFY=USER1
/**
/** test of client authentication
/**
/** FTP EXEC PGM=FTP,PARM='-a TLS'
//SYSTCPD DD DSN=USER1.TCPCS.TCPPARMS(TCPDATA),DISP=SHR
//SYSFWD DD DSN=USER1.TCPCS.TCPPARMS(FTPUSER1),DISP=SHR
//SYSPRINT DD SYSOUT=*
//INPUT DD *
;
; Test of client authentication
;
mvs098.tcp.raleigh.ibm.com 2021 (exit
user1
cd 'user1.alfred.cntl'
dir
quit
//OUTPUT DD SYSOUT=*
