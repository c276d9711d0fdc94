"""Bulk enrichment benchmark: `python bench/bulk.py` (or from `make bench` via measure()).

Input: 1,000,000 postcodes drawn (seeded, with replacement) from the real postcode table, in
the shapes people type them (upper and lower case, no space, extra spaces) with ~1% invalid,
as Parquet. Each run adds today's and the 2016-04-01 codes and names (every exported column)
and writes Parquet, in the same run as its baselines:

- localnhs: ``enrich_file`` in process over the build's compiled lookup (bulk_rows_per_s), and
  the whole ``localnhs enrich IN OUT`` command in its own process for its peak RSS and wall time;
- DuckDB: a hand-written join of the same input to the two exported tables (``localnhs export``),
  same normalisation, status, order and output (bulk_vs_duckdb_ratio = DuckDB time / ours);
- pandas: the same with ``DataFrame.merge`` (bulk_vs_pandas_ratio);
- HTTP: ``POST /api/places:bulk`` of 10,000 postcodes per request, both dates, to a real server on
  loopback (bulk_http_rows_per_s, rows answered per second of wall time, sequential requests).

Targets (issue 15): bulk_rows_per_s >= 1,000,000; bulk_vs_duckdb_ratio >= 1.0;
bulk_vs_pandas_ratio >= 10; peak RSS <= 1,024 MB; bulk_http_rows_per_s >= 100,000.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

DATES = ("today", "2016-04-01")
# The codes (no names): the postcode's own and each date's commissioner, ICB, region and councils.
CODE_FIELDS = ("pcds", "ctry", "lsoa11", "lsoa21", "msoa11", "ccg", "sicbl", "icb", "nhser", "oscty", "oslaua")
N_ROWS = 1_000_000
HTTP_BATCH = 10_000
HTTP_REQUESTS = 20
TARGETS = {"bulk_rows_per_s": 1_000_000, "bulk_vs_duckdb_ratio": 1.0, "bulk_vs_pandas_ratio": 10.0,
           "bulk_peak_rss_mb": 1024, "bulk_http_rows_per_s": 100_000}


def make_input(facts: pl.DataFrame, n: int, seed: int = 20261202) -> pl.DataFrame:
    """n postcodes from the table (with replacement) as typed: case and spacing varied, ~1% invalid."""
    rng = np.random.default_rng(seed)
    pcs = facts["pcds"].to_numpy()[rng.integers(0, facts.height, n)]
    shape = rng.integers(0, 5, n)
    df = pl.DataFrame({"id": np.arange(n), "postcode": pcs, "shape": shape})
    invalid = rng.random(n) < 0.01
    typed = (pl.when(pl.col("shape") == 1).then(pl.col("postcode").str.to_lowercase())
             .when(pl.col("shape") == 2).then(pl.col("postcode").str.replace(" ", ""))
             .when(pl.col("shape") == 3).then(pl.lit(" ") + pl.col("postcode").str.replace(" ", "  ") + pl.lit(" "))
             .when(pl.col("shape") == 4).then(pl.col("postcode").str.to_lowercase().str.replace(" ", ""))
             .otherwise(pl.col("postcode")))
    return (df.with_columns(postcode=typed)
            .with_columns(postcode=pl.when(pl.Series(invalid)).then(pl.col("postcode").str.slice(0, 3) + pl.lit("!?"))
                          .otherwise(pl.col("postcode")))
            .select("id", "postcode"))


def _dated(fields, iso):
    return [f"{f}_{iso.replace('-', '_')}" for f in fields]


def duckdb_join(inp: Path, tables: dict[str, Path], out: Path, fact_fields, dated_fields) -> float:
    """The hand-written DuckDB baseline: normalise, left join each date's exported table, status,
    input order, Parquet out. Returns seconds."""
    import duckdb

    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    dates = list(tables)
    first = dates[0]
    ctes = [f"""i AS (SELECT *, row_number() OVER () AS rn,
                    upper(regexp_replace(postcode, '\\s', '', 'g')) AS k FROM read_parquet('{inp}'))"""]
    sel = []
    for n, (iso, path) in enumerate(tables.items()):
        cols = (list(fact_fields) if iso == first else []) + list(dated_fields)
        ctes.append(f"t{n} AS (SELECT replace(pcds, ' ', '') AS k, ctry AS _ctry, pcd_status AS _st, "
                    + ", ".join(f'"{c}" AS "{c}{"" if c in fact_fields else "_" + iso.replace("-", "_")}"' for c in cols)
                    + f" FROM read_parquet('{path}'))")
    for n, iso in enumerate(dates):
        sel += [f't{n}."{c}"' for c in ((list(fact_fields) if n == 0 else []) + _dated(dated_fields, iso))]
    joins = " ".join(f"LEFT JOIN t{n} USING (k)" for n in range(len(dates)))
    sql = f"""COPY (WITH {", ".join(ctes)}
      SELECT i.id, i.postcode,
        CASE WHEN NOT regexp_full_match(i.k, '[A-Z]{{1,2}}[0-9][0-9A-Z]?[0-9][A-Z]{{2}}') THEN 'invalid'
             WHEN t0.pcds IS NULL AND regexp_matches(i.k, '^(BT|GY|JE|IM)[0-9]') THEN 'outside_england'
             WHEN t0.pcds IS NULL THEN 'not_found'
             WHEN t0._ctry <> 'E92000001' THEN 'outside_england'
             WHEN t0._st = 'terminated' THEN 'terminated' ELSE 'ok' END AS status,
        {", ".join(sel)}
      FROM i {joins} ORDER BY i.rn) TO '{out}' (FORMAT parquet, COMPRESSION zstd)"""
    t = time.perf_counter()
    con.execute(sql)
    secs = time.perf_counter() - t
    con.close()
    return secs


def pandas_merge(inp: Path, tables: dict[str, Path], out: Path, fact_fields, dated_fields) -> float:
    import pandas as pd

    t = time.perf_counter()
    df = pd.read_parquet(inp)
    df["k"] = df["postcode"].str.replace(r"\s", "", regex=True).str.upper()
    for n, (iso, path) in enumerate(tables.items()):
        cols = (list(fact_fields) if n == 0 else []) + list(dated_fields)
        t_ = pd.read_parquet(path, columns=list(dict.fromkeys(["pcds", *cols, *(["ctry", "pcd_status"] if n == 0 else [])])))
        t_["k"] = t_["pcds"].str.replace(" ", "", regex=False)
        if n == 0:
            t_ = t_.rename(columns={"ctry": "_ctry", "pcd_status": "_st"})
            if "ctry" in fact_fields:
                t_["ctry"] = t_["_ctry"]
        if n or "pcds" not in fact_fields:
            t_ = t_.drop(columns=["pcds"]) if n else t_
        t_ = t_.rename(columns={c: f"{c}_{iso.replace('-', '_')}" for c in dated_fields})
        df = df.merge(t_, on="k", how="left")
    valid = df["k"].str.fullmatch(r"[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}").fillna(False)
    status = pd.Series("ok", index=df.index)
    status[df["_st"] == "terminated"] = "terminated"
    status[df["_ctry"].notna() & (df["_ctry"] != "E92000001")] = "outside_england"
    status[df["_ctry"].isna()] = "not_found"
    status[df["_ctry"].isna() & df["k"].str.match(r"^(BT|GY|JE|IM)[0-9]")] = "outside_england"
    status[~valid] = "invalid"
    df.insert(2, "status", status)
    df.drop(columns=["k", "_ctry", "_st"]).to_parquet(out, compression="zstd")
    return time.perf_counter() - t


def bulk_http(db: Path, postcodes: list[str], dates) -> dict:
    """Sequential POST /api/places:bulk requests of HTTP_BATCH postcodes, both dates, CSV out."""
    import urllib.request

    sys.path.insert(0, str(Path(__file__).parent))
    from server import serving

    batches = [postcodes[i * HTTP_BATCH:(i + 1) * HTTP_BATCH] for i in range(HTTP_REQUESTS)]
    with serving(db) as base:
        def post(batch):
            body = json.dumps({"postcodes": batch, "as_of": list(dates), "format": "csv"}).encode()
            req = urllib.request.Request(base + "/api/places:bulk", data=body,
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=120) as r:
                data = r.read()
                if r.status != 200:
                    raise RuntimeError(f"bulk request answered {r.status}")
            return data.count(b"\n") - 1

        post(batches[0][:1000])  # warm-up: the server compiles its lookup for these dates
        t = time.perf_counter()
        rows = sum(post(b) for b in batches)
        secs = time.perf_counter() - t
    return {"bulk_http_rows_per_s": round(rows / secs), "bulk_http_rows": rows, "bulk_http_requests": len(batches)}


def measure(db_path, n_rows: int = N_ROWS, http: bool = True) -> dict:
    from localnhs.enrichment import Enricher, enrich_file
    from localnhs.export import DATED_FIELDS, FACT_FIELDS, Lookup, dates_from, export
    from localnhs.store.db import connect

    db_path = Path(db_path)
    conn = connect(db_path)
    lookup = Lookup(conn)
    dates = [d.isoformat() for d in dates_from(list(DATES))]
    work = Path(tempfile.mkdtemp(prefix="localnhs-bench-bulk-"))
    try:
        export(conn, work / "export", dates, formats=("parquet",))  # also compiles the lookup
        tables = {iso: work / "export" / f"postcodes_{iso}.parquet" for iso in dates}
        facts = pl.from_arrow(lookup.facts().select(["pcds"]))
        inp = work / "input.parquet"
        frame = make_input(facts, n_rows)
        frame.write_parquet(inp)
        fact_fields = [f for f in CODE_FIELDS if f in FACT_FIELDS]
        dated_fields = [f for f in CODE_FIELDS if f in DATED_FIELDS]
        Enricher(lookup, dates, CODE_FIELDS)  # warm (reads the lookup files once, as a long-running process would)

        t = time.perf_counter()
        counts = enrich_file(lookup, inp, work / "ours.parquet", "postcode", dates, CODE_FIELDS)
        ours = time.perf_counter() - t
        duck = duckdb_join(inp, tables, work / "duck.parquet", fact_fields, dated_fields)
        same = pl.read_parquet(work / "ours.parquet").equals(pl.read_parquet(work / "duck.parquet"))
        pandas_s = pandas_merge(inp, tables, work / "pandas.parquet", fact_fields, dated_fields)

        t = time.perf_counter()
        enrich_file(lookup, inp, work / "all.parquet", "postcode", dates)
        all_s = time.perf_counter() - t
        duck_all = duckdb_join(inp, tables, work / "duck_all.parquet", list(FACT_FIELDS), DATED_FIELDS)

        # Peak RSS of the command alone: a small wrapper process runs it and reports its children's
        # peak (measured from here, a forked child would count this big process's pages too).
        cmd = [sys.executable, "-m", "localnhs", "enrich", str(inp), str(work / "cli.parquet"), "--quiet",
               "--fields", ",".join(CODE_FIELDS)]
        cmd += [a for d in dates for a in ("--as-of", d)]
        wrapper = ("import json, resource, subprocess, sys, time; t = time.perf_counter(); "
                   "subprocess.run(json.loads(sys.argv[1]), check=True, stdout=subprocess.DEVNULL); "
                   "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        res = subprocess.run([sys.executable, "-c", wrapper, json.dumps(cmd)], check=True, capture_output=True,
                             text=True, env={**os.environ, "LOCALNHS_DB": str(db_path)})
        cli_s, rss_kb = (float(x) for x in res.stdout.split())
        rss_mb = rss_kb / 1024
        figures = {
            "bulk_rows": counts["rows"], "bulk_dates": dates, "bulk_fields": list(CODE_FIELDS),
            "bulk_status_counts": {k: counts[k] for k in ("ok", "terminated", "outside_england", "not_found", "invalid")},
            "bulk_s": round(ours, 3), "bulk_rows_per_s": round(counts["rows"] / ours),
            "bulk_duckdb_s": round(duck, 3), "bulk_vs_duckdb_ratio": round(duck / ours, 2),
            "bulk_same_as_duckdb": same,
            "bulk_pandas_s": round(pandas_s, 3), "bulk_vs_pandas_ratio": round(pandas_s / ours, 1),
            "bulk_all_fields_s": round(all_s, 3), "bulk_all_fields_duckdb_s": round(duck_all, 3),
            "bulk_cli_s": round(cli_s, 3), "bulk_cli_rows_per_s": round(counts["rows"] / cli_s),
            "bulk_peak_rss_mb": round(rss_mb),
        }
        if http:
            figures.update(bulk_http(db_path, frame["postcode"].head(HTTP_BATCH * HTTP_REQUESTS).to_list(), dates))
        else:
            figures["bulk_http_rows_per_s"] = None
        return figures
    finally:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    from localnhs import paths

    db = Path(os.environ.get("LOCALNHS_DB", paths.default_db()))
    http = "--no-http" not in sys.argv
    f = measure(db, http=http)
    print(f"{'figure':<24}{'value':>14}{'target':>12}  met")
    for k in ("bulk_rows_per_s", "bulk_vs_duckdb_ratio", "bulk_vs_pandas_ratio", "bulk_peak_rss_mb",
              "bulk_http_rows_per_s"):
        v, target = f.get(k), TARGETS[k]
        met = None if v is None else (v <= target if k == "bulk_peak_rss_mb" else v >= target)
        print(f"{k:<24}{'-' if v is None else f'{v:,}':>14}{target:>12,}  {'-' if met is None else 'yes' if met else 'NO'}")
    print(f"(codes: enrich {f['bulk_s']} s in process, whole `localnhs enrich` command {f['bulk_cli_s']} s; "
          f"DuckDB {f['bulk_duckdb_s']} s, same output: {f['bulk_same_as_duckdb']}; pandas {f['bulk_pandas_s']} s; "
          f"every column with names: enrich {f['bulk_all_fields_s']} s, DuckDB {f['bulk_all_fields_duckdb_s']} s; "
          f"load average {os.getloadavg()[0]:.1f})")
    print(json.dumps(f))


if __name__ == "__main__":
    main()
