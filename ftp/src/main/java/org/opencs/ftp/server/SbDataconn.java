package org.opencs.ftp.server;

import java.util.Locale;
import org.opencs.core.CodePage;

/**
 * The SBDATACONN setting as the z/OS FTP server uses it for z/OS UNIX files (IBM z/OS IP Configuration Reference,
 * SBDATACONN statement; IBM z/OS IP Configuration Guide, "ASCII file transfers"): {@code (file_system_cp,network_cp)}
 * converts between the two code pages and tags every file stored in TYPE A with the file system code page; a table
 * ({@code FTP_STANDARD_TABLE}, a data set name) converts IBM-1047 to ISO8859-1 and tags nothing.
 *
 * @param file    the file system code page (text in untagged files is taken to be in it)
 * @param network the network transfer code page
 * @param tags    whether TYPE A uploads are tagged with {@code file}
 */
record SbDataconn(CodePage file, CodePage network, boolean tags) {
    static SbDataconn of(String setting) {
        String v = setting.trim();
        if (v.startsWith("(") && v.contains(",")) {
            String[] pair = v.substring(1, v.endsWith(")") ? v.length() - 1 : v.length()).split(",", 2);
            var file = CodePage.find(pair[0]);
            var network = CodePage.find(pair[1]);
            if (file.isPresent() && network.isPresent()) {
                return new SbDataconn(file.get(), network.get(), true);
            }
        }
        String name = v.toUpperCase(Locale.ROOT);
        var network = name.startsWith("FTP_STANDARD") ? java.util.Optional.<CodePage>empty() : CodePage.find(name);
        return new SbDataconn(CodePage.IBM_1047, network.orElse(CodePage.ISO8859_1), false);
    }
}
