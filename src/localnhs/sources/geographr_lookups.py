"""ONS lookups of 2017-2024 (CCG21, sub-ICB/ICB 2022 and 2024, LSOA11 -> LSOA21, wards,
LAD -> UTLA / region) as geographr republished them, with geographr's column names.

Declared per file like ons_lookups, so a renamed column fails by name.
"""

from __future__ import annotations

from localnhs.sources._frame import SICBL_ODS as _SICBL_ODS
from localnhs.sources._frame import CCG, ICB, LAD, LSOA11, LSOA21, REGION, STP, TEXT, UTLA, WARD, Col
from localnhs.sources.ons_lookups import Table, read  # noqa: F401  (same declared-table reader)

DATASET = "geographr_lookups"
SICBL_ODS = Col(_SICBL_ODS, what="a 3- or 5-character ODS code")
ICB_ODS = Col(r"Q[0-9A-Z]{2}", what="an ICB Q-code")

TABLES: dict[str, Table] = {
    "lsoa_ccg21": Table("lookup_lsoa11_ccg21_stp21_ltla21.csv.gz", {
        "lsoa11_code": ("lsoa11", Col(LSOA11)),
        "ccg21_code": ("ccg", Col(CCG)),
        "ccg21_name": ("ccg_name", Col(TEXT)),
        "stp21_code": ("stp", Col(STP)),
        "stp21_name": ("stp_name", Col(TEXT)),
        "ltla21_code": ("lad", Col(LAD)),
        "ltla21_name": ("lad_name", Col(TEXT)),
    }),
    "lsoa_sicbl22": Table("lookup_lsoa11_sicbl22_icb22_ltla22.csv.gz", {
        "lsoa11_code": ("lsoa11", Col(LSOA11)),
        "sicbl22_code": ("sicbl", Col(CCG)),
        "sicbl22_code_h": ("sicbl_ods", SICBL_ODS),
        "sicbl22_name": ("sicbl_name", Col(TEXT)),
        "icb22_code": ("icb", Col(ICB)),
        "icb22_code_h": ("icb_ods", ICB_ODS),
        "icb22_name": ("icb_name", Col(TEXT)),
    }),
    "lsoa21_icb24": Table("lookup_lsoa21_icb24.csv.gz", {
        "lsoa21_code": ("lsoa21", Col(LSOA21)),
        "lsoa21_name": ("lsoa21_name", Col(TEXT)),
        "sicbl24_code": ("sicbl", Col(CCG)),
        "sicbl24_code_nhs": ("sicbl_ods", SICBL_ODS),
        "sicbl24_name": ("sicbl_name", Col(TEXT)),
        "icb24_code": ("icb", Col(ICB)),
        "icb24_code_nhs": ("icb_ods", ICB_ODS),
        "icb24_name": ("icb_name", Col(TEXT)),
    }),
    "lsoa21_ward24": Table("lookup_lsoa21_ward24_ltla24.csv.gz", {
        "lsoa21_code": ("lsoa21", Col(LSOA21)),
        "ward24_code": ("ward", Col(WARD)),
        "ward24_name": ("ward_name", Col(TEXT)),
        "ltla24_code": ("lad", Col(LAD)),
        "ltla24_name": ("lad_name", Col(TEXT)),
    }),
    "lsoa11_lsoa21": Table("lookup_lsoa11_lsoa21_ltla22.csv.gz", {
        "lsoa11_code": ("lsoa11", Col(LSOA11)),
        "change_code": ("change", Col("[USMX]", what="a change code U/S/M/X")),
        "lsoa21_code": ("lsoa21", Col(LSOA21)),
        "lsoa21_name": ("lsoa21_name", Col(TEXT)),
    }),
    "lsoa11_ward17": Table("lookup_lsoa11_ward17.csv.gz", {
        "lsoa11_code": ("lsoa11", Col(LSOA11)),
        "ward17_code": ("ward", Col(WARD)),
    }),
    "ltla21_utla21": Table("lookup_ltla21_utla21.csv", {
        "ltla21_code": ("lad", Col(LAD)),
        "ltla21_name": ("lad_name", Col(TEXT)),
        "utla21_code": ("utla", Col(UTLA)),
        "utla21_name": ("utla_name", Col(TEXT)),
    }),
    "ltla23_utla23": Table("lookup_ltla23_utla23.csv", {
        "ltla23_code": ("lad", Col(LAD)),
        "ltla23_name": ("lad_name", Col(TEXT)),
        "utla23_code": ("utla", Col(UTLA)),
        "utla23_name": ("utla_name", Col(TEXT)),
    }),
    "ltla24_region24": Table("lookup_ltla24_region24.csv", {
        "ltla24_code": ("lad", Col(LAD)),
        "ltla24_name": ("lad_name", Col(TEXT)),
        "region24_code": ("region", Col(REGION)),
        "region24_name": ("region_name", Col(TEXT)),
    }),
}

