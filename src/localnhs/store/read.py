"""Read-side SQL: small, indexed reads the query layer composes. No domain logic here."""

from __future__ import annotations

import sqlite3

Row = sqlite3.Row

_VALID = "(valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d)"


def one(conn, sql: str, *args):
    return conn.execute(sql, args).fetchone()


def postcode(conn, pcd: str) -> Row | None:
    return one(conn, "SELECT * FROM postcode WHERE pcd = ?", pcd)


def postcode_compact(conn, pcd: str) -> Row | None:
    """A postcode's own columns (lat_e6, lon_e6, easting, northing, area, state): one read of the
    compact row, without the view's joins (its placement and state rows are few and shared)."""
    return one(conn, "SELECT lat_e6, lon_e6, easting, northing, area, state FROM postcode_compact WHERE pcd = ?", pcd)


def postcode_area(conn, area_id: int) -> Row | None:
    """A placement (postcode_area row): country, LSOAs, MSOA, district, ward, how it was placed."""
    return one(conn, "SELECT country, lsoa11, lsoa21, msoa11, lad, ward, placed_by FROM postcode_area WHERE id = ?",
               area_id)


def postcode_state(conn, state_id: int) -> Row | None:
    """A postcode state (postcode_state row): status, terminated, quality, source."""
    return one(conn, "SELECT status, terminated, quality, source FROM postcode_state WHERE id = ?", state_id)


def postcode_area_id(conn, pcd: str) -> int | None:
    """The placement id of a postcode (postcode_area.id): one read of the compact row."""
    row = conn.execute("SELECT area FROM postcode_compact WHERE pcd = ?", (pcd,)).fetchone()
    return None if row is None else row[0]


def postcode_keys(conn, start: str, stop: str) -> tuple[str, str]:
    """The postcodes of the compact table from start (inclusive) to stop (exclusive) in key order,
    and their placement ids (postcode_area.id): two comma-separated strings from one range scan,
    so indexing millions of rows makes no row objects."""
    pcds, areas = conn.execute(
        "SELECT group_concat(pcd, ','), group_concat(area, ',') FROM (SELECT pcd, area FROM postcode_compact "
        "WHERE pcd >= ? AND pcd < ? ORDER BY pcd)", (start, stop)).fetchone()
    return pcds or "", areas or ""


def postcodes_in(conn, prefix: str) -> list[Row]:
    """Postcodes of an outcode ('WA5 ') or sector ('WA5 1'): a range scan on the key."""
    return conn.execute(
        "SELECT * FROM postcode WHERE pcd >= ? AND pcd < ? AND status = 'live'", (prefix, prefix + "\uffff")
    ).fetchall()


def area_representative(conn, type_: str, code: str) -> Row | None:
    """The postcode standing for a district, ward or LSOA 2021, with how many postcodes it has."""
    return one(conn, "SELECT p.*, r.postcodes AS area_postcodes FROM area_rep r JOIN postcode p ON p.pcd = r.pcd "
                     "WHERE r.type = ? AND r.code = ?", type_, code)


def lsoa21_reps_for_old_area(conn, code: str, limit: int = 2000) -> list[Row]:
    """Postcodes standing for LSOAs of a council that no longer exists (matched on its 2016-2021 codes)."""
    return conn.execute(
        "SELECT p.*, r.postcodes AS area_postcodes FROM lsoa11 o JOIN lsoa21 n ON n.lsoa11 = o.code "
        "JOIN area_rep r ON r.type = 'lsoa21' AND r.code = n.code JOIN postcode p ON p.pcd = r.pcd "
        "WHERE o.lad16 = :c OR o.lad21 = :c OR o.utla19 = :c LIMIT :l", {"c": code, "l": limit}
    ).fetchall()


def lsoa11(conn, code: str) -> Row | None:
    return one(conn, "SELECT * FROM lsoa11 WHERE code = ?", code)


def lsoa21(conn, code: str) -> Row | None:
    return one(conn, "SELECT * FROM lsoa21 WHERE code = ?", code)


def all_lsoa11(conn) -> list[Row]:
    """Every LSOA 2011 row (about 33,000): one scan instead of a read per neighbourhood."""
    return conn.execute("SELECT * FROM lsoa11").fetchall()


def all_lsoa21(conn) -> list[Row]:
    """Every LSOA 2021 row (about 34,000)."""
    return conn.execute("SELECT * FROM lsoa21").fetchall()


def area(conn, type_: str, vintage: str, code: str) -> Row | None:
    return one(conn, "SELECT * FROM area WHERE type = ? AND vintage = ? AND code = ?", type_, vintage, code)


def area_any_vintage(conn, type_: str, code: str) -> Row | None:
    return one(conn, "SELECT * FROM area WHERE type = ? AND code = ? ORDER BY vintage DESC LIMIT 1", type_, code)


def areas_of_type(conn, type_: str, vintage: str) -> list[Row]:
    return conn.execute("SELECT * FROM area WHERE type = ? AND vintage = ?", (type_, vintage)).fetchall()


def areas_of_organisation(conn, code: str) -> list[Row]:
    """The ONS areas an organisation answers for: commissioners by ODS code, councils by their own code."""
    return conn.execute(
        "SELECT * FROM area WHERE ods_code = :c OR (code = :c AND type IN ('lad', 'utla', 'county')) "
        "ORDER BY vintage", {"c": code}).fetchall()


def area_geometry(conn, type_: str, vintage: str, code: str) -> Row | None:
    return one(conn, "SELECT * FROM area_geometry WHERE type = ? AND vintage = ? AND code = ?", type_, vintage, code)


def organisation(conn, code: str) -> Row | None:
    return one(conn, "SELECT * FROM organisation WHERE code = ?", code)


def organisations_of_kind(conn, kind: str) -> list[Row]:
    return conn.execute("SELECT * FROM organisation WHERE kind = ?", (kind,)).fetchall()


def name_at(conn, code: str, date: str) -> Row | None:
    return conn.execute(
        f"SELECT * FROM org_name WHERE code = :c AND {_VALID} ORDER BY valid_from DESC LIMIT 1",
        {"c": code, "d": date},
    ).fetchone()


def names(conn, code: str) -> list[Row]:
    return conn.execute("SELECT * FROM org_name WHERE code = ? ORDER BY valid_from", (code,)).fetchall()


def attribute_at(conn, code: str, attribute: str, date: str) -> Row | None:
    return conn.execute(
        f"SELECT * FROM org_attribute WHERE code = :c AND attribute = :a AND {_VALID} "
        "ORDER BY valid_from DESC LIMIT 1",
        {"c": code, "a": attribute, "d": date},
    ).fetchone()


def attributes(conn, code: str) -> list[Row]:
    return conn.execute("SELECT * FROM org_attribute WHERE code = ? ORDER BY attribute, valid_from", (code,)).fetchall()


def attribute_codes(conn, attribute: str, value: str, date: str) -> list[str]:
    return [r[0] for r in conn.execute(
        f"SELECT code FROM org_attribute WHERE attribute = :a AND value = :v AND {_VALID}",
        {"a": attribute, "v": value, "d": date},
    )]


def related_from(conn, code: str, kind: str, date: str | None = None) -> list[Row]:
    if date is None:
        return conn.execute(
            "SELECT * FROM relationship WHERE from_code = ? AND kind = ? ORDER BY valid_from", (code, kind)
        ).fetchall()
    return conn.execute(
        f"SELECT * FROM relationship WHERE from_code = :c AND kind = :k AND {_VALID} ORDER BY valid_from DESC",
        {"c": code, "k": kind, "d": date},
    ).fetchall()


def organisations_related_from(conn, kind: str) -> list[str]:
    """The organisations that have any relationship of this kind from them (a few hundred have
    a successor, of some 11,000)."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT r.from_code FROM relationship r JOIN organisation o ON o.code = r.from_code WHERE r.kind = ?",
        (kind,))]


def related_to(conn, code: str, kind: str, date: str | None = None, limit: int = 5000) -> list[Row]:
    if date is None:
        return conn.execute(
            "SELECT * FROM relationship WHERE to_code = ? AND kind = ? ORDER BY valid_from LIMIT ?", (code, kind, limit)
        ).fetchall()
    return conn.execute(
        f"SELECT * FROM relationship WHERE to_code = :c AND kind = :k AND {_VALID} ORDER BY from_code LIMIT :l",
        {"c": code, "k": kind, "d": date, "l": limit},
    ).fetchall()


def releases(conn) -> list[Row]:
    return conn.execute("SELECT DISTINCT file, as_of FROM practice_release ORDER BY as_of").fetchall()


def release_row(conn, file: str, code: str) -> Row | None:
    return one(conn, "SELECT * FROM practice_release WHERE file = ? AND code = ?", file, code)


def active_gp_counts(conn, file: str) -> Row:
    """Open English GP practices in one epraccur release, and the commissioners and regions they name."""
    return one(conn,
               "SELECT count(*) AS practices, count(DISTINCT commissioner) AS commissioners, "
               "count(DISTINCT region) AS regions FROM practice_release "
               "WHERE file = ? AND is_gp = 1 AND status = 'active' AND country = 'England'", file)


def active_gp_codes(conn, file: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT code FROM practice_release WHERE file = ? AND is_gp = 1 AND status = 'active' AND country = 'England'",
        (file,))]


def points_near(conn, lat: float, lon: float, dlat: float, dlon: float) -> list[Row]:
    return conn.execute(
        "SELECT c.code, o.kind, o.lat, o.lon FROM org_point p JOIN org_point_code c ON c.id = p.id "
        "JOIN organisation o ON o.code = c.code "
        "WHERE p.min_lon >= ? AND p.max_lon <= ? AND p.min_lat >= ? AND p.max_lat <= ?",
        (lon - dlon, lon + dlon, lat - dlat, lat + dlat),
    ).fetchall()


def gp_points(conn) -> list[Row]:
    """Every GP practice in the spatial index with the box the R-tree holds for it (its 32-bit bounds),
    in the R-tree's own order: the order points_near returns any subset in."""
    return conn.execute(
        "SELECT p.id, c.code, o.lat, o.lon, p.min_lon, p.max_lon, p.min_lat, p.max_lat FROM org_point p "
        "JOIN org_point_code c ON c.id = p.id JOIN organisation o ON o.code = c.code "
        "WHERE p.min_lon >= -1e9 AND p.max_lon <= 1e9 AND p.min_lat >= -1e9 AND p.max_lat <= 1e9 "
        "AND o.kind = 'gp_practice'").fetchall()


def figures(conn, code: str, measure: str) -> list[Row]:
    return conn.execute(
        "SELECT * FROM figure WHERE code = ? AND measure = ? ORDER BY date", (code, measure)
    ).fetchall()


def figure_values(conn, measure: str, date: str) -> list[Row]:
    return conn.execute("SELECT code, value, source FROM figure WHERE measure = ? AND date = ?", (measure, date)).fetchall()


def figure_dates(conn, measure: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT date FROM figure WHERE measure = ? ORDER BY date", (measure,))]


def catchment(conn, msoa11: str, year: int) -> list[Row]:
    return conn.execute(
        "SELECT * FROM catchment WHERE msoa11 = ? AND year = ? ORDER BY share DESC", (msoa11, year)
    ).fetchall()


def catchment_years(conn) -> list[int]:
    return [r[0] for r in conn.execute("SELECT DISTINCT year FROM catchment ORDER BY year")]


def open_organisations(conn, kind: str, date: str) -> list[Row]:
    return conn.execute(
        "SELECT * FROM organisation WHERE kind = ? AND (opened IS NULL OR opened <= ?) "
        "AND (closed IS NULL OR closed >= ?)", (kind, date, date)
    ).fetchall()


def search_names(conn, words: list[str], limit: int = 50) -> list[Row]:
    where = " AND ".join("name_key LIKE ?" for _ in words) or "1"
    return conn.execute(
        f"SELECT * FROM search WHERE {where} ORDER BY length(name_key) LIMIT ?",
        (*[f"%{w}%" for w in words], limit),
    ).fetchall()


def search_keys(conn) -> list[str]:
    """Every searchable name's key (lower case, punctuation dropped): the vocabulary for suggestions."""
    return [r[0] for r in conn.execute("SELECT name_key FROM search")]


def org_places(conn, codes: list[str]) -> list[Row]:
    """Where organisations are: their name now, address, postcode, council (newest ONS name) and closing date."""
    if not codes:
        return []
    marks = ",".join("?" * len(codes))
    return conn.execute(
        f"SELECT o.code, o.name, o.address, o.postcode, o.closed,"
        f" (SELECT a.name FROM area a WHERE a.type = 'lad' AND a.code = (SELECT p.lad FROM postcode p"
        f" WHERE p.pcd = o.postcode) ORDER BY a.vintage DESC LIMIT 1) AS council"
        f" FROM organisation o WHERE o.code IN ({marks})",
        codes,
    ).fetchall()


def import_log(conn) -> list[Row]:
    return conn.execute("SELECT * FROM import_log ORDER BY source, file").fetchall()


def meta(conn) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def count_postcodes(conn, country: str) -> int:
    """Live postcodes in a country, as counted at build time."""
    row = one(conn, "SELECT value FROM meta WHERE key = ?", f"live_postcodes_{country}")
    return int(row[0]) if row else 0


# ---- the national structure, list sizes and areas (query/structure.py, list_sizes.py, search.py) ----


def structure_links(conn, kind: str, from_kinds: tuple[str, ...], date: str) -> list[Row]:
    """Relationships of one kind valid on a date from organisations of the given kinds."""
    marks = ",".join("?" for _ in from_kinds)
    return conn.execute(
        f"SELECT r.from_code, r.to_code FROM relationship r JOIN organisation o ON o.code = r.from_code "
        f"WHERE r.kind = ? AND o.kind IN ({marks}) AND (r.valid_from IS NULL OR r.valid_from <= ?) "
        "AND (r.valid_to IS NULL OR r.valid_to >= ?) GROUP BY r.from_code",
        (kind, *from_kinds, date, date),
    ).fetchall()


def icb_registered_patients(conn, figure_date: str, date: str) -> list[Row]:
    """Registered patients on a figure date summed by the ICB of each practice's sub-ICB location on a date."""
    return conn.execute(
        "SELECT p.to_code AS icb, sum(f.value) AS patients, count(*) AS practices FROM figure f "
        "JOIN relationship c ON c.from_code = f.code AND c.kind = 'commissioned_by' "
        "AND (c.valid_from IS NULL OR c.valid_from <= :d) AND (c.valid_to IS NULL OR c.valid_to >= :d) "
        "JOIN relationship p ON p.from_code = c.to_code AND p.kind = 'part_of' "
        "AND (p.valid_from IS NULL OR p.valid_from <= :d) AND (p.valid_to IS NULL OR p.valid_to >= :d) "
        "JOIN organisation i ON i.code = p.to_code AND i.kind = 'icb' "
        "WHERE f.measure = 'registered_patients' AND f.date = :f GROUP BY p.to_code",
        {"d": date, "f": figure_date},
    ).fetchall()


def child_areas(conn, type_: str, parent_code: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT code FROM area WHERE type = ? AND parent_code = ?",
                                       (type_, parent_code))]


def provider_footprint(conn, area_code: str, area_kind: str, role: str, date: str) -> list[Row]:
    """Footprint rows for a council, role and date: cited overrides first, then data-derived rows."""
    return conn.execute(
        "SELECT * FROM provider_footprint WHERE area_code = ? AND area_kind = ? AND role = ? AND era_from <= ? "
        "AND (era_to IS NULL OR era_to >= ?) ORDER BY method = 'override' DESC, era_from DESC",
        (area_code, area_kind, role, date, date)).fetchall()


def provider_footprints(conn) -> list[Row]:
    return conn.execute("SELECT * FROM provider_footprint ORDER BY area_code, area_kind, role, era_from").fetchall()


def compiled_dates(conn) -> list[Row]:
    """The dates a build compiled answers for, with their slots (query/compiled.py)."""
    try:
        return conn.execute("SELECT date, dtype, columns, rows, slots FROM compiled_date").fetchall()
    except sqlite3.OperationalError:  # a build from before compiled answers
        return []


def compiled_part(conn, date: str, key: str) -> bytes | None:
    row = conn.execute("SELECT data FROM compiled_part WHERE date = ? AND key = ?", (date, key)).fetchone()
    return None if row is None else row[0]


def compiled_parts(conn, date: str) -> list[tuple[str, bytes]]:
    """Every (key, data) a build compiled for a date (~27,000 parts, ~6 MB): one statement."""
    return conn.execute("SELECT key, data FROM compiled_part WHERE date = ?", (date,)).fetchall()


def compile_placements(conn) -> list[Row]:
    """Every English placement with a live postcode, with one of them to ask for (a located one
    where there is) and that postcode's row (the postcode view's columns, ``area_id``), ordered so
    neighbouring placements come together (the query memos are then warm): one scan. A placement
    of terminated postcodes only is left to be worked out if asked."""
    return conn.execute(
        "SELECT x.area AS area_id, p.pcd, p.lat_e6, p.lon_e6, p.easting, p.northing, s.quality, a.country, s.status, "
        "s.terminated, a.lsoa11, a.lsoa21, a.msoa11, a.lad, a.ward, a.placed_by, s.source FROM (SELECT c.area, "
        "coalesce(min(CASE WHEN c.lat_e6 IS NOT NULL THEN c.pcd END), min(c.pcd)) AS pcd FROM postcode_compact c "
        "JOIN postcode_state st ON st.id = c.state WHERE st.status = 'live' GROUP BY c.area) x "
        "JOIN postcode_area a ON a.id = x.area JOIN postcode_compact p ON p.pcd = x.pcd "
        "JOIN postcode_state s ON s.id = p.state "
        "WHERE a.country = 'E92000001' ORDER BY a.lad, a.msoa11, a.lsoa11, a.id"
    ).fetchall()


def max_postcode_area(conn) -> int:
    return conn.execute("SELECT coalesce(max(id), 0) FROM postcode_area").fetchone()[0]
