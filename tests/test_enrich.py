"""Bulk enrichment and export over the real database: `localnhs export` and `localnhs enrich`, the
Python API on pandas and polars frames, statuses per row, order kept, streaming in batches,
clear errors; and the exported codes agree with the single-postcode answer (local_system)."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys

import pandas as pd
import polars as pl
import pytest

from localnhs.attribution import LINES

SAMPLE_SEED = 20261202


def run(db_path, *args):
    env = {"LOCALNHS_DB": str(db_path), "PATH": "", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "localnhs", *args], capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def lookup(conn):
    from localnhs.export import Lookup

    return Lookup(conn)


@pytest.fixture(scope="module")
def english_sample(lookup):
    """Real English postcodes (live and terminated), seeded."""
    facts = pl.DataFrame({"pcds": lookup.fact_column("pcds"), "ctry": lookup.fact_column("ctry")})
    pcs = facts.filter(pl.col("ctry") == "E92000001")["pcds"].to_list()
    return random.Random(SAMPLE_SEED).sample(pcs, 400)


def _typed(pcs):
    """The shapes people type: lower case, no space, extra spaces."""
    out = []
    for i, p in enumerate(pcs):
        out.append([p, p.lower(), p.replace(" ", ""), f"  {p.replace(' ', '   ')} "][i % 4])
    return out


def test_export_writes_dated_documented_tables(db_path, tmp_path):
    res = run(db_path, "export", "--out", str(tmp_path), "--as-of", "2016-04-01", "--as-of", "2025-06-01")
    assert res.returncode == 0, res.stderr
    for d in ("2016-04-01", "2025-06-01"):
        pq_ = pl.read_parquet(tmp_path / f"postcodes_{d}.parquet")
        csv_ = pl.read_csv(tmp_path / f"postcodes_{d}.csv", infer_schema=False)
        assert pq_.height == csv_.height > 2_000_000 and pq_.columns == csv_.columns
        assert pq_["pcds"].is_unique().all()
    readme = (tmp_path / "README.md").read_text()
    assert all(f"`{c}`" in readme for c in pq_.columns)
    assert all(line in readme for line in LINES)
    assert "codepo_gb_2025.4.0.zip" in readme
    old = pl.read_parquet(tmp_path / "postcodes_2016-04-01.parquet").filter(pl.col("pcds").is_in(["WA5 1QG", "NN17 1AB"]))
    rows = {r["pcds"]: r for r in old.iter_rows(named=True)}
    assert rows["WA5 1QG"]["ccg"] == "02E" and rows["WA5 1QG"]["ccg_name"] == "NHS Warrington CCG"
    assert rows["WA5 1QG"]["sicbl"] is None and rows["WA5 1QG"]["oslaua"] == "E06000007"
    assert rows["NN17 1AB"]["ccg"] == "03V" and rows["NN17 1AB"]["oscty"] == "E10000021"  # Northamptonshire, 2016
    wales = pl.read_parquet(tmp_path / "postcodes_2025-06-01.parquet").filter(pl.col("pcds") == "CF10 1AA").row(0, named=True)
    assert wales["ctry"] == "W92000004" and wales["icb"] is None


@pytest.mark.parametrize("as_of", ["2016-04-01", "2025-06-01", "2026-12-02"])
def test_export_agrees_with_the_single_lookup(lookup, conn, english_sample, as_of):
    """Every exported code is the one local_system() answers for that postcode and date."""
    from localnhs.query.local_system import local_system

    flat = lookup.flat(as_of).filter(pl.col("pcds").is_in(english_sample))
    rows = {r["pcds"]: r for r in flat.iter_rows(named=True)}
    assert len(rows) == len(english_sample)
    for pc in english_sample[:150]:
        ls = local_system(conn, pc, as_of, n_practices=1)
        r = rows[pc]
        exported = [c for c in (r["ccg"], r["sicbl"], r["area_team"], r["icb"], r["nhser"]) if c]
        assert sorted(exported) == sorted(b.code for b in ls.commissioners), pc
        assert [c for c in (r["oscty"], r["oslaua"]) if c] == [c.code for c in ls.councils], pc
        assert r["healthwatch_name"] == (ls.healthwatch.name if ls.healthwatch else None)
        assert r["lsoa11"] == ls.location.lsoa11 and r["pcd_status"] == ls.location.status


def test_compiled_postcode_facts_are_the_postcode_table(lookup, conn):
    """The compiled postcode table (read from the stored columns, not the view) holds every postcode
    once, and a seeded sample of them (all countries, live and terminated) carries exactly the view's
    values, coordinates to the bit; each English postcode's area key names its LSOAs and district,
    and the key's representative is the first postcode of that area (or the postcode itself where it
    is answered through a neighbour); other countries have none."""
    fields = ("pcds", "pcd_status", "doterm", "ctry", "lat", "long", "lsoa11", "lsoa21", "msoa11", "osward")
    facts = pl.DataFrame({f: lookup.fact_column(f) for f in fields} | {"akey": lookup.facts().column("akey")})
    assert facts.height == conn.execute("SELECT count(*) FROM postcode").fetchone()[0]
    assert facts["pcds"].n_unique() == facts.height
    keys = {r["akey"]: r for r in lookup.keys().iter_rows(named=True)}
    first_of = (facts.filter(pl.col("akey") >= 0).group_by("akey").agg(pl.col("pcds").min()))
    first_of = dict(first_of.iter_rows())
    picked = random.Random(SAMPLE_SEED).sample(range(facts.height), 3000)
    seen = {"E92000001": 0, "other": 0, "terminated": 0, "no location": 0}
    for r in facts[picked].iter_rows(named=True):
        v = conn.execute("SELECT status, terminated, country, lat, lon, lsoa11, lsoa21, msoa11, ward, lad "
                         "FROM postcode WHERE pcd = ?", (r["pcds"],)).fetchone()
        assert tuple(r[f] for f in fields[1:]) == tuple(v)[:9], r["pcds"]
        seen["E92000001" if v["country"] == "E92000001" else "other"] += 1
        seen["terminated"] += v["status"] == "terminated"
        seen["no location"] += v["lat"] is None
        if v["country"] != "E92000001":
            assert r["akey"] == -1, r["pcds"]
            continue
        key = keys[r["akey"]]
        assert key["pcd"] == first_of[r["akey"]], r["pcds"]
        if key["standin"]:
            assert key["pcd"] == r["pcds"] and v["lat"] is None and v["lsoa11"] is None
        else:
            assert (key["lsoa11"] or "", key["lsoa21"] or "", key["lad"] or "") == \
                (v["lsoa11"] or "", v["lsoa21"] or "", v["lad"] or ""), r["pcds"]
    assert min(seen.values()) > 20, seen


def test_enrich_csv_keeps_every_row_in_order_with_a_status(db_path, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,postcode,note\n1,wa51qg,a\n2, WA5  1QG ,b\n3,not a postcode,c\n4,CF10 1AA,wales\n"
                   "5,ZZ99 9ZZ,unknown\n6,BT1 1AA,ni\n7,,empty\n8,NN17 1AB,x\n9,007,leading zeros kept\n")
    res = run(db_path, "enrich", str(src), str(tmp_path / "out.csv"), "--as-of", "2016-04-01", "--as-of", "2025-06-01",
              "--fields", "ccg,sicbl,icb,lsoa11", "--quiet")
    assert res.returncode == 0, res.stderr
    out = pl.read_csv(tmp_path / "out.csv", infer_schema=False)
    assert out["id"].to_list() == [str(i) for i in range(1, 10)]
    assert out["status"].to_list() == ["ok", "ok", "invalid", "outside_england", "not_found", "outside_england",
                                       "invalid", "ok", "invalid"]
    assert out.columns == ["id", "postcode", "note", "status", "pcds", "lsoa11", "ccg_2016_04_01", "sicbl_2016_04_01",
                           "icb_2016_04_01", "ccg_2025_06_01", "sicbl_2025_06_01", "icb_2025_06_01"]
    first = out.row(0, named=True)
    assert first["pcds"] == "WA5 1QG" and first["ccg_2016_04_01"] == "02E" and first["icb_2025_06_01"] == "QYG"
    assert first["sicbl_2025_06_01"] == "02E" and first["icb_2016_04_01"] is None
    assert out.row(7, named=True)["ccg_2016_04_01"] == "03V"
    assert out["note"][8] == "leading zeros kept" and out["postcode"][8] == "007"
    assert "9 rows" in res.stdout


def test_enrich_parquet_streams_in_batches_like_one_pass(lookup, english_sample, tmp_path):
    from localnhs.enrichment import enrich_file, enrich_frame

    pcs = _typed(english_sample) * 10 + ["SW1A 1AA", "EH1 1YZ", "nonsense", None]
    frame = pl.DataFrame({"row": list(range(len(pcs))), "postcode": pcs})
    frame.write_parquet(tmp_path / "in.parquet")
    counts = enrich_file(lookup, tmp_path / "in.parquet", tmp_path / "out.parquet", as_of=["2016-04-01", "today"],
                         batch_rows=333)
    streamed = pl.read_parquet(tmp_path / "out.parquet")
    whole = enrich_frame(frame, as_of=["2016-04-01", "today"], lookup=lookup)
    assert streamed.equals(whole)
    assert streamed["row"].to_list() == list(range(len(pcs)))
    assert counts["rows"] == len(pcs) and counts["invalid"] == 2 and counts["outside_england"] == 1
    # the same postcode however typed gets the same answer
    today = dt.date.today().isoformat().replace("-", "_")
    by_pc = streamed.filter(pl.col("status") == "ok").group_by("pcds").agg(
        pl.col(f"icb_name_{today}").n_unique().alias("n"), pl.col("ccg_2016_04_01").n_unique().alias("m"))
    assert by_pc.height > 100 and (by_pc["n"] == 1).all() and (by_pc["m"] == 1).all()


def test_python_api_pandas_and_polars(db_path, english_sample):
    import localnhs

    pcs = _typed(english_sample[:50])
    pdf = pd.DataFrame({"postcode": pcs, "x": range(50)}, index=range(100, 150))
    got = localnhs.enrich(pdf, as_of="2016-04-01", fields=["ccg", "ccg_name"], db=db_path)
    assert isinstance(got, pd.DataFrame) and list(got.index) == list(range(100, 150))
    assert list(got.columns) == ["postcode", "x", "status", "pcds", "ccg_2016_04_01", "ccg_name_2016_04_01"]
    pol = localnhs.enrich(pl.DataFrame({"postcode": pcs, "x": range(50)}), as_of="2016-04-01",
                          fields="ccg,ccg_name", db=db_path)
    assert isinstance(pol, pl.DataFrame)
    assert pl.from_pandas(got.reset_index(drop=True)).equals(pol)
    assert set(pol["status"]) <= {"ok", "terminated"} and pol["pcds"].to_list() == english_sample[:50]


def test_enrich_errors_are_messages(db_path, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,pc\n1,WA5 1QG\n")
    res = run(db_path, "enrich", str(src), str(tmp_path / "o.csv"))
    assert res.returncode == 2 and "no column 'postcode'" in res.stderr and "id, pc" in res.stderr
    assert not (tmp_path / "o.csv").exists() and "Traceback" not in res.stderr
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"this is not parquet")
    res = run(db_path, "enrich", str(bad), str(tmp_path / "o.csv"))
    assert res.returncode == 2 and "cannot read" in res.stderr and "Traceback" not in res.stderr
    res = run(db_path, "enrich", str(tmp_path / "missing.csv"), str(tmp_path / "o.csv"))
    assert res.returncode == 2 and "no such file" in res.stderr
    res = run(db_path, "enrich", str(src), str(tmp_path / "o.xlsx"), "--postcode-column", "pc")
    assert res.returncode == 2 and ".csv or .parquet" in res.stderr
    res = run(db_path, "enrich", str(src), str(tmp_path / "o.csv"), "--postcode-column", "pc", "--fields", "icb,nope")
    assert res.returncode == 2 and "unknown field 'nope'" in res.stderr
    res = run(db_path, "enrich", str(src), str(tmp_path / "o.csv"), "--postcode-column", "pc", "--as-of", "soon")
    assert res.returncode == 2 and "not a date" in res.stderr


def test_bulk_api_set_based_dates_and_csv(db_path):
    from fastapi.testclient import TestClient

    from localnhs.api.app import create_app

    api = TestClient(create_app(db_path))
    body = {"postcodes": ["wa51qg", "not a postcode", "CF10 1AA", "NN17 1AB", "ZZ99 9ZZ"],
            "as_of": ["2016-04-01", "2025-06-01"], "fields": ["ccg", "icb", "icb_name"]}
    r = api.post("/api/places:bulk", json=body)
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["as_of"] == ["2016-04-01", "2025-06-01"] and data["count"] == 5
    first, bad, wales, corby, unknown = data["results"]
    assert first["query"] == "wa51qg" and first["status"] == "ok" and first["ccg_2016_04_01"] == "02E"
    assert first["icb_2025_06_01"] == "QYG" and "error" not in first
    assert bad["error"]["code"] == "invalid_input" and bad["error"]["status"] == 400
    assert wales["error"]["code"] == "outside_england" and unknown["error"]["code"] == "not_found"
    assert corby["ccg_2016_04_01"] == "03V"
    csv_ = api.post("/api/places:bulk?format=csv", json=body)
    assert csv_.status_code == 200 and csv_.headers["content-type"].startswith("text/csv")
    table = pl.read_csv(csv_.content, infer_schema=False)
    assert table["query"].to_list() == body["postcodes"]
    assert table.columns == ["query", "status", "pcds", "ccg_2016_04_01", "icb_2016_04_01", "icb_name_2016_04_01",
                             "ccg_2025_06_01", "icb_2025_06_01", "icb_name_2025_06_01"]
    assert table["ccg_2016_04_01"].to_list() == ["02E", None, None, "03V", None]
    for wrong in ({**body, "fields": ["nope"]}, {**body, "as_of": ["2016-04-01", "later"]},
                  {**body, "format": "xml"}, {**body, "as_of": [1]}):
        e = api.post("/api/places:bulk", json=wrong)
        assert e.status_code == 400 and e.json()["error"]["code"] == "invalid_input", e.text
