#!/usr/bin/env python3
"""Independent PassTicket implementation for cross-checking OpenCS (written from shared/reference/passticket.md).

DES comes from the openssl command (legacy provider); HMAC-SHA-512 from Python's standard library.
usage: passticket_reference.py legacy|upper|mixed KEYHEX USER APPL EPOCH
"""
import hashlib
import hmac
import subprocess
import sys

EBCDIC = {c: b for c, b in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#$@",
                                 bytes.fromhex("C1C2C3C4C5C6C7C8C9D1D2D3D4D5D6D7D8D9E2E3E4E5E6E7E8E9"
                                               "F0F1F2F3F4F5F6F7F8F97B5B7C"))}


def ebcdic(name):
    return bytes(EBCDIC[c] for c in name.upper())


def pad8(name):
    return ebcdic(name).ljust(8, b"\x40")


def des(key, block):
    out = subprocess.run(["openssl", "enc", "-des-ecb", "-nopad", "-K", key.hex(), "-provider", "legacy",
                          "-provider", "default"], input=block, capture_output=True, check=True).stdout
    return out[:8]


PERMS = [[10, 2, 12, 4, 14, 6, 16, 8, 9, 1, 11, 3, 13, 5, 15, 7],
         [1, 10, 3, 12, 13, 16, 7, 15, 9, 2, 11, 4, 5, 14, 8, 6],
         [3, 10, 1, 12, 13, 16, 9, 15, 7, 2, 14, 4, 5, 11, 8, 6],
         [10, 4, 12, 2, 14, 8, 16, 6, 9, 1, 13, 3, 11, 5, 15, 7],
         [4, 10, 12, 1, 8, 16, 14, 5, 9, 2, 13, 3, 11, 7, 15, 6],
         [1, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]]


def bits(value, width):
    return [(value >> (width - 1 - i)) & 1 for i in range(width)]


def legacy(key, user, appl, t):
    r1 = des(key, pad8(user))
    r2 = des(key, bytes(a ^ b for a, b in zip(r1, pad8(appl))))
    r4 = int.from_bytes(r2[:4], "big") ^ (t & 0xFFFFFFFF)
    pad = (ebcdic(user) + b"\x55" * 12)[:12]
    left, right = r4 >> 16, r4 & 0xFFFF
    for r in range(1, 7):
        c = des(key, right.to_bytes(2, "big") + (pad[:6] if r % 2 else pad[6:]))
        e = int.from_bytes(c[:2], "big") ^ left
        eb = bits(e, 16)
        left, right = right, int("".join(str(eb[p - 1]) for p in PERMS[r - 1]), 2)
    r5 = bits((left << 16) | right, 32)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    groups = [[31, 32, 1, 2, 3, 4]] + [list(range(4 * k - 5, 4 * k + 1)) for k in range(2, 9)]
    return "".join(alphabet[int("".join(str(r5[b - 1]) for b in g), 2) % 36] for g in groups)


def enhanced(key, user, appl, t, upper):
    ua = pad8(user) + pad8(appl)
    h = hmac.new(key, ua, hashlib.sha512).digest()
    b = bytes(x ^ y for x, y in zip(t.to_bytes(6, "big"), h[:6]))
    left, right = b[:3], b[3:]
    for r in range(1, 7):
        f = hmac.new(key, right + bytes([r]) + ua, hashlib.sha512).digest()
        x = bytearray(a ^ c for a, c in zip(left, f[:3]))
        if upper and r % 2:
            x[0] &= 1
        left, right = right, bytes(x)
    v = int.from_bytes(left + right, "big")
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
    base = 36 if upper else 64
    out = []
    for _ in range(8):
        out.append(alphabet[v % base])
        v //= base
    return "".join(reversed(out))


if __name__ == "__main__":
    kind, key, user, appl, t = sys.argv[1], bytes.fromhex(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
    print(legacy(key, user, appl, t) if kind == "legacy" else enhanced(key, user, appl, t, kind == "upper"))
