package org.opencs.saf.grs;

/**
 * How an ENQ holds its resource, as the ENQ macro's SHR/EXC operand: SHARED lets other SHARED requests in (readers,
 * DISP=SHR), EXCLUSIVE lets no other owner in (writers, DISP=OLD/NEW/MOD). Source: z/OS MVS Programming: Assembler
 * Services Reference, "ENQ - Request control of a serially reusable resource".
 */
public enum EnqMode {
    SHARED,
    EXCLUSIVE
}
