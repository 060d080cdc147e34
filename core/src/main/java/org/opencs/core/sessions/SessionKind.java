package org.opencs.core.sessions;

/** What a live session is: an FTP control connection, a TN3270E connection, or a browser's web session. */
public enum SessionKind { FTP, TN3270, WEB }
