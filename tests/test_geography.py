"""Areas, LSOA tables, map shapes and catchments from the real build."""

from __future__ import annotations

import json

import pytest

from localnhs.sources import geographr_lookups, ons_lookups
from localnhs.sources._rows import SourceError


def scalar(conn, sql, *args):
    return conn.execute(sql, args).fetchone()[0]


def test_lsoa11_table_has_every_english_lsoa_and_vintage(conn):
    assert scalar(conn, "SELECT count(*) FROM lsoa11") == 32_844
    assert scalar(conn, "SELECT count(DISTINCT ccg16) FROM lsoa11") == 209
    assert scalar(conn, "SELECT count(DISTINCT ccg19) FROM lsoa11") == 191
    assert scalar(conn, "SELECT count(DISTINCT ccg20) FROM lsoa11") == 135
    assert scalar(conn, "SELECT count(DISTINCT ccg21) FROM lsoa11") == 106
    assert scalar(conn, "SELECT count(DISTINCT sicbl22) FROM lsoa11") == 106
    assert scalar(conn, "SELECT count(DISTINCT icb22) FROM lsoa11") == 42
    for col in ("msoa11", "ccg15", "ccg16", "ccg17", "ccg18", "ccg19", "ccg20", "ccg21", "sicbl22", "icb22",
                "lad16", "lad21", "utla19", "ward17", "ambulance", "lat", "lon"):
        assert scalar(conn, f"SELECT count(*) FROM lsoa11 WHERE {col} IS NULL") == 0, col
    # Isle of Wight's own trust runs its ambulances.
    assert scalar(conn, "SELECT count(*) FROM lsoa11 WHERE ambulance = 'R1F'") == 89


def test_lsoa21_table(conn):
    assert scalar(conn, "SELECT count(*) FROM lsoa21") == 33_755
    assert scalar(conn, "SELECT count(DISTINCT sicbl24) FROM lsoa21") == 106
    assert scalar(conn, "SELECT count(DISTINCT icb24) FROM lsoa21") == 42
    for col in ("name", "lsoa11", "sicbl24", "icb24", "ward24", "lad24", "lat", "lon"):
        assert scalar(conn, f"SELECT count(*) FROM lsoa21 WHERE {col} IS NULL") == 0, col
    # Every chosen LSOA11 exists; unchanged LSOAs keep their code.
    assert scalar(conn, "SELECT count(*) FROM lsoa21 l LEFT JOIN lsoa11 o ON o.code = l.lsoa11 WHERE o.code IS NULL") == 0
    assert scalar(conn, "SELECT lsoa11 FROM lsoa21 WHERE code = 'E01012457'") == "E01012457"


def test_representative_points_are_in_england(conn):
    for table in ("lsoa11", "lsoa21"):
        lo, hi = conn.execute(f"SELECT min(lat), max(lat) FROM {table}").fetchone()
        assert 49.8 < lo and hi < 55.9
        lo, hi = conn.execute(f"SELECT min(lon), max(lon) FROM {table}").fetchone()
        assert -6.5 < lo and hi < 1.8


def area_counts(conn, type_):
    return dict(conn.execute("SELECT vintage, count(*) FROM area WHERE type = ? GROUP BY vintage", (type_,)).fetchall())


def test_area_vintages(conn):
    assert area_counts(conn, "ccg") == {"2015": 209, "2016": 209, "2017": 207, "2018": 195, "2019": 191,
                                        "2020": 135, "2021": 106}
    assert area_counts(conn, "sub_icb") == {"2022": 106, "2024": 106}
    assert area_counts(conn, "icb") == {"2022": 42, "2024": 42}
    assert area_counts(conn, "nhs_region")["2017"] == 4
    assert area_counts(conn, "nhs_region")["2024"] == 7
    assert area_counts(conn, "region") == {"2024": 9}
    assert area_counts(conn, "lsoa11") == {"2011": 32_844}
    assert area_counts(conn, "lsoa21") == {"2021": 33_755}
    assert area_counts(conn, "msoa11") == {"2011": 6_791}
    assert area_counts(conn, "stp") == {"2017": 44, "2018": 42, "2019": 42, "2020": 42, "2021": 42}
    lads = area_counts(conn, "lad")
    assert lads["2016"] == 326 and lads["2021"] == 309 and lads["2024"] == 296
    assert set(area_counts(conn, "utla")) == {"2019", "2021", "2023"}
    assert set(area_counts(conn, "ward")) == {"2017", "2024", "2025"}
    # Every CCG, sub-ICB and ICB carries its ODS code.
    assert scalar(conn, "SELECT count(*) FROM area WHERE type IN ('ccg','sub_icb','icb') AND ods_code IS NULL") == 0


def test_regions_2024_and_icb_parents(conn):
    regions = dict(conn.execute("SELECT ods_code, name FROM area WHERE type='nhs_region' AND vintage='2024'"))
    assert regions == {"Y56": "London", "Y59": "South East", "Y58": "South West", "Y60": "Midlands",
                       "Y63": "North East and Yorkshire", "Y61": "East of England", "Y62": "North West"}
    orphans = conn.execute(
        "SELECT i.code FROM area i LEFT JOIN area r ON r.type='nhs_region' AND r.vintage='2024' AND r.code=i.parent_code "
        "WHERE i.type='icb' AND i.vintage IN ('2022','2024') AND r.code IS NULL").fetchall()
    assert orphans == []
    per_region = dict(conn.execute(
        "SELECT r.name, count(*) FROM area i JOIN area r ON r.type='nhs_region' AND r.vintage='2024' "
        "AND r.code=i.parent_code WHERE i.type='icb' AND i.vintage='2024' GROUP BY r.name"))
    # London has five ICBs (North West, North Central, North East, South East, South West London).
    assert per_region == {"London": 5, "South East": 6, "South West": 7, "Midlands": 11,
                          "North East and Yorkshire": 4, "East of England": 6, "North West": 3}
    # Sub-ICBs point at ICBs of the same vintage.
    assert scalar(conn,
                  "SELECT count(*) FROM area s LEFT JOIN area i ON i.type='icb' AND i.vintage=s.vintage AND i.code=s.parent_code "
                  "WHERE s.type='sub_icb' AND i.code IS NULL") == 0


def test_council_parents(conn):
    def area(t, v, c):
        row = conn.execute("SELECT name, parent_code FROM area WHERE type=? AND vintage=? AND code=?", (t, v, c)).fetchone()
        return tuple(row) if row else None
    assert area("lad", "2016", "E07000150") == ("Corby", "E10000021")      # district in Northamptonshire
    assert area("lad", "2016", "E06000007") == ("Warrington", None)        # unitary
    assert area("lad", "2016", "E08000012")[1] is None                     # Liverpool: metropolitan
    assert area("county", "2016", "E10000021")[0] == "Northamptonshire"
    assert area("lad", "2024", "E06000061") == ("North Northamptonshire", "E06000061")
    assert area("lad", "2024", "E07000117")[1] == "E10000017"              # Burnley -> Lancashire


def test_map_shapes(conn):
    counts = {(t, v): n for t, v, n in conn.execute(
        "SELECT type, vintage, count(*) FROM area_geometry GROUP BY type, vintage")}
    assert counts == {("lsoa21", "2021"): 33_755, ("icb", "2024"): 42, ("sub_icb", "2024"): 106,
                      ("nhs_region", "2024"): 7, ("lad", "2024"): 296, ("utla", "2023"): 153,
                      ("ccg", "2016"): 209}
    geom = json.loads(scalar(conn, "SELECT geojson FROM area_geometry WHERE type='icb' AND code='E54000008'"))
    assert geom["type"] in ("Polygon", "MultiPolygon")
    lon, lat = (geom["coordinates"][0][0] if geom["type"] == "Polygon" else geom["coordinates"][0][0][0])
    assert -3.5 < lon < -1.5 and 52.9 < lat < 53.8
    assert len(str(lon).split(".")[1]) <= 5


def test_catchments(conn):
    assert dict(conn.execute("SELECT year, count(DISTINCT msoa11) FROM catchment GROUP BY year")) == {2018: 6791, 2019: 6791}
    # Warrington's MSOAs send most admissions to Warrington and Halton (RWW).
    top = conn.execute("""
        SELECT trust FROM catchment c WHERE year = 2019 AND msoa11 IN
          (SELECT DISTINCT msoa11 FROM lsoa11 WHERE lad21 = 'E06000007')
        GROUP BY trust ORDER BY sum(share) DESC LIMIT 1""").fetchone()[0]
    assert top == "RWW"
    assert scalar(conn, "SELECT max(share) FROM catchment") <= 1.0 + 1e-9


def test_import_log(conn):
    log = {f: (a, r) for f, a, r in conn.execute("SELECT file, as_of, rows FROM import_log")}
    assert log["codepo_gb_2025.4.0.zip"] == ("2025-10-17", 1_745_849)
    assert log["PCD_OA_LSOA_MSOA_LAD_MAY22_EN_extract.csv.gz"] == ("2022-05-01", 2_226_377)
    for f in ("LSOA11_CCG16_LAD16_EN_LU_Apr2016.csv.gz", "lookup_lsoa21_icb24.csv.gz", "boundaries_lsoa21.geojson.gz",
              "trust_msoa11_catchyear2018.csv", "lsoa11_ambulance_service.csv.gz", "ccgs.json"):
        assert log[f][0] is not None, f


def test_missing_column_names_file_and_column(tmp_path):
    bad = tmp_path / ons_lookups.TABLES["lsoa_ccg16"].file.replace(".gz", "")
    bad.write_text("LSOA11CD,LSOA11NM,CCG16CD,CCG16NM,LAD16CD,LAD16NM\nE01000001,x,E38000001,y,E09000001,z\n")
    with pytest.raises(SourceError, match=r"LSOA11_CCG16_LAD16_EN_LU_Apr2016\.csv: missing column\(s\) CCG16CDH"):
        ons_lookups.read(bad, ons_lookups.TABLES["lsoa_ccg16"])


def test_bad_rows_are_rejected_with_line(tmp_path):
    t = geographr_lookups.TABLES["ltla21_utla21"]
    f = tmp_path / t.file
    f.write_text("ltla21_name,ltla21_code,utla21_name,utla21_code\nA,E06000001,A,E06000001\nB,XX,B,E06000002\n"
                 "C,E06000003,C,E06000003\n")
    df, rejects = geographr_lookups.read(f, t)
    assert df.height == 2
    assert rejects.lines() == ["lookup_ltla21_utla21.csv:3: ltla21_code 'XX' is not "
                               r"/[EWSN](?:06|07|08|09|12|13|41|42)\d{6}/"]
