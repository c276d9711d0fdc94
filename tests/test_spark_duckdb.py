"""The same enrichment in DuckDB (the SQL macro over the exported Parquet) and in PySpark
(local[2], a broadcast join against the exported Parquet, no Python UDF): row for row what
`localnhs enrich` writes for a real sample of postcodes as people type them."""

from __future__ import annotations

import random

import polars as pl
import pytest

DATES = ["2016-04-01", "2025-06-01"]
FIELDS = ["pcds", "lsoa11", "ctry", "ccg", "ccg_name", "sicbl", "icb", "icb_name", "nhser", "oslaua"]


@pytest.fixture(scope="module")
def exported(conn, tmp_path_factory):
    from localnhs.export import export

    out = tmp_path_factory.mktemp("export")
    export(conn, out, DATES, formats=("parquet",))
    return out


@pytest.fixture(scope="module")
def sample(conn):
    """2,000 real postcodes (all countries, live and terminated) typed in different shapes, and
    a few that are not postcodes or not in the data."""
    from localnhs.export import Lookup

    pcs = Lookup(conn).fact_column("pcds").to_pylist()
    rng = random.Random(15)
    picked = rng.sample(pcs, 2000)
    typed = [[p, p.lower(), p.replace(" ", ""), f" {p} "][i % 4] for i, p in enumerate(picked)]
    typed += ["not a postcode", "", None, "ZZ99 9ZZ", "BT1 1AA", "wa5 1qg"]
    return pl.DataFrame({"id": list(range(len(typed))), "postcode": typed})


@pytest.fixture(scope="module")
def ours(conn, sample):
    from localnhs.enrichment import enrich_frame
    from localnhs.export import Lookup

    return enrich_frame(sample, as_of=DATES, fields=FIELDS, lookup=Lookup(conn))


def test_duckdb_macro_matches_enrich(exported, sample, ours):
    import duckdb

    from localnhs.duckdb_sql import register

    con = duckdb.connect()
    register(con, exported)
    con.register("patients_df", sample.to_arrow())
    con.execute("CREATE TABLE patients AS SELECT * FROM patients_df")
    for d in DATES:
        res = con.execute(f"SELECT * FROM localnhs_enrich_{d.replace('-', '_')}('patients', postcode)")
        got = pl.from_arrow((getattr(res, "to_arrow_table", None) or res.fetch_arrow_table)())
        dated = [f for f in FIELDS if f not in ("pcds", "lsoa11", "ctry")]
        want = ours.select("id", "postcode", "status", "pcds", "lsoa11", "ctry",
                           *[pl.col(f"{f}_{d.replace('-', '_')}").alias(f) for f in dated])
        assert got["id"].to_list() == want["id"].to_list()          # order kept
        assert got.select(want.columns).equals(want), d


def test_spark_broadcast_join_matches_enrich(exported, sample, ours, tmp_path):
    from pyspark.sql import SparkSession

    from localnhs import spark as lspark

    session = (SparkSession.builder.master("local[2]").appName("localnhs-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "2g").config("spark.sql.autoBroadcastJoinThreshold", "-1")
               .getOrCreate())
    try:
        sample.write_parquet(tmp_path / "in.parquet")
        df = session.read.parquet(str(tmp_path / "in.parquet"))
        result = lspark.enrich(df, "postcode", as_of=DATES, fields=FIELDS, export_dir=exported)
        plan = result._jdf.queryExecution().executedPlan().toString()
        assert "BroadcastHashJoin" in plan and "PythonUDF" not in plan and "BatchEvalPython" not in plan
        got = pl.from_arrow(result.toArrow()) if hasattr(result, "toArrow") else pl.from_pandas(result.toPandas())
        assert got.columns == ours.columns
        assert got.sort("id").equals(ours.sort("id"))
    finally:
        session.stop()
