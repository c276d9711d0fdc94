"""ONS lookups of the CCG era (2015-2020): LSOA11 -> CCG per vintage, CCG -> STP and
NHS England region, LAD -> county, names.

ONS renames columns with every vintage (CCG16CD, CCG19CDH, ...) and moves them about,
so each file's columns are declared here by header name and mapped onto stable names.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from localnhs.sources._frame import CCG, COUNTY, LAD, LSOA11, NHSER, NHSRLO, ODS3, STP, TEXT, UTLA, WARD, Col, read_csv
from localnhs.sources._rows import Rejects

DATASET = "ons_lookups_2015_2020"
CCG_ODS = Col(ODS3, what="a 3-character ODS code")
REGION_ODS = Col(r"Y\d{2}", what="a Y-code")


@dataclass(frozen=True)
class Table:
    file: str  # its as-of date is declared in sources/registry.py
    columns: dict[str, tuple[str, Col]]  # header name -> (stable name, check)


def _lsoa_ccg(yy: str, file: str) -> Table:
    return Table(file, {
        "LSOA11CD": ("lsoa11", Col(LSOA11)),
        "LSOA11NM": ("lsoa11_name", Col(TEXT)),
        f"CCG{yy}CD": ("ccg", Col(CCG)),
        f"CCG{yy}CDH": ("ccg_ods", CCG_ODS),
        f"CCG{yy}NM": ("ccg_name", Col(TEXT)),
        f"LAD{yy}CD": ("lad", Col(LAD)),
        f"LAD{yy}NM": ("lad_name", Col(TEXT)),
    })


def _ccg_stp(yy: str, file: str, ods: bool = False) -> Table:
    cols = {
        f"CCG{yy}CD": ("ccg", Col(CCG)),
        f"STP{yy}CD": ("stp", Col(STP)),
        f"STP{yy}NM": ("stp_name", Col(TEXT)),
    }
    if ods:
        cols[f"STP{yy}CDH"] = ("stp_ods", Col(r"Q[0-9A-Z]{2}"))
    return Table(file, cols)


TABLES: dict[str, Table] = {
    "lsoa_ccg15": _lsoa_ccg("15", "LSOA11_CCG15_LAD15_EN_LU_Jul2015.csv.gz"),
    "lsoa_ccg16": _lsoa_ccg("16", "LSOA11_CCG16_LAD16_EN_LU_Apr2016.csv.gz"),
    "lsoa_ccg17": _lsoa_ccg("17", "LSOA11_CCG17_LAD17_EN_LU_Apr2017_v4.csv.gz"),
    "lsoa_ccg18": _lsoa_ccg("18", "LSOA11_CCG18_LAD18_EN_LU_Apr2018.csv.gz"),
    "lsoa_ccg19": _lsoa_ccg("19", "LSOA11_CCG19_LAD19_EN_LU_Apr2019.csv.gz"),
    "lsoa_ccg20": _lsoa_ccg("20", "LSOA11_CCG20_LAD20_EN_LU_Apr2020.csv.gz"),
    "lsoa_utla19": Table("LSOA11_UTLA19_EW_LU_2019.csv.gz", {
        "LSOA11CD": ("lsoa11", Col(LSOA11)),
        "UTLA19CD": ("utla", Col(UTLA)),
        "UTLA19NM": ("utla_name", Col(TEXT)),
    }),
    "lad16_cty16": Table("LAD16_CTY16_EN_LU_Dec2016.csv", {
        "LAD16CD": ("lad", Col(LAD)),
        "LAD16NM": ("lad_name", Col(TEXT)),
        "CTY16CD": ("county", Col(COUNTY, optional=True)),
        "CTY16NM": ("county_name", Col(TEXT, optional=True)),
    }),
    "ccg17_nhser17": Table("CCG17_NHSRLO17_NHSER17_EN_LU_Apr2017_v3.csv", {
        "CCG17CD": ("ccg", Col(CCG)),
        "NHSRLO17CD": ("nhsrlo", Col(NHSRLO)),
        "NHSRLO17NM": ("nhsrlo_name", Col(TEXT)),
        "NHSER17CD": ("nhser", Col(NHSER)),
        "NHSER17NM": ("nhser_name", Col(TEXT)),
    }),
    "ccg18_nhser18": Table("CCG18_NHSRLO18_NHSER18_EN_LU_Apr2018.csv", {
        "CCG18CD": ("ccg", Col(CCG)),
        "NHSRLO18CD": ("nhsrlo", Col(NHSRLO)),
        "NHSER18CD": ("nhser", Col(NHSER)),
        "NHSER18CDH": ("nhser_ods", REGION_ODS),
        "NHSER18NM": ("nhser_name", Col(TEXT)),
    }),
    "nhser19": Table("NHSER19_names_codes_EN_Apr2019.csv", {
        "NHSER19CD": ("nhser", Col(NHSER)),
        "NHSER19CDH": ("nhser_ods", REGION_ODS),
        "NHSER19NM": ("nhser_name", Col(TEXT)),
    }),
    "ccg_stp17": _ccg_stp("17", "CCG17_STP17_EN_LU_Apr2017_v3.csv"),
    "ccg_stp18": _ccg_stp("18", "CCG18_STP18_EN_LU_Apr2018_v2.csv"),
    "ccg_stp19": _ccg_stp("19", "CCG19_STP19_EN_LU_Apr2019.csv"),
    "ccg_stp20": _ccg_stp("20", "CCG20_STP20_EN_LU_Apr2020.csv", ods=True),
    # Ward names for the 2017 wards of the LSOA11 -> ward17 lookup (no WD17 list is shipped).
    "wd16": Table("WD16_LAD16_CTY16_RGN16_CTRY16_UK_LU_Dec2016_v2.csv.gz", {
        "WD16CD": ("ward", Col(WARD)),
        "WD16NM": ("ward_name", Col(TEXT)),
    }),
    "wd19": Table("WD19_names_codes_UK_Dec2019.csv", {
        "WD19CD": ("ward", Col(WARD)),
        "WD19NM": ("ward_name", Col(TEXT)),
    }),
}


def read(path: Path, table: Table) -> tuple[pl.DataFrame, Rejects]:
    """The table's declared columns under their stable names, plus ``_line``."""
    rejects = Rejects(path.name)
    spec = {header: check for header, (_, check) in table.columns.items()}
    df = read_csv(path, spec, rejects=rejects)
    return df.rename({header: stable for header, (stable, _) in table.columns.items()}), rejects


# NHS Digital's practice map of January 2022 (CCG21 / STP21 vintage) is the one shipped
# file that links each 2021 CCG, STP and region ONS code to its ODS code.
PRACTICE_MAP = Table("gp-reg-pat-prac-map_2022-01.csv", {
    "ONS_CCG_CODE": ("ccg", Col(CCG)),
    "CCG_CODE": ("ccg_ods", Col(r"[0-9A-Z]{3}|[0-9A-Z]{5}")),
    "ONS_STP_CODE": ("stp", Col(STP)),
    "STP_CODE": ("stp_ods", Col(r"Q[0-9A-Z]{2}")),
    "ONS_COMM_REGION_CODE": ("nhser", Col(NHSER)),
    "COMM_REGION_CODE": ("nhser_ods", REGION_ODS),
    "COMM_REGION_NAME": ("nhser_name", Col(TEXT)),
})
