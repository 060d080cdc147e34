package org.opencs.tn3270.config;

import java.util.List;
import java.util.Map;

/**
 * BEGINVTAM ... ENDVTAM: which application a session starts (DEFAULTAPPL; none: the USS logon screen), and which LU
 * names terminals and printers get. Without mapping every terminal takes the next DEFAULTLUS name (TCP00001, TCP00002
 * ... when there is no DEFAULTLUS) and every printer the next DEFAULTPRT name (PRT00001 ...). LUMAP gives the clients
 * an IPGROUP (or a single address) names their own LUGROUP, optionally paired with a PRTGROUP: the n-th LU of the
 * group is associated with the n-th printer (what a printer emulator's ASSOCIATE asks for); PRTMAP does the same for
 * printers. LU entries are names or NAME1..NAME2 ranges; IPGROUP entries are addresses, ADDRESS:MASK, ADDRESS/PREFIX
 * or ADDRESS1..ADDRESS2 ranges.
 */
public record VtamConfig(String defaultAppl, boolean ussTcp, List<String> defaultLus, List<String> defaultPrts,
                         Map<String, List<String>> ipGroups, Map<String, List<String>> luGroups,
                         Map<String, List<String>> prtGroups, List<LuMap> luMaps, List<PrtMap> prtMaps) {

    /** LUMAP: clients matching {@code client} (an IPGROUP name or an address) take LUs from {@code luGroup}. */
    public record LuMap(String luGroup, String client, String prtGroup) {
    }

    /** PRTMAP: printers of clients matching {@code client} take names from {@code prtGroup}. */
    public record PrtMap(String prtGroup, String client) {
    }

    public VtamConfig {
        defaultLus = List.copyOf(defaultLus);
        defaultPrts = List.copyOf(defaultPrts);
        ipGroups = Map.copyOf(ipGroups);
        luGroups = Map.copyOf(luGroups);
        prtGroups = Map.copyOf(prtGroups);
        luMaps = List.copyOf(luMaps);
        prtMaps = List.copyOf(prtMaps);
    }

    /** BEGINVTAM with DEFAULTAPPL only (or none: the USS screen). */
    public static VtamConfig defaultAppl(String defaultAppl) {
        return new VtamConfig(defaultAppl, defaultAppl == null, List.of(), List.of(), Map.of(), Map.of(), Map.of(),
                List.of(), List.of());
    }
}
