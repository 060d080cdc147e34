package org.opencs.jes;

/** The JES2 queue a job is on: waiting for an initiator, running, or ended with its output on the spool. */
public enum JobStatus { INPUT, ACTIVE, OUTPUT }
