package org.opencs.jes.exec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.opencs.core.SystemConfig;
import org.opencs.core.SystemHome;
import org.opencs.core.ZosException;

/**
 * JES2's settings from {@code system.conf}: {@code jes.initiators} (how many jobs run at once; default 2),
 * {@code jes.proclib} (the system procedure libraries searched after JCLLIB ORDER, comma-separated; default
 * SYS1.PROCLIB) and {@code jes.node} (the JES2 node name in $HASP165 and JESSPOOL profiles; default N1, JES2's
 * default NJEDEF OWNNODE name), {@code jes.classes} (the job classes the initiators select, as JES2's INITDEF/INIT
 * CLASS= lists them: one character each, e.g. {@code AB}; default: every class, so no job waits for want of one),
 * with the SYSNAME and SMF ID of the system. A job of a class no initiator selects waits on the INPUT queue, as on z/OS.
 */
public record JesConfig(String sysname, String smfid, String node, int initiators, List<String> procLibraries,
                        String classes) {
    public static final int DEFAULT_INITIATORS = 2;

    public JesConfig {
        procLibraries = List.copyOf(procLibraries);
    }

    /** Whether the initiators select jobs of {@code jobClass}. */
    public boolean selects(String jobClass) {
        return classes.isEmpty() || (jobClass.length() == 1 && classes.contains(jobClass));
    }

    public static JesConfig load(SystemHome home, SystemConfig config) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(home.systemConf(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            // SystemConfig has already read it; a file gone since leaves the defaults.
        }
        String initiatorsText = properties.getProperty("jes.initiators", String.valueOf(DEFAULT_INITIATORS)).trim();
        int initiators;
        try {
            initiators = Integer.parseInt(initiatorsText);
        } catch (NumberFormatException e) {
            initiators = -1;
        }
        if (initiators < 0 || initiators > 999) {
            throw new ZosException("OCS0006E", "system.conf: jes.initiators '"
                    + org.opencs.core.Values.quoteForMessage(initiatorsText) + "' is not a number from 0 to 999.");
        }
        List<String> libraries = new ArrayList<>();
        for (String name : properties.getProperty("jes.proclib", "SYS1.PROCLIB").split(",")) {
            if (!name.isBlank()) {
                libraries.add(name.trim().toUpperCase(Locale.ROOT));
            }
        }
        String node = properties.getProperty("jes.node", "N1").trim().toUpperCase(Locale.ROOT);
        if (!node.matches("[A-Z0-9#$@]{1,8}")) {
            throw new ZosException("OCS0006E", "system.conf: jes.node '" + org.opencs.core.Values.quoteForMessage(node)
                    + "' must be 1 to 8 characters A-Z, 0-9, #, $ or @.");
        }
        String classes = properties.getProperty("jes.classes", "").trim().toUpperCase(Locale.ROOT);
        if (!classes.matches("[A-Z0-9]{0,36}") || classes.chars().distinct().count() != classes.length()) {
            throw new ZosException("OCS0006E", "system.conf: jes.classes '"
                    + org.opencs.core.Values.quoteForMessage(classes)
                    + "' must list job classes A-Z and 0-9, each once (for example AB), or be empty for all.");
        }
        return new JesConfig(config.sysname(), config.smfid(), node, initiators, libraries, classes);
    }
}
