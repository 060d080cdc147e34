package org.opencs.core.smf;

import static org.opencs.core.smf.Smf119Field.address;
import static org.opencs.core.smf.Smf119Field.date;
import static org.opencs.core.smf.Smf119Field.numeric;
import static org.opencs.core.smf.Smf119Field.text;
import static org.opencs.core.smf.Smf119Field.time;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMF type 119 records OpenCS writes, with IBM's subtype numbers, record names, TCP/IP subcomponent
 * ({@code SMF119TI_Comp}) and section layouts (z/OS Communications Server: IP Programmer's Guide and Reference,
 * "Type 119 SMF records": "TN3270E Telnet server SNA session initiation record (subtype 20)", "... termination record
 * (subtype 21)", "FTP server transfer completion record (subtype 70)", "FTP daemon configuration record (subtype 71)",
 * "FTP server logon failure record (subtype 72)",
 * "FTP client transfer completion record (subtype 3)"). Every record starts with the standard header's SMF system ID
 * and the common TCP/IP identification section ({@link #IDENTIFICATION}). Fields OpenCS has no value for (the load
 * module sections, the SOCKS section, Telnet's round-trip-time buckets) are left out of the layouts; a record may
 * also leave out a field of its layout that does not apply (no data connection for a rename).
 */
public enum Smf119Subtype {
    FTP_CLIENT_TRANSFER(3, "FTP client transfer completion", "FTPC",
            Smf119Section.of("FTP client transfer completion section",
                    text("SMF119FT_FCCmd", "FTP subcommand (according to RFC 959)"),
                    text("SMF119FT_FCFType", "Local file type (SEQ, JES, or SQL)"),
                    address("SMF119FT_FCDRIP", "Remote IP address (data connection)"),
                    address("SMF119FT_FCDLIP", "Local IP address (data connection)"),
                    numeric("SMF119FT_FCDRPort", "Remote port number (data connection)"),
                    numeric("SMF119FT_FCDLPort", "Local port number (data connection)"),
                    address("SMF119FT_FCCRIP", "Remote IP address (control connection)"),
                    address("SMF119FT_FCCLIP", "Local IP address (control connection)"),
                    numeric("SMF119FT_FCCRPort", "Remote port number (control connection)"),
                    numeric("SMF119FT_FCCLPort", "Local port number (control connection)"),
                    text("SMF119FT_FCRUser", "User ID (login name) on server"),
                    text("SMF119FT_FCLUser", "Local user ID"),
                    text("SMF119FT_FCType", "Data format (A ASCII, E EBCDIC, I Image, B Double-byte, U UCS-2)"),
                    text("SMF119FT_FCMode", "Transfer mode (B Block, C Compressed, S Stream)"),
                    text("SMF119FT_FCStruct", "Structure (F File, R Record)"),
                    text("SMF119FT_FCDSType", "Data set type (S SEQ, P PDS, H HFS)"),
                    time("SMF119FT_FCSTime", "Transmission start time of day"),
                    date("SMF119FT_FCSDate", "Transmission start date"),
                    time("SMF119FT_FCETime", "Transmission end time of day"),
                    date("SMF119FT_FCEDate", "Transmission end date"),
                    numeric("SMF119FT_FCDur", "File transmission duration in units of 1/100 seconds"),
                    numeric("SMF119FT_FCBytes", "Transmission byte count"),
                    text("SMF119FT_FCLReply", "Last server reply (3-digit RFC 959 code)"),
                    text("SMF119FT_FCM1", "PDS member name"),
                    text("SMF119FT_FCHostname", "Host name")),
            Smf119Section.of("FTP client transfer completion associated data set name section",
                    text("SMF119FT_FCFileName", "MVS data set or z/OS UNIX file name associated with the transfer")),
            Smf119Section.of("FTP client transfer completion security section",
                    text("SMF119FT_FCMechanism", "Protection mechanism (N None, T TLS, G GSSAPI, A AT-TLS)"),
                    text("SMF119FT_FCCProtect", "Control connection protection level (N None, C Clear, S Safe, P Private)"),
                    text("SMF119FT_FCDProtect", "Data connection protection level (N None, C Clear, S Safe, P Private)"),
                    text("SMF119FT_FCLoginMech", "Login method (U not defined for the FTP client)"),
                    text("SMF119FT_FCProtoLevel", "Protocol level (TLS or AT-TLS only)"),
                    text("SMF119FT_FCCipherSpec", "Cipher specification (TLS or AT-TLS only)")),
            Smf119Section.of("FTP client transfer completion user name section",
                    text("SMF119FT_FCUserID", "User name or user ID used to log into the FTP server"))),

    TN3270_SESSION_INIT(20, "TN3270E Telnet server SNA session initiation", "TN3270S",
            Smf119Section.of("TN3270E Telnet server SNA session initiation section",
                    text("SMF119TN_NILU", "Telnet LU name"),
                    text("SMF119TN_NIAppl", "Host application name"),
                    address("SMF119TN_NIRIP", "Remote IP address"),
                    address("SMF119TN_NILIP", "Local IP address"),
                    numeric("SMF119TN_NIRPort", "Remote (client) port number"),
                    numeric("SMF119TN_NILPort", "Local port number"),
                    time("SMF119TN_NITime", "Time of day of session initiation"),
                    date("SMF119TN_NIDate", "Date of session initiation"))),

    TN3270_SESSION_TERM(21, "TN3270E Telnet server SNA session termination", "TN3270S",
            Smf119Section.of("TN3270E Telnet server SNA session termination section",
                    text("SMF119TN_NTLU", "Telnet LU name"),
                    text("SMF119TN_NTAppl", "Host application name"),
                    address("SMF119TN_NTRIP", "Remote (client) IP address"),
                    address("SMF119TN_NTLIP", "Local (Telnet) IP address"),
                    numeric("SMF119TN_NTRPort", "Remote (client) port number"),
                    numeric("SMF119TN_NTLPort", "Local (Telnet) port number"),
                    numeric("SMF119TN_NTInByte", "Inbound byte count"),
                    numeric("SMF119TN_NTOutByte", "Outbound byte count"),
                    time("SMF119TN_NTiTime", "Time of session initiation"),
                    date("SMF119TN_NTiDate", "Date of session initiation"),
                    time("SMF119TN_NTtTime", "Time of session termination"),
                    date("SMF119TN_NTtDate", "Date of session termination"),
                    numeric("SMF119TN_NTDur", "Session duration in units of 1/100 seconds"),
                    numeric("SMF119TN_NTSType", "Telnet session type (1 TN3270, 2 TN3270E)"),
                    numeric("SMF119TN_NTLUSel", "LU selection method (0 chosen by server, 1 requested by client)"),
                    numeric("SMF119TN_NTSSL", "SSL status (0 none, 1 server authentication, 2 server and client)"),
                    text("SMF119TN_NTDevt", "Telnet device type"))),

    FTP_SERVER_TRANSFER(70, "FTP server transfer completion", "FTPS",
            Smf119Section.of("FTP server transfer completion section",
                    numeric("SMF119FT_FSOper", "FTP operation (1 Append, 2 Delete, 3 Rename, 4 Retrieve, 5 Store, 6 Store Unique)"),
                    text("SMF119FT_FSCmd", "FTP command (according to RFC 959)"),
                    text("SMF119FT_FSFType", "File type (SEQ, JES, or SQL)"),
                    address("SMF119FT_FSDRIP", "Remote IP address (data connection)"),
                    address("SMF119FT_FSDLIP", "Local IP address (data connection)"),
                    numeric("SMF119FT_FSDRPort", "Remote port number (data connection - client)"),
                    numeric("SMF119FT_FSDLPort", "Local port number (data connection - server)"),
                    address("SMF119FT_FSCRIP", "Remote IP address (control connection)"),
                    address("SMF119FT_FSCLIP", "Local IP address (control connection)"),
                    numeric("SMF119FT_FSCRPort", "Remote port number (control connection - client)"),
                    numeric("SMF119FT_FSCLPort", "Local port number (control connection - server)"),
                    text("SMF119FT_FSSUser", "Client user ID on server"),
                    text("SMF119FT_FSType", "Data type (A ASCII, E EBCDIC, I Image, B Double-byte, U UCS-2)"),
                    text("SMF119FT_FSMode", "Transmission mode (B Block, C Compressed, S Stream)"),
                    text("SMF119FT_FSStruct", "Data structure (F File, R Record)"),
                    text("SMF119FT_FSDsType", "Data set type (S SEQ, P PDS, H HFS)"),
                    time("SMF119FT_FSSTime", "Transmission start time of day"),
                    date("SMF119FT_FSSDate", "Transmission start date"),
                    time("SMF119FT_FSETime", "Transmission end time of day"),
                    date("SMF119FT_FSEDate", "Transmission end date"),
                    numeric("SMF119FT_FSDur", "File transmission duration in units of 1/100 seconds"),
                    numeric("SMF119FT_FSBytes", "Transmission byte count"),
                    text("SMF119FT_FSLReply", "Last reply to client (3-digit RFC 959 code)"),
                    text("SMF119FT_FSM1", "PDS member name"),
                    text("SMF119FT_FSM2", "Second PDS member name (if rename operation)"),
                    text("SMF119FT_FSSessionID", "FTP activity logging session ID")),
            Smf119Section.of("FTP server transfer completion host name section",
                    text("SMF119FT_FSHostname", "Host name")),
            Smf119Section.of("FTP server transfer completion first associated data set name section",
                    text("SMF119FT_FSFileName1", "Server MVS data set or z/OS UNIX file name of the transfer or rename")),
            Smf119Section.of("FTP server transfer completion second associated data set name section",
                    text("SMF119FT_FSFileName2", "Second MVS data set or z/OS UNIX file name (new name of a rename)")),
            Smf119Section.of("FTP server transfer completion security section",
                    text("SMF119FT_FSMechanism", "Protection mechanism (N None, T TLS, G GSSAPI, A AT-TLS)"),
                    text("SMF119FT_FSCProtect", "Control connection protection level (N None, C Clear, S Safe, P Private)"),
                    text("SMF119FT_FSDProtect", "Data connection protection level (N None, C Clear, S Safe, P Private)"),
                    text("SMF119FT_FSLoginMech", "Login method (P Password, C Certificate, T Kerberos ticket)"),
                    text("SMF119FT_FSProtoLevel", "Protocol level (TLS or AT-TLS only)"),
                    text("SMF119FT_FSCipherSpec", "Cipher specification (TLS or AT-TLS only)"))),

    /**
     * IBM's sections (the daemon identification section, the general configuration section of fixed-length values and
     * the configuration data section of variable-length values, one entry per statement); IBM keys the data section's
     * entries by statement, here each entry is a field. The field names follow IBM's SMF119FT_FD prefix and name the
     * FTP.DATA statement they hold (see docs/diagnostics.md, "SMF type 119 records").
     */
    FTP_DAEMON_CONFIG(71, "FTP daemon configuration", "FTPS",
            Smf119Section.of("FTP daemon identification section",
                    text("SMF119FT_FDJobName", "FTP daemon job name"),
                    time("SMF119FT_FDSTime", "Time of day the daemon started listening"),
                    date("SMF119FT_FDSDate", "Date the daemon started listening")),
            Smf119Section.of("FTP daemon general configuration section",
                    numeric("SMF119FT_FDPort", "Listening port (control connections)"),
                    numeric("SMF119FT_FDTlsPort", "TLSPORT: implicit TLS listening port"),
                    text("SMF119FT_FDSecureFtp", "SECURE_FTP (ALLOWED, REQUIRED)"),
                    text("SMF119FT_FDSecureLogin", "SECURE_LOGIN (NO_CLIENT_AUTH, REQUIRED, VERIFY_USER)"),
                    text("SMF119FT_FDSecurePassword", "SECURE_PASSWORD (REQUIRED, OPTIONAL)"),
                    text("SMF119FT_FDSecureCtrlConn", "SECURE_CTRLCONN (CLEAR, SAFE, PRIVATE)"),
                    text("SMF119FT_FDSecureDataConn", "SECURE_DATACONN (NEVER, CLEAR, SAFE, PRIVATE)"),
                    numeric("SMF119FT_FDSecurePbsz", "SECURE_PBSZ: protection buffer size"),
                    text("SMF119FT_FDSecureReuse", "SECURE_SESSION_REUSE (ALLOWED, REQUIRED, NONE)"),
                    text("SMF119FT_FDSecureImplicit", "SECUREIMPLICITZOS (TRUE, FALSE)"),
                    text("SMF119FT_FDTlsMechanism", "TLSMECHANISM (FTP, ATTLS)"),
                    text("SMF119FT_FDTlsRfcLevel", "TLSRFCLEVEL (DRAFT, RFC4217, CCCNONOTIFY)"),
                    numeric("SMF119FT_FDTlsTimeout", "TLSTIMEOUT: seconds before a full TLS handshake is redone"),
                    numeric("SMF119FT_FDInactive", "INACTIVE: idle control connection time-out in seconds"),
                    numeric("SMF119FT_FDDataTimeout", "DATATIMEOUT: data transfer time-out in seconds"),
                    text("SMF119FT_FDFtpLogging", "FTPLOGGING: activity log (TRUE, FALSE)"),
                    text("SMF119FT_FDStartDir", "STARTDIRECTORY (MVS, HFS)")),
            Smf119Section.of("FTP daemon configuration data section",
                    text("SMF119FT_FDKeyring", "KEYRING: key database or key ring"),
                    text("SMF119FT_FDCipherSuite", "CIPHERSUITE: the cipher suites named, blank-separated"))),

    FTP_SERVER_LOGON_FAILURE(72, "FTP server logon failure", "FTPS",
            Smf119Section.of("FTP server logon failure section",
                    address("SMF119FT_FFRIP", "Remote IP address"),
                    address("SMF119FT_FFLIP", "Local IP address"),
                    numeric("SMF119FT_FFRPort", "Remote port number (client)"),
                    numeric("SMF119FT_FFLPort", "Local port number (server)"),
                    text("SMF119FT_FFUserID", "Client user ID received by server"),
                    numeric("SMF119FT_FFReason", "Login failure reason (1 password not valid, 2 password expired, "
                            + "3 user ID revoked, 4 no server access, 6 excessive bad passwords)"),
                    text("SMF119FT_FFSessionID", "FTP activity logging session ID")),
            Smf119Section.of("FTP server logon failure security section",
                    text("SMF119FT_FFMechanism", "Protection mechanism (N None, T TLS, G GSSAPI, A AT-TLS)"),
                    text("SMF119FT_FFCProtect", "Control connection protection level (N None, C Clear, S Safe, P Private)"),
                    text("SMF119FT_FFDProtect", "Data connection protection level (N None, C Clear, S Safe, P Private)"),
                    text("SMF119FT_FFLoginMech", "Login method (P Password, C Certificate, T Kerberos ticket, - undetermined)"),
                    text("SMF119FT_FFProtoLevel", "Protocol level (TLS or AT-TLS only)"),
                    text("SMF119FT_FFCipherSpec", "Cipher specification (TLS or AT-TLS only)")));

    /** The standard SMF header's system ID and IBM's common TCP/IP identification section, in every record. */
    public static final Smf119Section IDENTIFICATION = IdentificationHolder.SECTION;

    private final int number;
    private final String title;
    private final String component;
    private final List<Smf119Section> sections;
    private final Map<String, Smf119Field> fields;

    Smf119Subtype(int number, String title, String component, Smf119Section... sections) {
        this.number = number;
        this.title = title;
        this.component = component;
        List<Smf119Section> all = new ArrayList<>();
        all.add(IdentificationHolder.SECTION);
        all.addAll(List.of(sections));
        this.sections = List.copyOf(all);
        Map<String, Smf119Field> byName = new LinkedHashMap<>();
        for (Smf119Section section : this.sections) {
            for (Smf119Field field : section.fields()) {
                byName.put(field.name(), field);
            }
        }
        this.fields = Collections.unmodifiableMap(byName);
    }

    /** IBM's subtype number (offset 22 of the standard header). */
    public int number() {
        return number;
    }

    /** IBM's record name ("FTP server transfer completion"). */
    public String title() {
        return title;
    }

    /** The TCP/IP subcomponent IBM writes in SMF119TI_Comp for this record. */
    public String component() {
        return component;
    }

    /** The identification section first, then the record's own sections, in IBM's order. */
    public List<Smf119Section> sections() {
        return sections;
    }

    /** Every field of the record by name, in layout order. */
    public Map<String, Smf119Field> fields() {
        return fields;
    }

    /** The subtype with IBM's number {@code number}, if OpenCS writes it. */
    public static Optional<Smf119Subtype> of(int number) {
        for (Smf119Subtype subtype : values()) {
            if (subtype.number == number) {
                return Optional.of(subtype);
            }
        }
        return Optional.empty();
    }

    /** The enum constants cannot read a static field of their own class while they are built: this holder can. */
    private static final class IdentificationHolder {
        static final Smf119Section SECTION = Smf119Section.of("TCP/IP identification section",
                text("SMF119SID", "SMF system ID (SMFID)"),
                text("SMF119TI_SYSName", "System name from SYSNAME in IEASYSxx"),
                text("SMF119TI_SysplexName", "Sysplex name from SYSPLEX in COUPLExx"),
                text("SMF119TI_Stack", "TCP/IP stack name"),
                text("SMF119TI_ReleaseID", "z/OS Communications Server TCP/IP release identifier"),
                text("SMF119TI_Comp", "TCP/IP subcomponent (FTPC, FTPS, TN3270S ...)"),
                text("SMF119TI_ASName", "Started task qualifier or address space name of the writer"),
                text("SMF119TI_UserID", "User ID of the security context writing this record"),
                numeric("SMF119TI_ASID", "ASID of the address space that writes this record"),
                numeric("SMF119TI_Reason", "Reason for writing this record (8: X'08' event record)"));
    }
}
