"""The store's tables. Bump SCHEMA_VERSION whenever a table changes shape.

Shape follows ../shared/design.md: organisations, dated relationships, areas with
vintages, one compact row per postcode, figures with dates, and an import log.
Every fact row names the file it came from (``source``).
"""

SCHEMA_VERSION = 6

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE import_log (
  source   TEXT NOT NULL,     -- dataset folder, e.g. epraccur
  file     TEXT NOT NULL,     -- file name inside it
  sha256   TEXT NOT NULL,
  as_of    TEXT,              -- ISO date the file describes
  rows     INTEGER NOT NULL,  -- data rows read
  rejects  INTEGER NOT NULL,
  previous_rows INTEGER,      -- rows the build this one replaced read from the same file (NULL: none)
  PRIMARY KEY (source, file)
);

CREATE TABLE reject (file TEXT NOT NULL, line INTEGER, reason TEXT NOT NULL);

-- Organisations: one row per ODS (or ONS, for councils) code, latest known facts.
CREATE TABLE organisation (
  code      TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL,     -- gp_practice, pcn, ccg, sub_icb_location, icb, region, area_team,
                               -- nhs_trust, council, hwb, healthwatch, national_body, commissioning_hub, other
  address   TEXT,
  postcode  TEXT,
  lat REAL, lon REAL, easting REAL, northing REAL,
  opened    TEXT,
  closed    TEXT,
  source    TEXT NOT NULL,
  as_of     TEXT
);
CREATE INDEX organisation_kind ON organisation(kind);

-- Names change (RTV was 5 Boroughs Partnership in 2016); keep each with its validity.
CREATE TABLE org_name (
  code TEXT NOT NULL, name TEXT NOT NULL, valid_from TEXT, valid_to TEXT, source TEXT NOT NULL
);
CREATE INDEX org_name_code ON org_name(code);

-- Dated attributes: trust type, foundation status, ODS role, practice status.
CREATE TABLE org_attribute (
  code TEXT NOT NULL, attribute TEXT NOT NULL, value TEXT NOT NULL,
  valid_from TEXT, valid_to TEXT, source TEXT NOT NULL
);
CREATE INDEX org_attribute_code ON org_attribute(code, attribute);

CREATE TABLE relationship (
  from_code  TEXT NOT NULL,
  to_code    TEXT NOT NULL,
  kind       TEXT NOT NULL,   -- commissioned_by, member_of, part_of, succeeded_by
  valid_from TEXT,
  valid_to   TEXT,
  source     TEXT NOT NULL,
  method     TEXT,
  weight     REAL
);
CREATE INDEX relationship_from ON relationship(from_code, kind);
CREATE INDEX relationship_to ON relationship(to_code, kind);

CREATE TABLE figure (
  code TEXT NOT NULL, measure TEXT NOT NULL, date TEXT NOT NULL, value REAL NOT NULL,
  source TEXT NOT NULL, PRIMARY KEY (code, measure, date, source)
) WITHOUT ROWID;

-- Each epraccur release as published, so "practices as of D" is "the latest release on or before D".
CREATE TABLE practice_release (
  file TEXT NOT NULL, as_of TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
  status TEXT NOT NULL,        -- active, closed, dormant, proposed
  is_gp INTEGER NOT NULL,      -- prescribing setting 4 / role RO76
  country TEXT NOT NULL,       -- England or Wales
  commissioner TEXT, region TEXT, hlhg TEXT, postcode TEXT, opened TEXT, closed TEXT,
  PRIMARY KEY (file, code)
);
CREATE INDEX practice_release_asof ON practice_release(as_of, is_gp, status);

-- Areas: ONS (E..) or ODS codes with their vintage; ods_code links an ONS commissioner code to ODS.
CREATE TABLE area (
  code TEXT NOT NULL, type TEXT NOT NULL, vintage TEXT NOT NULL, name TEXT NOT NULL,
  ods_code TEXT, parent_code TEXT, source TEXT NOT NULL,
  PRIMARY KEY (type, vintage, code)
);
CREATE INDEX area_code ON area(code);
CREATE INDEX area_ods ON area(ods_code);

-- Simplified boundaries for maps (GeoJSON geometry text, WGS84).
CREATE TABLE area_geometry (
  type TEXT NOT NULL, vintage TEXT NOT NULL, code TEXT NOT NULL, geojson TEXT NOT NULL,
  source TEXT NOT NULL, PRIMARY KEY (type, vintage, code)
);

-- One compact row per postcode, integer-coded: coordinates as integers (degrees x 10^6, BNG metres)
-- and two dictionary ids, so the 2.5 million rows carry no repeated code or file name.
CREATE TABLE postcode_compact (
  pcd       TEXT PRIMARY KEY,  -- normalised 'WA5 1QG' (outward, space, inward)
  lat_e6 INTEGER, lon_e6 INTEGER, easting INTEGER, northing INTEGER,
  area  INTEGER NOT NULL,      -- postcode_area.id
  state INTEGER NOT NULL       -- postcode_state.id
) WITHOUT ROWID;
-- The distinct placements: nation, LSOAs, MSOA, Code-Point (Oct 2025) district and ward (else the
-- ONS lookup's LAD), and how the LSOA21 was chosen
-- (ons_lookup | point_in_polygon | nearest_polygon | unplaced).
CREATE TABLE postcode_area (
  id INTEGER PRIMARY KEY, country TEXT NOT NULL, lsoa11 TEXT, lsoa21 TEXT, msoa11 TEXT,
  lad TEXT, ward TEXT, placed_by TEXT
);
-- The distinct states: live / terminated (YYYY-MM where known), Code-Point positional quality
-- (10 best, 90 no coordinates) and the file the row came from.
CREATE TABLE postcode_state (
  id INTEGER PRIMARY KEY, status TEXT NOT NULL, terminated TEXT, quality INTEGER, source TEXT NOT NULL
);
-- The postcode as every reader sees it (one row per postcode, codes and names as text).
-- Answers compiled at build time (query/compile_answers.py), per date compiled (the build's day
-- and 2016-04-01): ``slots`` is, zlib-compressed, one row of part ids per postcode_area.id (0: not
-- compiled, answered the live way) in ``dtype``, ``columns`` wide; each id is a compiled_part key.
CREATE TABLE compiled_date (date TEXT PRIMARY KEY, dtype TEXT NOT NULL, columns INTEGER NOT NULL,
                            rows INTEGER NOT NULL, slots BLOB NOT NULL);
-- A compiled part (query/answer_codec.py): 'b<id>' a body, 'p<id>' a placement part (bodies in it by
-- id), 'g<code>' a GP practice's facts on that date.
CREATE TABLE compiled_part (date TEXT NOT NULL, key TEXT NOT NULL, data BLOB NOT NULL,
                            PRIMARY KEY (date, key)) WITHOUT ROWID;

CREATE VIEW postcode AS
SELECT p.pcd AS pcd, p.lat_e6 / 1000000.0 AS lat, p.lon_e6 / 1000000.0 AS lon,
       p.easting AS easting, p.northing AS northing, s.quality AS quality, a.country AS country,
       s.status AS status, s.terminated AS terminated, a.lsoa11 AS lsoa11, a.lsoa21 AS lsoa21,
       a.msoa11 AS msoa11, a.lad AS lad, a.ward AS ward, a.placed_by AS placed_by, s.source AS source
FROM postcode_compact p JOIN postcode_area a ON a.id = p.area JOIN postcode_state s ON s.id = p.state;

-- LSOA 2011: every CCG-era vintage hangs here (one indexed read per vintage).
CREATE TABLE lsoa11 (
  code TEXT PRIMARY KEY, name TEXT, msoa11 TEXT,
  ccg15 TEXT, ccg16 TEXT, ccg17 TEXT, ccg18 TEXT, ccg19 TEXT, ccg20 TEXT, ccg21 TEXT,
  sicbl22 TEXT, icb22 TEXT, lad16 TEXT, lad21 TEXT, utla19 TEXT, ward17 TEXT,
  ambulance TEXT, lat REAL, lon REAL
) WITHOUT ROWID;

-- LSOA 2021: today's sub-ICB/ICB (2024 vintage), ward and LAD (2024).
CREATE TABLE lsoa21 (
  code TEXT PRIMARY KEY, name TEXT, lsoa11 TEXT,
  sicbl24 TEXT, icb24 TEXT, ward24 TEXT, lad24 TEXT,
  lat REAL, lon REAL
) WITHOUT ROWID;

-- Acute catchments: share of an MSOA's admissions that went to each trust.
CREATE TABLE catchment (
  msoa11 TEXT NOT NULL, trust TEXT NOT NULL, year INTEGER NOT NULL, share REAL NOT NULL,
  source TEXT NOT NULL, PRIMARY KEY (msoa11, year, trust)
) WITHOUT ROWID;

-- NHS.UK hospital lists (2014-2020): each site with the trust that ran it (parent) in that snapshot.
CREATE TABLE trust_site (
  snapshot TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, subtype TEXT, nhs INTEGER NOT NULL,
  postcode TEXT NOT NULL, parent TEXT NOT NULL, parent_name TEXT, source TEXT NOT NULL,
  PRIMARY KEY (snapshot, code)
) WITHOUT ROWID;

-- Who runs mental-health and community services in each upper-tier council, per era: derived
-- from the data at build time (method says how, evidence in words) or from the cited override table.
CREATE TABLE provider_footprint (
  area_code TEXT NOT NULL,    -- ONS code of the upper-tier council (or unitary)
  area_kind TEXT NOT NULL,    -- council_2016 (councils as of 2016) | council_2023 (councils since April 2023)
  role TEXT NOT NULL,         -- mental_health | community
  era_from TEXT NOT NULL, era_to TEXT,
  org_code TEXT,              -- ODS code of the provider; NULL where none is known
  org_name TEXT,
  provider_kind TEXT,         -- nhs_trust | non_nhs (social enterprise, CIC, company)
  method TEXT NOT NULL,       -- sites | headquarters | combined_mh | integrated_acute | non_nhs_sites | override | none
  evidence TEXT NOT NULL,     -- in words, for the answer
  source TEXT NOT NULL,       -- file(s) or cited address
  confidence TEXT NOT NULL    -- high (cited override) | medium (derived) | low
);
CREATE INDEX provider_footprint_area ON provider_footprint(area_code, role);

-- The live postcode nearest the middle of each district, ward and LSOA 2021 (stands for the area).
CREATE TABLE area_rep (
  type TEXT NOT NULL, code TEXT NOT NULL, pcd TEXT NOT NULL, postcodes INTEGER NOT NULL,
  PRIMARY KEY (type, code)
) WITHOUT ROWID;

-- Name search: organisations (current and former names) and named areas (councils, wards).
CREATE TABLE search (
  name_key TEXT NOT NULL,      -- lower case, '&' as 'and', punctuation dropped
  name TEXT NOT NULL, code TEXT NOT NULL, kind TEXT NOT NULL, current INTEGER NOT NULL
);

-- Facts about a council district that its postcodes share, for the postcodes.io-compatible API:
-- its English region (ONS LAD 2024 -> region lookup) and its former NHS health authority
-- (Code-Point Open's health authority code, the same for every postcode of the district: checked).
CREATE TABLE district_fact (
  lad TEXT NOT NULL, fact TEXT NOT NULL,   -- fact: region | nhs_ha
  code TEXT NOT NULL, name TEXT, source TEXT NOT NULL,
  PRIMARY KEY (lad, fact)
) WITHOUT ROWID;

-- Contact details as their publisher listed them, each a dated fact with its source: NHS.UK's GP,
-- CCG and hospital listings (2014-2020), GOV.UK's council homepages, NHS England's trust websites.
CREATE TABLE contact (
  code TEXT NOT NULL,        -- ODS code (practice, CCG, trust, hospital site) or ONS code (council)
  kind TEXT NOT NULL,        -- website | phone | email
  value TEXT NOT NULL,       -- as shown (checked: a web address, a UK phone number, an email address)
  as_of TEXT NOT NULL,       -- the date the listing describes
  listed_by TEXT NOT NULL,   -- who listed it, in words ("NHS.UK")
  source TEXT NOT NULL,      -- dataset/file
  line INTEGER,              -- line of the file
  note TEXT,                 -- how it was read or matched, when not verbatim
  PRIMARY KEY (code, kind, source)
) WITHOUT ROWID;

-- A practice's readable name and address as NHS.UK listed it (ODS names are upper case).
CREATE TABLE listing (
  code TEXT NOT NULL, name TEXT NOT NULL, address TEXT, postcode TEXT,
  as_of TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (code, source)
) WITHOUT ROWID;

-- How each name in the trust website list was matched to an ODS code (code NULL: unmatched, reason says why).
CREATE TABLE trust_name_match (
  line INTEGER NOT NULL, listed_name TEXT NOT NULL, code TEXT, score REAL NOT NULL, reason TEXT NOT NULL,
  source TEXT NOT NULL
);

-- mySociety's local authority names and codes (current and past), joined by GSS code.
CREATE TABLE local_authority (
  gss TEXT PRIMARY KEY, code TEXT NOT NULL, official_name TEXT NOT NULL, nice_name TEXT NOT NULL,
  nation TEXT, current INTEGER NOT NULL, replaced_by TEXT, source TEXT NOT NULL
) WITHOUT ROWID;

-- Westminster constituencies (2024 boundaries) and the MP each elected on 4 July 2024.
CREATE TABLE constituency (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, source TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE member_of_parliament (
  constituency TEXT PRIMARY KEY, name TEXT NOT NULL, party TEXT NOT NULL, result TEXT,
  elected TEXT NOT NULL, source TEXT NOT NULL
) WITHOUT ROWID;
-- Share of each LSOA 2011's people (2019 population, apportioned by postcode) in each 2024 constituency.
CREATE TABLE constituency_overlap (
  lsoa11 TEXT NOT NULL, constituency TEXT NOT NULL, share REAL NOT NULL, population REAL NOT NULL,
  source TEXT NOT NULL, PRIMARY KEY (lsoa11, constituency)
) WITHOUT ROWID;

-- Spatial index on organisation points (WGS84 degrees; distances are computed exactly after).
CREATE VIRTUAL TABLE org_point USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TABLE org_point_code (id INTEGER PRIMARY KEY, code TEXT NOT NULL);
"""
