"""The ICB reorganisation of 1 April 2026 in the store: the new ICBs, the closed ones, and
where each council area of a split ICB went.

``load`` (organisation step) names the successor ICBs from ``icb_2026/`` and closes the
predecessors the day before; every pair must also be in the ODS successor file. ``derive``
(derived step, once the ONS lookups are in) decides, for an ICB split between successors,
which successor took each upper-tier council area: the successor that already covers that
council through one of its other predecessors (Surrey -> NHS Surrey and Sussex ICB through
Surrey Heartlands), and where no other predecessor covers it, the one successor left over
(the east Berkshire councils -> NHS Thames Valley ICB). It is written as ``icb_area_successor``
relationships (council -> new ICB) marked as derived, and sub-ICB locations, trusts and
other bodies that were part of a closed ICB are re-parented the same way.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from localnhs.sources import icb_2026, registry
from localnhs.sources._rows import SourceError
from localnhs.store.intervals import day_before

DATASET = "icb_2026"
AREA_KIND = "icb_area_successor"


def load(ctx, orgs) -> None:
    """Successor ICBs become organisations; closed ones get their closing day."""
    conn = ctx.conn
    for fname, as_of in registry.files(DATASET).items():
        path = ctx.path(DATASET, fname)
        parsed = icb_2026.read(path)
        ods = {(a, b): d for a, b, d in conn.execute(
            "SELECT from_code, to_code, valid_from FROM relationship WHERE kind = 'succeeded_by'")}
        rows = []
        for s in parsed.rows:
            if ods.get((s.predecessor, s.successor)) != s.date:
                parsed.rejects.reject(s.line, f"{s.predecessor} -> {s.successor} on {s.date} is not in the ODS successor file")
                continue
            rows.append(s)
        ctx.log(DATASET, path, parsed.rejects)
        successors = {s.successor for s in rows}
        for s in rows:
            known = orgs.rows.get(s.successor)
            if not known or known.get("kind") != "icb":
                orgs.put(s.successor, name=s.successor_name, kind="icb", opened=s.date, source=fname, as_of=as_of)
            if s.predecessor not in successors:
                orgs.put(s.predecessor, closed=day_before(s.date))
        _regions(conn, rows, fname)


def _regions(conn, rows, fname) -> None:
    """A new ICB is in the NHS England region its predecessors were in (all of them agree)."""
    by_new = defaultdict(Counter)
    for s in rows:
        for (region,) in conn.execute(
            "SELECT to_code FROM relationship WHERE from_code = ? AND kind = 'in_region' ORDER BY valid_from DESC LIMIT 1",
            (s.predecessor,),
        ):
            by_new[s.successor][region] += 1
    out = []
    for new, regions in by_new.items():
        if conn.execute("SELECT 1 FROM relationship WHERE from_code = ? AND kind = 'in_region'", (new,)).fetchone():
            continue  # a continuing ICB (QRL) keeps its own
        region = regions.most_common(1)[0][0]
        date = min(s.date for s in rows if s.successor == new)
        out.append((new, region, "in_region", date, None, fname, "the region of its predecessor ICBs (derived)", None))
    conn.executemany("INSERT INTO relationship (from_code, to_code, kind, valid_from, valid_to, source, method, weight)"
                     " VALUES (?,?,?,?,?,?,?,?)", out)
    # A closed ICB leaves its region the day it closes: without this, today's national structure
    # counted the 12 closed ICBs beside their 6 successors (48 instead of 36).
    successors = {s.successor for s in rows}
    for s in rows:
        if s.predecessor not in successors:
            conn.execute("UPDATE relationship SET valid_to = ? WHERE from_code = ? AND kind = 'in_region' "
                         "AND (valid_to IS NULL OR valid_to >= ?)", (day_before(s.date), s.predecessor, s.date))


def _coverage(conn):
    """ICB (ODS code) -> upper-tier council -> sub-ICB locations, from the 2024 ONS lookups."""
    cover = defaultdict(lambda: defaultdict(set))
    for icb, upper, sub in conn.execute("""
        SELECT i.ods_code, coalesce(nullif(la.parent_code, ''), l.lad24), s.ods_code
        FROM lsoa21 l
        JOIN area i ON i.type = 'icb' AND i.vintage = '2024' AND i.code = l.icb24
        LEFT JOIN area s ON s.type = 'sub_icb' AND s.vintage = '2024' AND s.code = l.sicbl24
        LEFT JOIN area la ON la.type = 'lad' AND la.vintage = '2024' AND la.code = l.lad24
        WHERE i.ods_code IS NOT NULL AND l.lad24 IS NOT NULL
        GROUP BY 1, 2, 3
    """):
        cover[icb][upper].add(sub)
    return cover


def _name(conn, code: str) -> str:
    row = conn.execute("SELECT name FROM organisation WHERE code = ?", (code,)).fetchone()
    return (row[0] if row else code).replace("Integrated Care Board", "ICB")


def derive(conn) -> None:
    successions = defaultdict(dict)    # predecessor -> {successor: date}
    source = {}
    for frm, to, date, src in conn.execute("""
        SELECT r.from_code, r.to_code, r.valid_from, r.source FROM relationship r
        JOIN organisation a ON a.code = r.from_code AND a.kind = 'icb'
        JOIN organisation b ON b.code = r.to_code AND b.kind = 'icb'
        WHERE r.kind = 'succeeded_by'
    """):
        successions[frm][to] = date
        source[frm] = src
    if not successions:
        return
    predecessors = defaultdict(set)
    for pred, succs in successions.items():
        for s in succs:
            predecessors[s].add(pred)
    cover = _coverage(conn)
    rels = []
    where_went: dict[str, dict[str, str]] = {}   # predecessor -> upper-tier council -> successor
    for pred, succs in sorted(successions.items()):
        date = min(succs.values())
        if len(succs) == 1:
            (only,) = succs
            where_went[pred] = {u: only for u in cover.get(pred, {})}
            continue
        assigned, methods = {}, {}
        for upper in cover.get(pred, {}):
            cands = {}
            for s in succs:
                via = [p for p in predecessors[s] | {s} if p != pred and upper in cover.get(p, {})]
                if via:
                    cands[s] = sorted(via)[0]
            if len(cands) == 1:
                (s, via), = cands.items()
                assigned[upper] = s
                methods[upper] = (f"derived: {_name(conn, pred)} ({pred}) was split on {date}; this council area "
                                  f"went to {_name(conn, s)} ({s}), which already covered the same council through "
                                  f"{_name(conn, via)} ({via})")
        left = [u for u in cover.get(pred, {}) if u not in assigned]
        unused = [s for s in succs if s not in assigned.values()]
        if left and len(unused) != 1:
            raise SourceError(f"{DATASET}: cannot derive which successor of {pred} took council areas {sorted(left)}")
        for upper in left:
            assigned[upper] = unused[0]
            methods[upper] = (f"derived: {_name(conn, pred)} ({pred}) was split on {date}; no other predecessor "
                              f"covered this council area, so it went to the one successor left, "
                              f"{_name(conn, unused[0])} ({unused[0]})")
        where_went[pred] = assigned
        rels += [(upper, s, AREA_KIND, date, None, source[pred], methods[upper], None) for upper, s in assigned.items()]
    rels += _reparent(conn, successions, where_went, cover, source)
    conn.executemany("INSERT INTO relationship (from_code, to_code, kind, valid_from, valid_to, source, method, weight)"
                     " VALUES (?,?,?,?,?,?,?,?)", rels)


def _upper_of_postcode(conn, postcode: str | None) -> str | None:
    if not postcode:
        return None
    row = conn.execute("""
        SELECT coalesce(nullif(la.parent_code, ''), l.lad24) FROM postcode p JOIN lsoa21 l ON l.code = p.lsoa21
        LEFT JOIN area la ON la.type = 'lad' AND la.vintage = '2024' AND la.code = l.lad24
        WHERE p.pcd = ?""", (" ".join(postcode.split()),)).fetchone()
    return row[0] if row else None


def _reparent(conn, successions, where_went, cover, source) -> list[tuple]:
    """Bodies 'part of' a closed ICB (sub-ICB locations, trust headquarters) join its successor."""
    subs_of = defaultdict(lambda: defaultdict(set))   # predecessor -> sub-ICB -> uppers
    for pred, uppers in cover.items():
        for upper, subs in uppers.items():
            for sub in subs:
                subs_of[pred][sub].add(upper)
    out = []
    for pred, succs in successions.items():
        date = min(succs.values())
        end = day_before(date)
        rows = conn.execute(
            "SELECT r.rowid, r.from_code, o.kind, o.postcode FROM relationship r LEFT JOIN organisation o ON o.code = r.from_code "
            "WHERE r.to_code = ? AND r.kind = 'part_of' AND (r.valid_to IS NULL OR r.valid_to >= ?) "
            "AND (r.valid_from IS NULL OR r.valid_from < ?)", (pred, date, date)).fetchall()
        for rowid, code, kind, postcode in rows:
            conn.execute("UPDATE relationship SET valid_to = ? WHERE rowid = ?", (end, rowid))
            if len(succs) == 1:
                targets = {next(iter(succs)): "the ODS successor of its ICB"}
            else:
                uppers = subs_of[pred].get(code) or {u for u in [_upper_of_postcode(conn, postcode)] if u}
                went = {where_went[pred][u] for u in uppers if u in where_went[pred]}
                targets = {s: ("derived: the successor that took the council areas it covers" if len(went) == 1
                               else "derived: takes part of it (the successor of some of the council areas it covers)")
                           for s in went}
            out += [(code, s, "part_of", date, None, source[pred], method, None) for s, method in targets.items()]
    return out
