"""Read-side SQL for contacts and representatives (tables from store/load_contacts.py)."""

from __future__ import annotations

from localnhs.store.read import Row


def contacts(conn, code: str) -> list[Row]:
    """Every listed contact of one code, newest listing first."""
    return conn.execute("SELECT * FROM contact WHERE code = ? ORDER BY as_of DESC, kind", (code,)).fetchall()


def contacts_many(conn, codes: list[str]) -> list[Row]:
    if not codes:
        return []
    marks = ",".join("?" * len(codes))
    return conn.execute(f"SELECT * FROM contact WHERE code IN ({marks}) ORDER BY as_of DESC, kind", codes).fetchall()


def trust_site_contacts(conn, trust: str) -> list[Row]:
    """Contacts NHS.UK listed for the hospital sites a trust ran, newest snapshot first, with the site."""
    return conn.execute(
        "SELECT c.*, s.name AS site_name, s.postcode AS site_postcode, s.snapshot, s.nhs FROM trust_site s "
        "JOIN contact c ON c.code = s.code AND c.source = 'nhsuk_sites/' || s.snapshot || '/Hospital.csv' "
        "WHERE s.parent = ? ORDER BY s.snapshot DESC, s.code", (trust,)).fetchall()


def listing(conn, code: str) -> Row | None:
    """The newest readable name and address NHS.UK listed for a practice."""
    return conn.execute("SELECT * FROM listing WHERE code = ? ORDER BY as_of DESC LIMIT 1", (code,)).fetchone()


def listings(conn, codes: list[str]) -> dict[str, Row]:
    if not codes:
        return {}
    marks = ",".join("?" * len(codes))
    out: dict[str, Row] = {}
    for r in conn.execute(f"SELECT * FROM listing WHERE code IN ({marks}) ORDER BY as_of", codes):
        out[r["code"]] = r   # the newest wins
    return out


def constituency_overlaps(conn, lsoa11: str) -> list[Row]:
    """The 2024 constituencies an LSOA 2011 overlaps, largest share of its people first, with the MP."""
    return conn.execute(
        "SELECT o.constituency, o.share, o.population, o.source, c.name, m.name AS mp, m.party, m.result, "
        "m.elected, m.source AS mp_source FROM constituency_overlap o JOIN constituency c ON c.code = o.constituency "
        "LEFT JOIN member_of_parliament m ON m.constituency = o.constituency WHERE o.lsoa11 = ? "
        "ORDER BY o.share DESC, o.population DESC", (lsoa11,)).fetchall()


def trust_name_matches(conn) -> list[Row]:
    return conn.execute("SELECT * FROM trust_name_match ORDER BY line").fetchall()


def local_authority(conn, gss: str) -> Row | None:
    return conn.execute("SELECT * FROM local_authority WHERE gss = ?", (gss,)).fetchone()


def lsoa_constituency_counts(conn, threshold: float) -> Row:
    """English LSOA 2011s: all, with a constituency and MP, split (a second seat holding > 2% of
    the people), and with one constituency holding at least ``threshold`` of the people."""
    return conn.execute(
        "WITH t AS (SELECT l.code, max(o.share) AS top, sum(o.share > 0.02) AS seats, "
        "max(m.constituency IS NOT NULL) AS has_mp FROM lsoa11 l LEFT JOIN constituency_overlap o ON o.lsoa11 = l.code "
        "LEFT JOIN member_of_parliament m ON m.constituency = o.constituency WHERE l.code LIKE 'E%' GROUP BY l.code) "
        "SELECT count(*) AS lsoas, sum(has_mp = 1) AS with_mp, sum(seats > 1) AS split, "
        "sum(top >= :t) AS placed FROM t", {"t": threshold}).fetchone()


def constituency_placements(conn, min_share: float) -> list[Row]:
    """(lsoa11, code, name) for every LSOA 2011 one 2024 constituency holds at least ``min_share`` of."""
    return conn.execute(
        "SELECT o.lsoa11, o.constituency AS code, c.name FROM constituency_overlap o "
        "JOIN constituency c ON c.code = o.constituency WHERE o.share >= ?", (min_share,)).fetchall()


_ACTIVE = ("SELECT code FROM practice_release WHERE is_gp = 1 AND status = 'active' AND country = 'England' "
           "AND as_of = (SELECT max(as_of) FROM practice_release)")


def practice_contact_coverage(conn, kind: str) -> Row:
    """Active English practices in the newest ODS release: all, with a contact of ``kind``, and of those
    without one: not in any NHS.UK listing, listed with the value refused, listed without one."""
    field = {"phone": "Phone", "website": "Website", "email": "Email"}[kind]
    return conn.execute(
        f"WITH a AS ({_ACTIVE}), m AS (SELECT code FROM a WHERE NOT EXISTS "
        "(SELECT 1 FROM contact c WHERE c.code = a.code AND c.kind = :k)) "
        "SELECT (SELECT count(*) FROM a) AS total, (SELECT count(*) FROM a) - (SELECT count(*) FROM m) AS covered, "
        "(SELECT count(*) FROM m WHERE NOT EXISTS (SELECT 1 FROM listing l WHERE l.code = m.code)) AS not_listed, "
        "(SELECT count(*) FROM m WHERE EXISTS (SELECT 1 FROM listing l WHERE l.code = m.code) AND EXISTS "
        " (SELECT 1 FROM reject r WHERE r.reason LIKE m.code || ': ' || :f || ' refused%')) AS refused, "
        "(SELECT count(*) FROM m WHERE EXISTS (SELECT 1 FROM listing l WHERE l.code = m.code) AND NOT EXISTS "
        " (SELECT 1 FROM reject r WHERE r.reason LIKE m.code || ': ' || :f || ' refused%')) AS listed_without",
        {"k": kind, "f": field}).fetchone()


def open_trusts_without_listed_website(conn) -> list[Row]:
    """Open NHS trusts with no website from NHS England's directory (with their first open date)."""
    return conn.execute(
        "SELECT o.code, o.name, o.opened, o.postcode, (SELECT p.country FROM postcode p WHERE p.pcd = o.postcode) "
        "AS country FROM organisation o WHERE o.kind = 'nhs_trust' AND o.closed IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.code = o.code AND c.kind = 'website' "
        "AND c.source LIKE 'contacts_and_representatives/%') ORDER BY o.code").fetchall()


def open_trust_count(conn) -> int:
    return conn.execute("SELECT count(*) FROM organisation WHERE kind = 'nhs_trust' AND closed IS NULL").fetchone()[0]

