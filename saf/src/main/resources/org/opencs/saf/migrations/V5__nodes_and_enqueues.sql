-- Registry schema 5: node membership (as XCF's couple data set) and data set serialization (as GRS's ENQs), global
-- to every node on the registry. docs/registry.md "Membership and ENQs (issue 12)".
-- One row per running node instance (a process that joined: opencs start); state ACTIVE while it heartbeats,
-- FAILED once a survivor (cleaner) has taken on releasing its ENQs and ending its jobs; the row goes when that is done.
CREATE TABLE nodes (
  instance VARCHAR(36) PRIMARY KEY,
  sysname VARCHAR(8) NOT NULL,
  host VARCHAR(255) NOT NULL,
  process_id BIGINT NOT NULL,
  started TIMESTAMP NOT NULL,
  heartbeat TIMESTAMP NOT NULL,
  state VARCHAR(8) NOT NULL,
  cleaner VARCHAR(36)
);
CREATE INDEX nodes_sysname ON nodes (sysname);
-- One row per granted ENQ: major name (qname, e.g. SYSDSN), minor name (rname, e.g. the data set name), exclusive or
-- shared, and the owner: the instance of the process holding it and the unit of work in it (a job ID, an FTP session).
CREATE TABLE enqueues (
  enq_id VARCHAR(36) PRIMARY KEY,
  qname VARCHAR(8) NOT NULL,
  rname VARCHAR(255) NOT NULL,
  exclusive_use BOOLEAN NOT NULL,
  owner_instance VARCHAR(36) NOT NULL,
  owner_unit VARCHAR(64) NOT NULL,
  sysname VARCHAR(8) NOT NULL,
  obtained TIMESTAMP NOT NULL
);
CREATE INDEX enqueues_resource ON enqueues (qname, rname);
CREATE INDEX enqueues_owner ON enqueues (owner_instance, owner_unit);
-- ENQ requests lock the rows of the buckets their resources hash to (in bucket order) for their transaction, so two
-- nodes deciding on one resource take turns while requests for unrelated resources mostly do not.
CREATE TABLE enq_locks (
  bucket INTEGER PRIMARY KEY
);
INSERT INTO enq_locks (bucket) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32), (33), (34), (35), (36), (37), (38), (39), (40), (41), (42), (43), (44), (45), (46), (47), (48), (49), (50), (51), (52), (53), (54), (55), (56), (57), (58), (59), (60), (61), (62), (63);
-- The node instance whose initiator runs an ACTIVE job, so a survivor can end the jobs of a failed node.
ALTER TABLE jes_jobs ADD COLUMN node_instance VARCHAR(36);
