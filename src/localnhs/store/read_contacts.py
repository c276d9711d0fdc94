"""Read-side SQL for contacts and representatives (tables from store/load_contacts.py)."""

from __future__ import annotations

from typing import NamedTuple

from localnhs.store.read import Row


def contacts(conn, code: str) -> list[Row]:
    """Every listed contact of one code, newest listing first."""
    return conn.execute("SELECT * FROM contact WHERE code = ? ORDER BY as_of DESC, kind, source", (code,)).fetchall()


def contacts_many(conn, codes: list[str]) -> list[Row]:
    if not codes:
        return []
    marks = ",".join("?" * len(codes))
    return conn.execute(f"SELECT * FROM contact WHERE code IN ({marks}) ORDER BY as_of DESC, kind, source",
                        codes).fetchall()


def contacts_by_code(conn, codes) -> dict[str, list[Row]]:
    """code -> contacts(conn, code), the same rows in the same order, for many codes in one statement
    (a place's first answer reads the contacts of some ten new bodies: one statement, not ten).
    ``source`` ends both orders, so rows of one code never tie and the two agree."""
    out: dict[str, list[Row]] = {code: [] for code in codes}
    for r in contacts_many(conn, list(out)):
        out[r["code"]].append(r)
    return out


_SITE_CONTACTS = ("SELECT c.*, s.name AS site_name, s.postcode AS site_postcode, s.snapshot, s.nhs FROM trust_site s "
                  "JOIN contact c ON c.code = s.code AND c.source = 'nhsuk_sites/' || s.snapshot || '/Hospital.csv' ")
# A site code is its trust's code and two more characters (RBT20 of RBT), bar a few dozen sites that
# moved between trusts; past the last character a code can hold, as an upper bound of the range.
_PAST = "\U0010ffff"


def trust_site_contacts(conn, trust: str, layout: TrustSites | None = None) -> list[Row]:
    """Contacts NHS.UK listed for the hospital sites a trust ran, newest snapshot first, with the site
    (then site code, then kind). ``layout`` (trust_sites_layout, once per build) lets the read go by the
    table's key, (snapshot, code): a site code starting with the trust's, or one of the layout's
    others; without it the whole table is scanned for the trust (~0.3 ms a trust, the same rows)."""
    if layout is None:
        return conn.execute(_SITE_CONTACTS + "WHERE s.parent = ? ORDER BY s.snapshot DESC, s.code, c.kind",
                            (trust,)).fetchall()
    marks = ",".join("?" * len(layout.snapshots))
    rows = conn.execute(_SITE_CONTACTS + f"WHERE s.snapshot IN ({marks}) AND s.code >= ? AND s.code < ? "
                        "AND s.parent = ?", (*layout.snapshots, trust, trust + _PAST, trust)).fetchall()
    for snapshot, code in layout.others.get(trust, ()):
        rows += conn.execute(_SITE_CONTACTS + "WHERE s.snapshot = ? AND s.code = ? AND s.parent = ?",
                             (snapshot, code, trust)).fetchall()
    rows.sort(key=lambda r: r["kind"])
    rows.sort(key=lambda r: r["code"])
    rows.sort(key=lambda r: r["snapshot"], reverse=True)
    return rows


class TrustSites(NamedTuple):
    snapshots: tuple[str, ...]                        # every snapshot of the trust_site table
    others: dict[str, tuple[tuple[str, str], ...]]    # trust -> (snapshot, code) of sites not under its code


def trust_sites_layout(conn) -> TrustSites:
    """What trust_site_contacts needs to read a trust's sites by the table's key: the snapshots, and
    the sites whose code does not start with their trust's (73 of 5,399 rows; one scan, ~1 ms)."""
    snapshots = tuple(r[0] for r in conn.execute("SELECT DISTINCT snapshot FROM trust_site ORDER BY snapshot"))
    others: dict[str, list[tuple[str, str]]] = {}
    for parent, snapshot, code in conn.execute(
            "SELECT parent, snapshot, code FROM trust_site WHERE NOT (code >= parent AND code < parent || ?)",
            (_PAST,)):
        others.setdefault(parent, []).append((snapshot, code))
    return TrustSites(snapshots, {k: tuple(v) for k, v in others.items()})


def listing(conn, code: str) -> Row | None:
    """The newest readable name and address NHS.UK listed for a practice."""
    return conn.execute("SELECT * FROM listing WHERE code = ? ORDER BY as_of DESC LIMIT 1", (code,)).fetchone()


def named_listings(conn, codes) -> dict[str, Row]:
    """code -> its newest listing (as listings gives it) with ``ods_name``, the organisation's ODS name
    (None if none), and ``first_listed``, the date of its oldest listing (listings's dict is in the
    order codes are first listed, then by code): one statement for a place's new practices."""
    codes = list(codes)
    if not codes:
        return {}
    marks = ",".join("?" * len(codes))
    out: dict[str, Row] = {}
    for r in conn.execute(
            "SELECT l.*, o.name AS ods_name, (SELECT min(f.as_of) FROM listing f WHERE f.code = l.code) AS first_listed "
            f"FROM listing l LEFT JOIN organisation o ON o.code = l.code WHERE l.code IN ({marks}) ORDER BY l.as_of",
            codes):
        out[r["code"]] = r   # the newest wins
    return out


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

