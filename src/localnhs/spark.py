"""PySpark: ``localnhs.spark.enrich(df, "postcode", as_of=[...])`` adds the columns of
`localnhs enrich` to a Spark DataFrame, with a broadcast join against the tables
`localnhs export` wrote (``postcode_keys.parquet``: postcode -> area key, and ``areas_<date>.parquet``)
- no Python UDF, so it runs in the JVM on every executor. The postcode table (~2.5 million rows,
only the columns asked for) is broadcast once, each date's area table (~37,000 rows) once; give
the driver 2 GB (``spark.driver.memory``).

    localnhs export --out /data/localnhs --format parquet --as-of today --as-of 2016-04-01
    df = localnhs.spark.enrich(spark.read.parquet("patients.parquet"), "postcode",
                               as_of=["today", "2016-04-01"], export_dir="/data/localnhs")

Rows keep their partitions' order (a broadcast hash join streams the input side); statuses and
column names are those of `localnhs enrich`.
"""

from __future__ import annotations

from pathlib import Path

from localnhs.enrichment import VALID, choose_fields, dated_name
from localnhs.export import ExportError, dates_from
from localnhs.query.bulk import DATED_FIELDS

FACT_FIELDS_ORDER = ("pcds", "pcd_status", "doterm", "ctry", "lat", "long", "lsoa11", "lsoa21", "msoa11", "osward")


def enrich(df, postcode_col: str = "postcode", as_of=None, fields=None, export_dir=None):
    """``df`` with status, the postcode fields and each date's fields (suffixed with the date)."""
    from pyspark.sql import functions as F

    from localnhs import paths

    dates = dates_from(as_of)
    chosen = choose_fields(fields)
    fact_fields = [f for f in chosen if f in FACT_FIELDS_ORDER]
    dated_fields = [f for f in chosen if f in DATED_FIELDS]
    folder = Path(export_dir) if export_dir else paths.var_dir() / "export"
    if postcode_col not in df.columns:
        raise ExportError(f"no column {postcode_col!r} in the DataFrame; its columns are: {', '.join(df.columns)}")
    added = ["status", *fact_fields, *[dated_name(f, d) for d in dates for f in dated_fields]]
    clash = [c for c in added if c in df.columns]
    if clash:
        raise ExportError(f"the DataFrame already has a column {clash[0]!r}, which enrichment adds")
    spark = df.sparkSession
    squashed = F.upper(F.regexp_replace(F.col(postcode_col).cast("string"), r"\s", ""))
    out = (df.withColumn("_localnhs_sq", squashed)
             .withColumn("_localnhs_key", F.when(F.col("_localnhs_sq").rlike(VALID), F.col("_localnhs_sq"))))
    keys_path = folder / "postcode_keys.parquet"
    missing = [p for p in [keys_path] + [folder / f"areas_{d.isoformat()}.parquet" for d in dates] if not p.exists()]
    if missing:
        raise ExportError(f"{missing[0].name} is not in {folder}: run `localnhs export --out {folder} --format parquet "
                          + " ".join(f"--as-of {d.isoformat()}" for d in dates) + "`")
    keys = spark.read.parquet(str(keys_path)).select(
        F.regexp_replace("pcds", " ", "").alias("_localnhs_key"), F.col("akey").alias("_localnhs_akey"),
        F.col("ctry").alias("_localnhs_ctry"), F.col("pcd_status").alias("_localnhs_st"),
        F.lit(True).alias("_localnhs_found"), *[F.col(f) for f in fact_fields])
    out = out.join(F.broadcast(keys), on="_localnhs_key", how="left")
    for d in dates:
        areas = spark.read.parquet(str(folder / f"areas_{d.isoformat()}.parquet")).select(
            F.col("akey").alias("_localnhs_akey"), *[F.col(f).alias(dated_name(f, d)) for f in dated_fields])
        out = out.join(F.broadcast(areas), on="_localnhs_akey", how="left")
    k = F.col("_localnhs_sq")
    found = F.col("_localnhs_found").isNotNull()
    status = (F.when(k.isNull() | ~k.rlike(VALID), F.lit("invalid"))
              .when(~found & k.rlike(r"^(BT|GY|JE|IM)[0-9]"), F.lit("outside_england"))
              .when(~found, F.lit("not_found"))
              .when(F.col("_localnhs_ctry") != F.lit("E92000001"), F.lit("outside_england"))
              .when(F.col("_localnhs_st") == F.lit("terminated"), F.lit("terminated"))
              .otherwise(F.lit("ok")))
    return out.select(*[F.col(c) for c in df.columns], status.alias("status"), *[F.col(c) for c in added[1:]])
