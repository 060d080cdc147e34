-- Registry schema 1: users, general resource profiles with access lists, system options, PassTicket replay records.
-- ${bytes} is the dialect's binary type (H2: VARBINARY, PostgreSQL: BYTEA).
CREATE TABLE users (
  userid VARCHAR(8) PRIMARY KEY,
  name VARCHAR(20),
  owner VARCHAR(8) NOT NULL,
  password_hash VARCHAR(255),
  password_expired BOOLEAN NOT NULL,
  phrase_hash VARCHAR(255),
  special BOOLEAN NOT NULL,
  revoked BOOLEAN NOT NULL,
  failed_logons INTEGER NOT NULL,
  omvs_uid BIGINT,
  omvs_home VARCHAR(1023),
  created TIMESTAMP NOT NULL,
  last_logon TIMESTAMP
);
CREATE TABLE resource_profiles (
  class_name VARCHAR(8) NOT NULL,
  profile VARCHAR(246) NOT NULL,
  owner VARCHAR(8) NOT NULL,
  uacc VARCHAR(8) NOT NULL,
  appldata VARCHAR(255),
  ssignon ${bytes},
  ptkt_enhanced BOOLEAN NOT NULL,
  ptkt_type VARCHAR(5),
  ptkt_timeout INTEGER,
  ptkt_replay BOOLEAN,
  created TIMESTAMP NOT NULL,
  PRIMARY KEY (class_name, profile)
);
CREATE TABLE access_list (
  class_name VARCHAR(8) NOT NULL,
  profile VARCHAR(246) NOT NULL,
  userid VARCHAR(8) NOT NULL,
  access_level VARCHAR(8) NOT NULL,
  PRIMARY KEY (class_name, profile, userid)
);
CREATE TABLE system_options (
  name VARCHAR(64) PRIMARY KEY,
  option_value VARCHAR(1024) NOT NULL
);
CREATE TABLE ptkt_used (
  userid VARCHAR(8) NOT NULL,
  appl VARCHAR(8) NOT NULL,
  ticket VARCHAR(8) NOT NULL,
  generated BIGINT NOT NULL,
  used_at TIMESTAMP NOT NULL,
  PRIMARY KEY (userid, appl, ticket, generated)
);
