package org.opencs.tn3270.server;

import java.nio.charset.Charset;
import java.util.function.Supplier;
import org.opencs.saf.Registry;
import org.opencs.tn3270.apps.Transaction;
import org.slf4j.Logger;

/** What every session of one port shares: registry, LU pool, code page, the first transaction and the log. */
record Tn3270ServerContext(Registry registry, LuPool luPool, Charset codePage, Supplier<Transaction> firstTransaction,
                           Logger log) {
}
