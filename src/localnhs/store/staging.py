"""The tables several datasets fill together, held while the dataset steps run and written once
every contributor has put its rows.

An organisation is named by one file and given its address by another (later puts win field by
field); an area's first name wins; the LSOA tables take one column from each of six datasets;
a practice's commissioner comes from epraccur, its amendments and epcmem together. Each dataset
module of ``store/datasets/`` adds what its own files say to a `Staged` (the build context's
``staged``); the `write_organisations` and `write_geography` steps, which the registry runs after
their contributors, write the result. Everything else a dataset loads it writes itself.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import polars as pl

from localnhs.store.intervals import close_open_ends, day_before, from_snapshots

RELATIONSHIP_SQL = ("INSERT INTO relationship (from_code, to_code, kind, valid_from, valid_to, source, method, weight)"
                    " VALUES (?,?,?,?,?,?,?,?)")


class Orgs:
    """Organisation rows keyed by code; later puts (newer files) win field by field."""

    def __init__(self):
        self.rows: dict[str, dict] = {}

    def put(self, code: str, **fields) -> None:
        row = self.rows.setdefault(code, {"code": code})
        row.update({k: v for k, v in fields.items() if v not in (None, "")})

    def write(self, conn) -> None:
        cols = ["code", "name", "kind", "address", "postcode", "opened", "closed", "source", "as_of"]
        conn.executemany(
            f"INSERT INTO organisation ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
            [tuple(r.get(c) for c in cols) for r in self.rows.values() if r.get("name") and r.get("kind")],
        )


class Areas:
    """area rows keyed by (type, vintage, code); a later put never silently changes a name."""

    def __init__(self):
        self.rows: dict[tuple[str, str, str], tuple] = {}

    def put(self, code, type_, vintage, name, source, ods=None, parent=None):
        key = (type_, vintage, code)
        if key in self.rows:
            return
        self.rows[key] = (code, type_, vintage, name or code, ods or None, parent or None, source)

    def frame(self, df: pl.DataFrame, type_, vintage, source, code="code", name="name", ods=None, parent=None):
        cols = [code, name] + [c for c in (ods, parent) if c]
        for r in df.select(cols).unique(code, keep="first", maintain_order=True).iter_rows(named=True):
            self.put(r[code], type_, vintage, r[name], source, r[ods] if ods else None, r[parent] if parent else None)

    def set_parents(self, type_, vintage, parent_of: dict) -> None:
        for (t, v, code), row in list(self.rows.items()):
            if t == type_ and v == vintage and parent_of.get(code):
                self.rows[(t, v, code)] = row[:5] + (parent_of[code],) + row[6:]

    def write(self, conn):
        conn.executemany("INSERT INTO area VALUES (?,?,?,?,?,?,?)", list(self.rows.values()))


@dataclass
class TrustLists:
    """Snapshot observations of trusts (name, foundation status, region, headquarters' STP/ICB)
    from the ODS trust lists of several dates (etr, nhs_trusts): intervals come from all of them."""

    list_dates: dict[str, str] = field(default_factory=dict)  # full trust lists: names, FT status
    region_dates: dict[str, str] = field(default_factory=dict)  # region-only lists, after those
    hlhg_dates: dict[str, str] = field(default_factory=dict)  # STP-only lists, after those
    name_obs: list[tuple] = field(default_factory=list)
    ft_obs: list[tuple] = field(default_factory=list)
    region_obs: list[tuple] = field(default_factory=list)
    hlhg_obs: list[tuple] = field(default_factory=list)
    opened: dict[str, str | None] = field(default_factory=dict)
    closed: dict[str, str | None] = field(default_factory=dict)

    def observe(self, code, fname, name, region, hlhg) -> None:
        self.name_obs.append((code, fname, name, fname))
        self.ft_obs.append((code, fname, "yes" if "FOUNDATION" in name.upper() else "no", fname))
        if region:
            self.region_obs.append((code, fname, region, fname))
        if hlhg:
            self.hlhg_obs.append((code, fname, hlhg, fname))

    def write(self, conn) -> None:
        dated = {"open_first": self.opened, "closed": self.closed}
        names(conn, from_snapshots(self.name_obs, self.list_dates, **dated))
        attributes(conn, "foundation_trust", from_snapshots(self.ft_obs, self.list_dates, **dated))
        rows = []
        for subject, value, start, end, src in from_snapshots(
                self.region_obs, {**self.list_dates, **self.region_dates}, **dated):
            rows.append((subject, value, "in_region", start, end, src, "ODS trust list", None))
        for subject, value, start, end, src in from_snapshots(
                self.hlhg_obs, {**self.list_dates, **self.hlhg_dates}, **dated):
            rows.append((subject, value, "part_of", start, end, src, "ODS trust list (headquarters)", None))
        relationships(conn, rows)


@dataclass
class Staged:
    orgs: Orgs = field(default_factory=Orgs)
    areas: Areas = field(default_factory=Areas)
    # (practice, commissioner, start, end, file) from every file that dates a membership.
    memberships: list[tuple] = field(default_factory=list)
    # epraccur release file -> as-of date (the snapshots practices' and commissioners' facts are read from).
    release_dates: dict[str, str] = field(default_factory=dict)
    trust_lists: TrustLists = field(default_factory=TrustLists)
    # (trust, date, type, file) and the ERIC wording, from ERIC and CQC: one run of values per trust.
    trust_types: list[tuple] = field(default_factory=list)
    trust_type_details: list[tuple] = field(default_factory=list)
    # LSOA table columns, one frame per contributing file ("code" plus its columns); the first
    # frame of lsoa11 (the 2015 CCG lookup) gives the rows.
    lsoa11: list[pl.DataFrame] = field(default_factory=list)
    lsoa21: list[pl.DataFrame] = field(default_factory=list)
    # Parsed files two datasets' steps read (the patients map names CCG21s and regions).
    parsed: dict[str, object] = field(default_factory=dict)


def relationships(conn, rows) -> None:
    conn.executemany(RELATIONSHIP_SQL, rows)


def names(conn, intervals) -> None:
    conn.executemany("INSERT INTO org_name VALUES (?,?,?,?,?)", intervals)


def attributes(conn, attribute, intervals) -> None:
    conn.executemany(
        "INSERT INTO org_attribute VALUES (?,?,?,?,?,?)",
        [(code, attribute, value, start, end, src) for code, value, start, end, src in intervals],
    )


def runs(observations):
    """(code, date, value, source) -> intervals where each value holds until a different one is seen."""
    by_code = defaultdict(list)
    for code, date, value, source in observations:
        by_code[code].append((date, value, source))
    out = []
    for code, obs in by_code.items():
        obs.sort()
        seq = []
        for date, value, source in obs:
            if not seq or seq[-1][1] != value:
                seq.append([date, value, source])
        for i, (date, value, source) in enumerate(seq):
            start = None if i == 0 else date
            end = day_before(seq[i + 1][0]) if i + 1 < len(seq) else None
            out.append((code, value, start, end, source))
    return out


def read_logged(ctx, dataset: str, fname: str, reader, *args):
    """Read one raw file with its reader and log it (hash, registry date, rows, rejects)."""
    path = ctx.path(dataset, fname)
    parsed = reader(path, *args)
    ctx.log(dataset, path, parsed.rejects)
    return parsed


def write_organisations(ctx) -> None:
    """The organisation rows, the practices' commissioners and the trusts' types, once every
    organisation dataset has put its part."""
    staged = ctx.staged
    with ctx.step("organisations: write", total=1) as advance:
        relationships(ctx.conn, [
            (practice, comm, "commissioned_by", start, end, src, "ODS membership", None)
            for practice, comm, start, end, src in close_open_ends(staged.memberships)
        ])
        staged.trust_lists.write(ctx.conn)
        attributes(ctx.conn, "trust_type", runs(staged.trust_types))
        attributes(ctx.conn, "trust_type_detail", runs(staged.trust_type_details))
        staged.orgs.write(ctx.conn)
        advance()


LSOA11_COLS = ("code", "name", "msoa11", "ccg15", "ccg16", "ccg17", "ccg18", "ccg19", "ccg20", "ccg21",
               "sicbl22", "icb22", "lad16", "lad21", "utla19", "ward17", "ambulance", "lat", "lon")
LSOA21_COLS = ("code", "name", "lsoa11", "sicbl24", "icb24", "ward24", "lad24", "lat", "lon")


def lsoa_frame(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """The first part's rows with every later part's columns (left joins on code)."""
    base = parts[0]
    for part in parts[1:]:
        base = base.join(part, on="code", how="left")
    return base


def write_geography(ctx) -> None:
    """The two LSOA tables and the area rows, once every geography dataset has added its columns."""
    staged, conn = ctx.staged, ctx.conn
    with ctx.step("geography: write", total=1) as advance:
        lsoa11 = lsoa_frame(staged.lsoa11)
        lsoa21 = lsoa_frame(staged.lsoa21)
        conn.executemany(f"INSERT INTO lsoa11 VALUES ({','.join('?' * len(LSOA11_COLS))})",
                         lsoa11.select(LSOA11_COLS).iter_rows())
        conn.executemany(f"INSERT INTO lsoa21 VALUES ({','.join('?' * len(LSOA21_COLS))})",
                         lsoa21.select(LSOA21_COLS).iter_rows())
        staged.areas.write(conn)
        ctx.notes.append(f"geography: {len(staged.areas.rows):,} areas, {lsoa11.height:,} LSOA11, "
                         f"{lsoa21.height:,} LSOA21")
        staged.lsoa11.clear()
        staged.lsoa21.clear()
        advance()
