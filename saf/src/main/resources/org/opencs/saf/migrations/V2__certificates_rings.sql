-- Registry schema 2: digital certificates (RACDCERT), key rings and their members.
-- owner is CERTAUTH, SITE or a user ID; private keys are PKCS #8 sealed with the master key.
CREATE TABLE certificates (
  owner VARCHAR(8) NOT NULL,
  label VARCHAR(32) NOT NULL,
  certificate ${bytes} NOT NULL,
  private_key ${bytes},
  trust VARCHAR(9) NOT NULL,
  subject VARCHAR(1024) NOT NULL,
  issuer VARCHAR(1024) NOT NULL,
  serial VARCHAR(80) NOT NULL,
  created TIMESTAMP NOT NULL,
  PRIMARY KEY (owner, label)
);
CREATE TABLE key_rings (
  owner VARCHAR(8) NOT NULL,
  name VARCHAR(237) NOT NULL,
  created TIMESTAMP NOT NULL,
  PRIMARY KEY (owner, name)
);
CREATE TABLE ring_members (
  ring_owner VARCHAR(8) NOT NULL,
  ring_name VARCHAR(237) NOT NULL,
  cert_owner VARCHAR(8) NOT NULL,
  cert_label VARCHAR(32) NOT NULL,
  usage_type VARCHAR(8) NOT NULL,
  is_default BOOLEAN NOT NULL,
  PRIMARY KEY (ring_owner, ring_name, cert_owner, cert_label)
);
