"""Contacts and elected representatives: NHS.UK's GP and CCG listings (phone, email, website,
readable names), NHS.UK's hospital listings (site phone and website), GOV.UK's council homepages,
mySociety's council names, NHS England's trust websites (matched to ODS codes by name), the MPs
elected on 4 July 2024 and mySociety's LSOA -> 2024 constituency overlaps.

Every contact row keeps who listed it, the date the listing describes, the file and line. One
``load_<dataset>`` per dataset of the registry's contacts_and_representatives folder (and nhsuk_gp).
"""

from __future__ import annotations

from localnhs.sources import contacts_reps as cr
from localnhs.sources import nhsuk_gp, nhsuk_sites, registry

LISTED_BY = {"2014-02": "NHS Choices", "2016-02": "NHS Choices", "2018-01": "NHS.UK", "2019-05": "NHS.UK",
             "2020-01": "NHS.UK"}
CONTACT_SQL = "INSERT OR REPLACE INTO contact VALUES (?,?,?,?,?,?,?,?)"
ELECTION_2024 = "2024-07-04"


def _contacts(code, values, as_of, listed_by, source, line):
    return [(code, kind, v.value, as_of, listed_by, source, line, v.note) for kind, v in values if v is not None]


def load_nhsuk_gp(ctx) -> None:
    """NHS.UK's GP and CCG listings, and the phone and website of each hospital site."""
    conn = ctx.conn
    with ctx.step("contacts (NHS.UK)", total=len(registry.dataset(nhsuk_gp.DATASET).files) + 1) as advance:
        for f in registry.dataset(nhsuk_gp.DATASET).files:
            path = ctx.path(nhsuk_gp.DATASET, f.name)
            snap = f.name.split("/")[0]
            parsed = nhsuk_gp.read(path, snap)
            ctx.log(nhsuk_gp.DATASET, path, parsed.rejects, name=f.name)
            source = f"{nhsuk_gp.DATASET}/{f.name}"
            rows = []
            for r in parsed.rows:
                rows += _contacts(r.code, (("phone", r.phone), ("email", r.email), ("website", r.website)),
                                  f.as_of, LISTED_BY[snap], source, r.line)
            conn.executemany(CONTACT_SQL, rows)
            if f.part == "gp":
                conn.executemany("INSERT OR REPLACE INTO listing VALUES (?,?,?,?,?,?)",
                                 [(r.code, r.name, r.address, r.postcode, f.as_of, source) for r in parsed.rows])
            advance()
        # Hospital sites: the reader the trust footprints use (its files are logged by that step).
        for snap in nhsuk_sites.SNAPSHOTS:
            name = f"{snap}/{nhsuk_sites.FILE}"
            parsed = nhsuk_sites.read(ctx.path(nhsuk_sites.DATASET, name), snap)
            as_of = registry.as_of(nhsuk_sites.DATASET, name)
            rows = []
            for s in parsed.rows:
                rows += _contacts(s.code, (("phone", s.phone), ("website", s.website)), as_of, LISTED_BY[snap],
                                  f"{nhsuk_sites.DATASET}/{name}", s.line)
            conn.executemany(CONTACT_SQL, rows)
        advance()


def _read_logged(ctx, ds: str, reader):
    """The dataset's one file read with its reader and logged: (its registry entry, what was parsed,
    the source name every row keeps)."""
    f = registry.dataset(ds).files[0]
    path = ctx.path(ds, f.name)
    parsed = reader(path)
    ctx.log(ds, path, parsed.rejects)
    return f, parsed, f"{ds}/{f.name}"


def load_la_names(ctx) -> None:
    f, parsed, source = _read_logged(ctx, cr.LA_NAMES, cr.read_la_names)
    ctx.conn.executemany("INSERT OR REPLACE INTO local_authority VALUES (?,?,?,?,?,?,?,?)",
                         [(r.gss, r.code, r.official_name, r.nice_name, r.nation, int(r.current), r.replaced_by,
                           source) for r in parsed.rows])


def load_council_websites(ctx) -> None:
    """Council homepages by GSS code. A council GOV.UK still lists under the code of the council it
    replaced (North Yorkshire, E10000023 until 1 April 2023) gets the homepage too, saying so
    (mySociety's replaced-by says which council replaced which)."""
    conn = ctx.conn
    f, parsed, source = _read_logged(ctx, cr.COUNCILS, cr.read_councils)
    rows = [(c.gss, "website", c.website.value, f.as_of, "GOV.UK", source, c.line, c.website.note) for c in parsed.rows]
    listed = {c.gss for c in parsed.rows}
    la = {r[0]: r for r in conn.execute("SELECT gss, code, official_name, replaced_by FROM local_authority")}
    by_code = {r[1]: r for r in la.values()}
    for c in parsed.rows:
        old = la.get(c.gss)
        new = by_code.get(old[3]) if old and old[3] else None
        if new and new[0] not in listed:
            rows.append((new[0], "website", c.website.value, f.as_of, "GOV.UK", source, c.line,
                         f"listed by GOV.UK under {c.name} ({c.gss}), which {new[2]} replaced"))
    conn.executemany(CONTACT_SQL, rows)


def load_trust_websites(ctx) -> None:
    conn = ctx.conn
    f, parsed, source = _read_logged(ctx, cr.TRUST_WEBSITES, cr.read_trust_websites)
    candidates: dict[str, list[str]] = {}
    for code, name in conn.execute(
            "SELECT o.code, o.name FROM organisation o WHERE o.kind = 'nhs_trust' AND (o.closed IS NULL OR o.closed >= :d) "
            "UNION SELECT n.code, n.name FROM org_name n JOIN organisation o ON o.code = n.code "
            "WHERE o.kind = 'nhs_trust' AND (o.closed IS NULL OR o.closed >= :d)", {"d": f.as_of}):
        candidates.setdefault(code, []).append(name)
    matches = cr.match_trusts(parsed.rows, candidates)
    conn.executemany("INSERT INTO trust_name_match VALUES (?,?,?,?,?,?)",
                     [(m.line, m.listed_name, m.code, m.score, m.reason, source) for m in matches])
    site = {t.line: t.website for t in parsed.rows}
    conn.executemany(CONTACT_SQL, [
        (m.code, "website", site[m.line].value, f.as_of, "NHS England's provider directory", source, m.line,
         "; ".join(x for x in (None if m.reason == "same name" else f"matched by name: {m.reason}",
                                site[m.line].note) if x) or None)
        for m in matches if m.code])


def load_ge2024_mps(ctx) -> None:
    conn = ctx.conn
    f, parsed, source = _read_logged(ctx, cr.MPS, cr.read_mps)
    conn.executemany("INSERT OR REPLACE INTO constituency VALUES (?,?,?,?)",
                     [(m.constituency, m.constituency_name, m.country, source) for m in parsed.rows])
    conn.executemany("INSERT OR REPLACE INTO member_of_parliament VALUES (?,?,?,?,?,?)",
                     [(m.constituency, f"{m.first_name} {m.surname}".strip(), m.party, m.result, ELECTION_2024, source)
                      for m in parsed.rows])


def load_pcon24_lsoa11_lookup(ctx) -> None:
    conn, ds = ctx.conn, cr.PCON
    d = registry.dataset(ds)
    names_file = registry.file_name(ds, "names")
    overlap_file = registry.file_name(ds, "overlap")
    names_path = ctx.path(ds, names_file)
    names = cr.read_pcon_names(names_path)
    ctx.log(ds, names_path, names.rejects)
    path = ctx.path(ds, overlap_file)
    parsed = cr.read_overlaps(path, {short: gss for short, gss, _ in names.rows})
    ctx.log(ds, path, parsed.rejects)
    source = f"{d.id}/{overlap_file}"
    conn.executemany("INSERT OR IGNORE INTO constituency VALUES (?,?,?,?)",
                     [(gss, name, None, f"{d.id}/{names_file}") for _, gss, name in names.rows])
    conn.executemany("INSERT OR REPLACE INTO constituency_overlap VALUES (?,?,?,?,?)",
                     [(o.lsoa11, o.constituency, o.share, o.population, source) for o in parsed.rows])
