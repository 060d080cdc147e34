package org.opencs.tn3270.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One IPGROUP entry (or an address in LUMAP/PRTMAP): an address, ADDRESS:MASK (z/OS's subnet form), ADDRESS/PREFIX,
 * or a range ADDRESS1..ADDRESS2. Only literal IPv4 or IPv6 addresses: a host name here would mean a DNS lookup for
 * every connection.
 */
public record AddressPattern(String text, BigInteger low, BigInteger high, int length) {

    public static AddressPattern parse(String text) {
        String t = text.trim();
        if (t.contains("..")) {
            String[] ends = t.split("\\.\\.", 2);
            byte[] first = literal(ends[0]);
            byte[] last = literal(ends[1]);
            if (first.length != last.length || new BigInteger(1, first).compareTo(new BigInteger(1, last)) > 0) {
                throw new IllegalArgumentException(text + " is not a range from a lower to a higher address of one family");
            }
            return new AddressPattern(t, new BigInteger(1, first), new BigInteger(1, last), first.length);
        }
        int prefix;
        byte[] address;
        int colon = t.indexOf(':');
        if (t.contains("/")) {
            address = literal(t.substring(0, t.indexOf('/')));
            prefix = number(t.substring(t.indexOf('/') + 1), address.length * 8, text);
        } else if (colon > 0 && t.indexOf('.') > 0 && t.indexOf('.') < colon) {
            address = literal(t.substring(0, colon));
            byte[] mask = literal(t.substring(colon + 1));
            prefix = new BigInteger(1, mask).bitCount();
            if (mask.length != 4 || !new BigInteger(1, mask).equals(ones(32).xor(ones(32 - prefix)))) {
                throw new IllegalArgumentException(text + ": " + t.substring(colon + 1) + " is not a subnet mask");
            }
        } else {
            address = literal(t);
            prefix = address.length * 8;
        }
        BigInteger host = ones(address.length * 8 - prefix);
        BigInteger low = new BigInteger(1, address).andNot(host);
        return new AddressPattern(t, low, low.or(host), address.length);
    }

    public boolean matches(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != length) {
            return false;
        }
        BigInteger value = new BigInteger(1, bytes);
        return value.compareTo(low) >= 0 && value.compareTo(high) <= 0;
    }

    private static BigInteger ones(int bits) {
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }

    private static int number(String text, int max, String entry) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(entry + ": the prefix length must be 0.." + max);
    }

    private static byte[] literal(String text) {
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.matches("[0-9A-Fa-f:]+") && text.contains(":");
        if (v4 && java.util.Arrays.stream(text.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            v4 = false;
        }
        if (!v4 && !v6) {
            throw new IllegalArgumentException(text + " is not an IPv4 or IPv6 address");
        }
        try {
            return InetAddress.getByName(text).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text + " is not an IP address");
        }
    }
}
