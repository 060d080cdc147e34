-- Registry schema 3: certificate name filters (RACDCERT MAP): certificates whose subject and/or issuer names end with
-- the filter's components map to the user; filters are stored in RACF's dotted form, most specific part first.
CREATE TABLE certificate_maps (
  userid VARCHAR(8) NOT NULL,
  label VARCHAR(32) NOT NULL,
  sdn_filter VARCHAR(1024),
  idn_filter VARCHAR(1024),
  trusted BOOLEAN NOT NULL,
  created TIMESTAMP NOT NULL,
  PRIMARY KEY (userid, label)
);
