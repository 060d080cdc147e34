-- Registry schema 4: the JES2 job queue and spool index (the JES checkpoint). Spool data itself lives under spool/.
-- One row per job from submission until it is purged; status INPUT (waiting for an initiator), ACTIVE (running on
-- node/host/process_id/instance), OUTPUT (ended: completion_type RC/ABEND/JCL/CANCELED with completion_code).
CREATE TABLE jes_jobs (
  job_id VARCHAR(8) PRIMARY KEY,
  job_number INTEGER NOT NULL UNIQUE,
  job_name VARCHAR(8) NOT NULL,
  owner VARCHAR(8) NOT NULL,
  submitter VARCHAR(8) NOT NULL,
  job_class VARCHAR(8) NOT NULL,
  msg_class VARCHAR(1) NOT NULL,
  programmer VARCHAR(64),
  notify_user VARCHAR(8),
  status VARCHAR(6) NOT NULL,
  held BOOLEAN NOT NULL,
  cancel_requested BOOLEAN NOT NULL,
  purge_requested BOOLEAN NOT NULL,
  completion_type VARCHAR(8),
  completion_code VARCHAR(8),
  submitted TIMESTAMP NOT NULL,
  started TIMESTAMP,
  ended TIMESTAMP,
  node VARCHAR(8),
  host VARCHAR(255),
  process_id BIGINT,
  instance VARCHAR(36),
  initiator INTEGER,
  current_step VARCHAR(8),
  cards_read INTEGER NOT NULL
);
CREATE INDEX jes_jobs_queue ON jes_jobs (status, held, submitted, job_number);
CREATE INDEX jes_jobs_owner ON jes_jobs (owner, job_name);
-- Spool files of a job: 1 JESMSGLG, 2 JESJCL, 3 JESYSMSG, then one per SYSOUT DD per step; file is the name of the
-- data file under spool/<job_id>/.
CREATE TABLE jes_spool_files (
  job_id VARCHAR(8) NOT NULL,
  file_id INTEGER NOT NULL,
  step_name VARCHAR(8),
  proc_step VARCHAR(8),
  sysout_class VARCHAR(1) NOT NULL,
  dd_name VARCHAR(8) NOT NULL,
  byte_count BIGINT NOT NULL,
  record_count BIGINT NOT NULL,
  file_name VARCHAR(64) NOT NULL,
  PRIMARY KEY (job_id, file_id)
);
-- Job numbering: the last number given out (1-99999, wrapping); the row is locked while a number is chosen, so two
-- processes or nodes never hand out the same job ID.
CREATE TABLE jes_job_numbers (
  id INTEGER PRIMARY KEY,
  last_number INTEGER NOT NULL
);
INSERT INTO jes_job_numbers (id, last_number) VALUES (1, 0);
