"""Postcodes from Code-Point Open and the ONS lookup, placed in LSOAs, on the real build."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from localnhs.sources import codepoint
from localnhs.sources._rows import Rejects

LIVE_EN = "FROM postcode WHERE country = 'E92000001' AND status = 'live' AND source = 'codepo_gb_2025.4.0.zip'"


def scalar(conn, sql, *args):
    return conn.execute(sql, args).fetchone()[0]


def test_code_point_counts(conn):
    assert scalar(conn, "SELECT count(*) FROM postcode WHERE source = 'codepo_gb_2025.4.0.zip'") == 1_745_849
    assert scalar(conn, f"SELECT count(*) {LIVE_EN}") == 1_492_125
    assert scalar(conn, f"SELECT count(*) {LIVE_EN} AND lat IS NOT NULL") == 1_491_312
    by_country = dict(conn.execute("SELECT country, count(*) FROM postcode WHERE status='live' GROUP BY country"))
    assert by_country == {"E92000001": 1_492_125, "W92000004": 92_248, "S92000003": 161_476}


def test_placement_coverage(conn):
    located = scalar(conn, f"SELECT count(*) {LIVE_EN} AND lat IS NOT NULL")
    misses = conn.execute(f"""
        SELECT p.pcd, p.placed_by, p.lsoa21, l.sicbl24, l.icb24
        {LIVE_EN.replace('FROM postcode', 'FROM postcode p LEFT JOIN lsoa21 l ON l.code = p.lsoa21')}
        AND p.lat IS NOT NULL AND (l.sicbl24 IS NULL OR l.icb24 IS NULL)""").fetchall()
    print(f"\nlocated English postcodes without LSOA21/sub-ICB/ICB: {len(misses)}", misses[:20])
    assert len(misses) <= 0.001 * located
    placed = dict(conn.execute(f"SELECT placed_by, count(*) {LIVE_EN} GROUP BY placed_by"))
    print("placed_by (live English, Code-Point):", placed)
    assert sum(placed.values()) == 1_492_125
    assert placed["ons_lookup"] > 1_450_000
    assert 30_000 < placed["point_in_polygon"] < 40_000
    assert placed.get("nearest_polygon", 0) < 500
    # Unplaced = no coordinates and not live in the lookup: nothing to place them by.
    assert scalar(conn, f"SELECT count(*) {LIVE_EN} AND placed_by = 'unplaced' AND lat IS NOT NULL") == 0
    assert placed.get("unplaced", 0) <= 813
    # Everything placed has a complete chain LSOA21 -> LSOA11 -> MSOA11.
    assert scalar(conn, f"SELECT count(*) {LIVE_EN} AND placed_by != 'unplaced' "
                        "AND (lsoa11 IS NULL OR lsoa21 IS NULL OR msoa11 IS NULL)") == 0


def test_warrington(conn):
    row = conn.execute("SELECT * FROM postcode WHERE pcd = 'WA5 1QG'").fetchone()
    assert row["lad"] == "E06000007" and row["status"] == "live" and row["placed_by"] == "ons_lookup"
    assert abs(row["lat"] - 53.394) < 0.01 and abs(row["lon"] + 2.611) < 0.01
    ccg16 = scalar(conn, "SELECT a.ods_code FROM lsoa11 l JOIN area a ON a.type='ccg' AND a.vintage='2016' "
                         "AND a.code = l.ccg16 WHERE l.code = ?", row["lsoa11"])
    assert ccg16 == "02E"
    icb = conn.execute("SELECT a.ods_code, a.name FROM lsoa21 l JOIN area a ON a.type='icb' AND a.vintage='2024' "
                       "AND a.code = l.icb24 WHERE l.code = ?", (row["lsoa21"],)).fetchone()
    assert icb[0] == "QYG" and "Cheshire and Merseyside" in icb[1]
    assert scalar(conn, "SELECT ambulance FROM lsoa11 WHERE code = ?", row["lsoa11"]) == "RX7"


def test_corby(conn):
    ods = scalar(conn, "SELECT a.ods_code FROM postcode p JOIN lsoa11 l ON l.code = p.lsoa11 "
                       "JOIN area a ON a.type='ccg' AND a.vintage='2016' AND a.code = l.ccg16 "
                       "WHERE p.pcd = 'NN17 1AB'")
    assert ods == "03V"


def test_wales_and_scotland_kept_without_lsoas(conn):
    row = conn.execute("SELECT * FROM postcode WHERE pcd = 'CF10 1AA'").fetchone()
    assert row["country"] == "W92000004" and row["lsoa11"] is None and row["lat"] is not None
    assert scalar(conn, "SELECT country FROM postcode WHERE pcd = 'EH1 1AD'") == "S92000003"


def test_terminated_postcodes(conn):
    row = conn.execute("SELECT * FROM postcode WHERE pcd = 'AL1 1AA'").fetchone()
    assert row["status"] == "terminated" and row["terminated"] == "1994-05"
    assert row["lat"] is None and row["lsoa11"] == "E01023743" and row["placed_by"] == "ons_lookup"
    # Live in May 2022 but gone from Code-Point in Oct 2025: terminated, date unknown.
    gone = scalar(conn, "SELECT count(*) FROM postcode WHERE status='terminated' AND terminated IS NULL")
    assert 15_000 < gone < 25_000


def test_postcodes_are_normalised(conn):
    shape = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}$")
    bad = [p for (p,) in conn.execute("SELECT pcd FROM postcode") if not shape.match(p)]
    assert bad == []


def _zip(rows_by_member):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(100):
            zf.writestr(f"codepo_gb/Data/CSV/z{i:03d}.csv", '"ZZ1 1AA",10,1,1,"E92000001","","","","E06000001","E05000001"\n'
                        .replace("ZZ1 1AA", f"Z{i} 1AA"))
        for name, text in rows_by_member.items():
            zf.writestr(f"codepo_gb/Data/CSV/{name}", text)
    return buf.getvalue()


def test_code_point_rejects_name_member_and_line(tmp_path):
    good = '"WA5 1QG",10,359485,388745,"E92000001","E19000001","E18000002","","E06000007","E05011025"\n'
    bad = '"WA5 1QX",10,35948x,388745,"E92000001","E19000001","E18000002","","E06000007","E05011025"\n'
    path = tmp_path / "codepo_gb_2025.4.0.zip"
    path.write_bytes(_zip({"wa.csv": good + bad + good.replace("1QG", "1QH")}))
    rejects = Rejects(path.name)
    df = codepoint.read(path, rejects)
    assert df.height == 102
    assert rejects.items == [(2, "codepo_gb/Data/CSV/wa.csv:2: EA '35948x' is not an easting")]
