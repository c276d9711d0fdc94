"""Every official dataset the build reads, declared once (in the spirit of openprescribing's
sources metadata and MapIt's one importer per source).

A `Dataset` is one folder of ``raw/``: its files and the date each describes, who publishes it,
under which licence, the attribution statements that licence requires, where `localnhs update`
fetches it, which parser reads it and which build step loads it, and the datasets whose loaded
rows that step reads. The build order, `localnhs about`, `/about/data`, the attribution lines
and `update`'s URLs are all generated from this list; a parser or loader never spells a file's
as-of date itself (`as_of(dataset, file)`).

Callables are named as "module:function" strings so that reading the registry (for `about`,
the web footer) imports no parser, polars or shapely.

To add a dataset: add one `Dataset` below, its parser in ``sources/`` and its loader as
``store/datasets/<id>.py`` (a ``load(ctx)``, which `OWN` names); tests/test_registry.py then
checks it builds, is logged with these dates, has a PROVENANCE.md, attribution and a loader.
A dataset whose rows go into a table several datasets fill (organisations, areas, the LSOA
tables: store/staging.py) names that table's write step in ``stages``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

# The attribution statements the licences require, in the order they are shown.
STATEMENTS = {
    "ogl": "Contains public sector information licensed under the Open Government Licence v3.0.",
    "os": "Contains OS data © Crown copyright and database right 2025.",
    "royal_mail": "Contains Royal Mail data © Royal Mail copyright and database right 2025.",
    "national_statistics": "Contains National Statistics data © Crown copyright and database right 2025.",
    "ons": "Source: Office for National Statistics licensed under the Open Government Licence v3.0.",
    "ods": "NHS England / NHS Digital Organisation Data Service data, Open Government Licence v3.0.",
    "parliament": "Contains Parliamentary information licensed under the Open Parliament Licence v3.0.",
    "mysociety": "Contains mySociety data (local authority names and codes; LSOA to 2024 constituency overlaps), "
                 "licensed under CC BY 4.0.",
    "gds": "Council homepages from GOV.UK Local Links Manager, © Crown copyright (Government Digital Service), MIT licence.",
}
OGL = "OGL v3.0"
ODS_ATTRIBUTION = ("ogl", "ods")
ONS_ATTRIBUTION = ("ogl", "ons")


def own_loader(dataset_id: str) -> str:
    return f"{DATASETS_PACKAGE}.{dataset_id}:load"


@dataclass(frozen=True)
class File:
    """One raw file: its name in the dataset folder and the date its contents describe.

    ``part`` says what the file is within its dataset when a dataset holds files of several
    kinds (epraccur releases and an amendments file), so a loader picks files by part."""

    name: str
    as_of: str
    part: str = ""


@dataclass(frozen=True)
class Dataset:
    id: str  # the folder under raw/
    title: str
    publisher: str
    licence: str
    attribution: tuple[str, ...]  # keys of STATEMENTS
    files: tuple[File, ...]
    parse: tuple[str, ...]  # "module:function" of the readers of its files
    load: str  # "module:function" of the build step that loads it; OWN: store/datasets/<id>.py
    # What the load step needs first: dataset ids (their rows or files), or a step such as DERIVED.
    depends: tuple[str, ...] = ()
    # The write steps (store/staging.py) of the shared tables this dataset adds rows to.
    stages: tuple[str, ...] = ()
    downloads: dict[str, str] = field(default_factory=dict)  # file name -> official URL, for `update`
    page: str | None = None  # the publisher's page for the dataset

    def __post_init__(self):
        if self.load == OWN:
            object.__setattr__(self, "load", own_loader(self.id))

    def file(self, name: str) -> File:
        for f in self.files:
            if f.name == name:
                return f
        raise KeyError(f"{self.id}/{name} is not declared in sources/registry.py")


OWN = ""  # the dataset's own module: store/datasets/<id>.py, function load
DATASETS_PACKAGE = "localnhs.store.datasets"
ORGS = "localnhs.store.staging:write_organisations"
GEO = "localnhs.store.staging:write_geography"
DERIVED = "localnhs.store.derive:load"
FOOTPRINTS = "localnhs.store.footprint:load"
CONTACTS = "localnhs.store.load_contacts:load"  # + "_<dataset>": one function per contacts dataset
CR = "contacts_and_representatives"
ODS_CURRENT = "https://files.digital.nhs.uk/assets/ods/current/"
ODS_PAGE = "https://digital.nhs.uk/services/organisation-data-service/"

DATASETS: tuple[Dataset, ...] = (
    # Organisations first: the small files fail fast when one is corrupt.
    Dataset(
        "epraccur", "GP practices",
        "NHS Digital (HSCIC until 2016) / NHS England Organisation Data Service (ODS)", OGL, ODS_ATTRIBUTION,
        (File("epraccur_2015-11-27.csv", "2015-11-27", "release"),
         File("epraccur_2017-02.csv", "2017-02-01", "release"),
         File("epraccur_2019-H2.csv", "2019-08-01", "release"),
         File("epraccur_2025-09.csv", "2025-09-01", "release"),
         File("epraccur_2026-02_dse.csv", "2026-02-03", "release"),
         File("egpam_2015-12-18.csv", "2015-12-18", "amendment")),
        ("localnhs.sources.epraccur:read",), OWN, stages=(ORGS,),
        downloads={"epraccur.zip": ODS_CURRENT + "epraccur.zip"}, page=ODS_PAGE,
    ),
    Dataset(
        "epcmem", "GP practice membership of commissioners",
        "NHS Digital Organisation Data Service (ODS)", OGL, ODS_ATTRIBUTION,
        (File("epcmem_2019-10.csv", "2019-07-31"),),
        ("localnhs.sources.epcmem:read",), OWN, depends=("epraccur",), stages=(ORGS,), page=ODS_PAGE,
    ),
    Dataset(
        "patients_registered", "Patients registered at each GP practice",
        "HSCIC / NHS Digital (now NHS England); NHS Business Services Authority", OGL, ("ogl",),
        (File("gp-reg-patients-2016-01.csv", "2016-01-01", "hscic_2016"),
         File("nhsbsa_practice_list_size_and_gp_count_2016-01.csv", "2016-01-01", "nhsbsa_2016"),
         File("gp-reg-pat-prac-all_2021-01.csv", "2021-01-01", "totals_2021"),
         File("gp-reg-pat-prac-map_2022-01.csv", "2022-01-01", "map_2022")),
        ("localnhs.sources.patients:read_hscic_2016", "localnhs.sources.patients:read_nhsbsa_2016",
         "localnhs.sources.patients:read_totals_2021", "localnhs.sources.patients:read_map_2022"),
        OWN, depends=("epraccur", "eccg"), stages=(ORGS,),
    ),
    Dataset(
        "eccg", "Commissioners: CCGs, sub-ICB locations and ICBs",
        "NHS England Organisation Data Service (ODS); ONS Open Geography Portal", OGL, ODS_ATTRIBUTION + ("ons",),
        (File("eccg_2025-12_dse.csv", "2025-12-01", "eccg"),
         File("ons_icb_names_codes_dec_2024.csv", "2024-12-01", "icb_names")),
        ("localnhs.sources.ods_orgs:read", "localnhs.sources.ods_orgs:read_icb_names"), OWN,
        depends=("epraccur",), stages=(ORGS,),
        downloads={"eccg.zip": ODS_CURRENT + "eccg.zip"}, page=ODS_PAGE,
    ),
    Dataset(
        "etr", "NHS trusts", "NHS England Organisation Data Service (ODS)", OGL, ODS_ATTRIBUTION,
        (File("etr_2025-12_dse.csv", "2025-12-01"),),
        ("localnhs.sources.ods_orgs:read",), OWN, stages=(ORGS,),
        downloads={"etr.zip": ODS_CURRENT + "etr.zip"}, page=ODS_PAGE,
    ),
    Dataset(
        "nhs_trusts", "NHS trusts with their region and partnership",
        "NHS Digital Organisation Data Service (ODS); ONS", OGL, ODS_ATTRIBUTION,
        (File("etr_2016.csv", "2016-01-01", "etr_old"),
         File("etr_2021.csv", "2021-02-01", "etr_old"),
         File("trusts22_nhs_region21.csv", "2022-01-01", "regions"),
         File("trusts22_stp21.csv", "2022-01-01", "stps")),
        ("localnhs.sources.trust_lists:read_etr_old", "localnhs.sources.trust_lists:read_regions",
         "localnhs.sources.trust_lists:read_stps"), OWN, depends=("etr", "eccg"), stages=(ORGS,),
    ),
    Dataset(
        "trust_types", "NHS trust types (Estates Returns Information Collection)",
        "NHS Digital (HSCIC), Estates Returns Information Collection (ERIC)", OGL, ("ogl",),
        (File("HospitalEstatesAndFacilitiesStatistics_12611_ERIC_2015-16.xls", "2015-04-01", "eric_xls"),
         File("HospitalEstatesAndFacilitiesStatistics_13944_ERIC_2016-17.xls", "2016-04-01", "eric_xls"),
         File("ERIC-2023-24_trust_data.csv", "2023-04-01", "eric_csv")),
        ("localnhs.sources.trust_types:read_eric_xls", "localnhs.sources.trust_types:read_eric_csv"),
        OWN, depends=("etr", "nhs_trusts"), stages=(ORGS,),
    ),
    Dataset(
        "nhs_trust_types", "NHS trust types (inspection category)",
        "Care Quality Commission (CQC)", OGL, ("ogl",),
        (File("cqc_primary_category_open_trusts_2022-01.csv", "2022-01-01"),),
        ("localnhs.sources.trust_types:read_cqc",), OWN, depends=("etr",), stages=(ORGS,),
        page="https://www.cqc.org.uk/about-us/transparency/using-cqc-data",
    ),
    Dataset(
        "trust_successions", "Which organisation took over from which",
        "NHS England Organisation Data Service (ODS)", OGL, ODS_ATTRIBUTION,
        (File("ods_succ_succarc.csv", "2022-04-01", "archive"),
         File("ods_succ_2026-05.csv", "2026-04-01", "current")),
        ("localnhs.sources.successions:read_archive", "localnhs.sources.successions:read_current"), OWN,
        downloads={"succ.zip": ODS_CURRENT + "succ.zip"},
        page="https://digital.nhs.uk/services/organisation-data-service/file-downloads/miscellaneous",
    ),
    Dataset(
        "epcn", "Primary care networks and their practices",
        "NHS Digital Organisation Data Service (ODS)", OGL, ODS_ATTRIBUTION,
        (File("ePCN_2023-01.xlsx", "2023-01-09"),),
        ("localnhs.sources.epcn:read",), OWN, stages=(ORGS,),
        downloads={"ePCN.zip": ODS_CURRENT + "ePCN.zip"}, page=ODS_PAGE,
    ),
    Dataset(
        "icb_2026", "ICBs that closed and began on 1 April 2026, with their names",
        "NHS England Organisation Data Service (ODS)", OGL, ODS_ATTRIBUTION,
        (File("icb_successions_2026-04-01.csv", "2026-04-01"),),
        ("localnhs.sources.icb_2026:read",), OWN, depends=("eccg", "trust_successions"), stages=(ORGS,),
    ),
    # Geography: the ONS lookups and boundaries.
    Dataset(
        "ons_lookups_2015_2020", "Which area each neighbourhood is in (2015 to 2020)",
        "Office for National Statistics (Open Geography Portal)", OGL, ONS_ATTRIBUTION + ("os",),
        (File("LSOA11_CCG15_LAD15_EN_LU_Jul2015.csv.gz", "2015-07-01", "lsoa_ccg15"),
         File("LSOA11_CCG16_LAD16_EN_LU_Apr2016.csv.gz", "2016-04-01", "lsoa_ccg16"),
         File("LSOA11_CCG17_LAD17_EN_LU_Apr2017_v4.csv.gz", "2017-04-01", "lsoa_ccg17"),
         File("LSOA11_CCG18_LAD18_EN_LU_Apr2018.csv.gz", "2018-04-01", "lsoa_ccg18"),
         File("LSOA11_CCG19_LAD19_EN_LU_Apr2019.csv.gz", "2019-04-01", "lsoa_ccg19"),
         File("LSOA11_CCG20_LAD20_EN_LU_Apr2020.csv.gz", "2020-04-01", "lsoa_ccg20"),
         File("LSOA11_UTLA19_EW_LU_2019.csv.gz", "2019-04-01", "lsoa_utla19"),
         File("LAD16_CTY16_EN_LU_Dec2016.csv", "2016-12-01", "lad16_cty16"),
         File("CCG17_NHSRLO17_NHSER17_EN_LU_Apr2017_v3.csv", "2017-04-01", "ccg17_nhser17"),
         File("CCG18_NHSRLO18_NHSER18_EN_LU_Apr2018.csv", "2018-04-01", "ccg18_nhser18"),
         File("NHSER19_names_codes_EN_Apr2019.csv", "2019-04-01", "nhser19"),
         File("CCG17_STP17_EN_LU_Apr2017_v3.csv", "2017-04-01", "ccg_stp17"),
         File("CCG18_STP18_EN_LU_Apr2018_v2.csv", "2018-04-01", "ccg_stp18"),
         File("CCG19_STP19_EN_LU_Apr2019.csv", "2019-04-01", "ccg_stp19"),
         File("CCG20_STP20_EN_LU_Apr2020.csv", "2020-04-01", "ccg_stp20"),
         File("WD16_LAD16_CTY16_RGN16_CTRY16_UK_LU_Dec2016_v2.csv.gz", "2016-12-01", "wd16"),
         File("WD19_names_codes_UK_Dec2019.csv", "2019-12-01", "wd19"),
         File("NHSRLO17_NHSER17_EN_LU_Apr2017.csv", "2017-04-01", "local_offices")),
        ("localnhs.sources.ons_lookups:read", "localnhs.sources.nhs_local_offices:read"), OWN, stages=(GEO,),
        page="https://geoportal.statistics.gov.uk/",
    ),
    Dataset(
        "geographr_lookups", "Which area each neighbourhood is in (2017 to 2024)",
        "Office for National Statistics (Open Geography Portal), via geographr", OGL, ONS_ATTRIBUTION,
        (File("lookup_lsoa11_ccg21_stp21_ltla21.csv.gz", "2021-04-01", "lsoa_ccg21"),
         File("lookup_lsoa11_sicbl22_icb22_ltla22.csv.gz", "2022-07-01", "lsoa_sicbl22"),
         File("lookup_lsoa21_icb24.csv.gz", "2024-04-01", "lsoa21_icb24"),
         File("lookup_lsoa21_ward24_ltla24.csv.gz", "2024-05-01", "lsoa21_ward24"),
         File("lookup_lsoa11_lsoa21_ltla22.csv.gz", "2022-08-15", "lsoa11_lsoa21"),
         File("lookup_lsoa11_ward17.csv.gz", "2017-12-01", "lsoa11_ward17"),
         File("lookup_ltla21_utla21.csv", "2021-04-01", "ltla21_utla21"),
         File("lookup_ltla23_utla23.csv", "2023-04-01", "ltla23_utla23"),
         File("lookup_ltla24_region24.csv", "2024-12-01", "ltla24_region24")),
        ("localnhs.sources.geographr_lookups:read",), OWN,
        depends=("patients_registered", "ons_lookups_2015_2020"), stages=(GEO,),
        page="https://github.com/humaniverse/geographr",
    ),
    Dataset(
        "onspd_names_codes_postcodesio", "Names and codes of councils, wards and regions",
        "Office for National Statistics (ONSPD names and codes, via postcodes.io)", OGL, ONS_ATTRIBUTION,
        (File("ccgs.json", "2023-04-01"), File("icb.json", "2023-04-01"), File("nhs_regions.json", "2024-04-01"),
         File("districts.json", "2023-04-01"), File("wards.json", "2025-05-01"), File("counties.json", "2015-04-01"),
         # No as-of date in the source: the date of the postcodes.io commit it was copied from (PROVENANCE.md).
         File("nhsHa.json", "2026-02-16")),
        ("localnhs.sources.onspd_names:read",), OWN,
        depends=("ons_lookups_2015_2020", "geographr_lookups"), stages=(GEO,),
    ),
    Dataset(
        "ons_boundaries_nhs_2023_2024", "Boundaries of ICBs, sub-ICB locations, regions and councils",
        "Office for National Statistics", OGL, ONS_ATTRIBUTION + ("os",),
        (File("Integrated_Care_Boards_April_2023_EN_BSC_-187828753279616787.geo.json", "2023-04-01", "icb23"),
         File("NHS_SubICB_April_2023_EN_BSC_8040841744469859785.geo.json", "2023-04-01", "sicbl23"),
         File("NHS_England_Regions_January_2024_EN_BSC_7500404208533377417.geo.json", "2024-01-01", "nhser24"),
         File("Local_Authority_Districts_May_2024_Boundaries__UK_BSC_-5684348521832897108.geo.json", "2024-05-01", "lad24"),
         File("Counties_and_Unitary_Authorities_December_2023_Boundaries_UK_BSC_4952317392296043005.geo.json",
              "2023-12-01", "ctyua23")),
        ("localnhs.sources.boundaries:read_ons",), OWN,
        depends=("geographr_lookups", "onspd_names_codes_postcodesio"), stages=(GEO,), page="https://geoportal.statistics.gov.uk/",
    ),
    Dataset(
        "geographr_boundaries", "Boundaries of neighbourhoods and areas",
        "Office for National Statistics (Open Geography Portal), via geographr", "OGL v3.0; contains OS data",
        ONS_ATTRIBUTION + ("os",),
        (File("boundaries_lsoa11.geojson.gz", "2011-12-01", "lsoa11"),
         File("boundaries_lsoa21.geojson.gz", "2021-12-01", "lsoa21")),
        ("localnhs.sources.boundaries:read_geographr",), OWN,
        depends=("ons_lookups_2015_2020", "geographr_lookups"), stages=(GEO,), page="https://github.com/humaniverse/geographr",
    ),
    Dataset(
        "ons_postcode_lsoa_lookup", "Postcode to neighbourhood lookup",
        "Office for National Statistics (Open Geography Portal)", OGL, ONS_ATTRIBUTION + ("os", "royal_mail"),
        (File("PCD_OA_LSOA_MSOA_LAD_MAY22_EN_extract.csv.gz", "2022-05-01"),),
        ("localnhs.sources.ons_postcodes:read",), OWN, depends=("ons_lookups_2015_2020",), stages=(GEO,),
    ),
    Dataset(
        "acute_trust_catchments", "Acute (hospital) trust catchment populations",
        "Public Health England / Office for Health Improvement and Disparities (OHID)", OGL, ("ogl", "ons"),
        (File("trust_msoa11_catchyear2018.csv", "2018-04-01", "2018"),
         File("trust_msoa11_catchyear2019.csv", "2019-04-01", "2019"),
         File("lookup_msoa11_ltla21.csv", "2021-12-01", "msoa_names")),
        ("localnhs.sources.catchments:read", "localnhs.sources.catchments:read_msoa_names"), OWN,
        depends=("ons_postcode_lsoa_lookup",), stages=(GEO,),
    ),
    Dataset(
        "ambulance_areas", "Ambulance service areas",
        "NHS England (AmbSYS), ONS and OS", OGL, ("ogl", "os"),
        (File("lsoa11_ambulance_service.csv.gz", "2016-09-01", "lsoa"),
         File("ccg16_ambulance_service.csv", "2016-09-01", "ccg")),
        ("localnhs.sources.ambulance:read_lsoa", "localnhs.sources.ambulance:read_ccg"), OWN, stages=(GEO,),
    ),
    # Postcodes last: they are placed in the LSOAs the geography step stored.
    Dataset(
        "os_codepoint_open", "Postcode locations (Code-Point Open)",
        "Ordnance Survey (OS OpenData, Code-Point Open)", "OGL v3.0; OS and Royal Mail copyright",
        ("ogl", "os", "royal_mail", "national_statistics"),
        (File("codepo_gb_2025.4.0.zip", "2025-10-17"),),
        ("localnhs.sources.codepoint:read",), OWN,
        depends=(GEO, "geographr_lookups", "geographr_boundaries", "ons_postcode_lsoa_lookup",
                 "onspd_names_codes_postcodesio"),
        downloads={"codepo_gb.zip": "https://api.os.uk/downloads/v1/products/CodePointOpen/downloads?area=GB&format=CSV&redirect"},
        page="https://www.ordnancesurvey.co.uk/products/code-point-open",
    ),

    # Trust footprints: read after the derived step has made councils and representative postcodes.
    Dataset(
        "nhsuk_sites", "Hospitals and the trusts that run them (2014 to 2020)",
        "NHS Choices / NHS.UK website datasets, via public GitHub copies", "OGL (v2 in 2014, v3 later)", ("ogl",),
        (File("2014-02/Hospital.csv", "2014-02-22"), File("2016-02/Hospital.csv", "2016-02-06"),
         File("2018-01/Hospital.csv", "2018-01-31"), File("2020-01/Hospital.csv", "2020-01-15")),
        ("localnhs.sources.nhsuk_sites:read",), FOOTPRINTS,
        depends=(DERIVED, "etr", "trust_types", "trust_successions", "acute_trust_catchments"),
    ),

    # Contacts and elected representatives: keyed by the codes the steps above stored.
    Dataset(
        "nhsuk_gp", "GP practices' and CCGs' phone numbers, email addresses, websites and readable names",
        "NHS Choices / NHS.UK website datasets, via public GitHub copies", "OGL (v2 in 2014, v3 later)", ("ogl",),
        (File("2014-02/GP.csv", "2014-02-22", "gp"), File("2019-05/GP.csv", "2019-05-22", "gp"),
         File("2019-05/CCG.csv", "2019-05-22", "ccg")),
        ("localnhs.sources.nhsuk_gp:read",), f"{CONTACTS}_nhsuk_gp", depends=("epraccur", "eccg", "nhsuk_sites"),
        page="https://www.nhs.uk/about-us/nhs-website-datasets/",
    ),
    Dataset(
        f"{CR}/council_websites", "Council homepages by GSS code (GOV.UK Local Links Manager)",
        "Government Digital Service (GOV.UK Local Links Manager seed data)", "MIT, © Crown copyright (GDS)", ("gds",),
        (File("local-authorities.csv", "2025-11-12"),),
        ("localnhs.sources.contacts_reps:read_councils",), f"{CONTACTS}_council_websites",
        depends=(DERIVED, f"{CR}/la_names_codes"),
        page="https://github.com/alphagov/local-links-manager",
    ),
    Dataset(
        f"{CR}/la_names_codes", "Local authority names and codes",
        "mySociety (uk_local_authority_names_and_codes)", "CC BY 4.0", ("mysociety",),
        (File("uk_local_authorities.csv", "2025-07-10"),),
        ("localnhs.sources.contacts_reps:read_la_names",), f"{CONTACTS}_la_names",
        page="https://github.com/mysociety/uk_local_authority_names_and_codes",
    ),
    Dataset(
        f"{CR}/trust_websites_2023", "NHS trust websites (NHS England provider directory, October 2023)",
        "NHS England (NHS provider directory), as collected by ManicJamie/NHS-Trust-Accessibility-Monitor",
        "OGL v3.0 (NHS England's directory); the collected list is in a GPL-3.0 repository", ("ogl",),
        (File("urls.csv", "2023-10-26"),),
        ("localnhs.sources.contacts_reps:read_trust_websites",), f"{CONTACTS}_trust_websites",
        depends=(DERIVED, "etr", "nhs_trusts"),  # matched against every trust name the build has
        page="https://www.england.nhs.uk/publication/nhs-provider-directory/",
    ),
    Dataset(
        f"{CR}/ge2024_mps", "MPs elected at the general election of 4 July 2024, by constituency",
        "House of Commons Library (General election 2024 results, CBP-10009)", "Open Parliament Licence v3.0",
        ("parliament",),
        (File("HoC-GE2024-results-by-constituency.csv", "2024-07-04"),),
        ("localnhs.sources.contacts_reps:read_mps",), f"{CONTACTS}_ge2024_mps",
        page="https://commonslibrary.parliament.uk/research-briefings/cbp-10009/",
    ),
    Dataset(
        f"{CR}/pcon24_lsoa11_lookup", "Neighbourhoods (LSOA 2011) and the 2024 Westminster constituencies they overlap",
        "mySociety (2025-constituencies, geographic_overlaps), from ONS and OS boundaries", "CC BY 4.0",
        ("mysociety", "os"),
        (File("LSOA11_PARL25_combo_overlap.parquet", "2024-07-02", "overlap"),
         File("pcon_2024_lookup.json", "2024-07-02", "names")),
        ("localnhs.sources.contacts_reps:read_overlaps", "localnhs.sources.contacts_reps:read_pcon_names"),
        f"{CONTACTS}_pcon24_lsoa11_lookup", depends=("ons_lookups_2015_2020", f"{CR}/ge2024_mps"), page="https://github.com/mysociety/2025-constituencies",
    ),
)

BY_ID: dict[str, Dataset] = {d.id: d for d in DATASETS}
# Steps that load no dataset of their own but read what the others stored: each runs after
# every step that does not itself wait for it.
DERIVED_STEPS: tuple[str, ...] = (DERIVED,)
# Steps that write a table several datasets fill: each runs after every dataset that `stages` into it.
WRITE_STEPS: tuple[str, ...] = (ORGS, GEO)


def dataset(dataset_id: str) -> Dataset:
    try:
        return BY_ID[dataset_id]
    except KeyError:
        raise KeyError(f"dataset {dataset_id!r} is not declared in sources/registry.py") from None


def as_of(dataset_id: str, name: str) -> str:
    """The date a raw file describes, as declared here (the only place it is written)."""
    return dataset(dataset_id).file(name).as_of


def files(dataset_id: str, part: str | None = None) -> dict[str, str]:
    """File name -> as-of of a dataset's files (of one part), in declaration order."""
    return {f.name: f.as_of for f in dataset(dataset_id).files if part is None or f.part == part}


def file_name(dataset_id: str, part: str) -> str:
    """The one file of a dataset's part (e.g. the 2016 LSOA lookup)."""
    names = list(files(dataset_id, part))
    if len(names) != 1:
        raise KeyError(f"{dataset_id} has {len(names)} files of part {part!r}, expected one")
    return names[0]


def resolve(target: str) -> Callable:
    """'package.module:function' -> the function."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def step_dependencies() -> dict[str, set[str]]:
    """Each load step -> the steps that must run before it, from its datasets' `depends`."""
    deps: dict[str, set[str]] = {}
    for d in DATASETS:
        need = deps.setdefault(d.load, set())
        for dep in d.depends:
            if ":" in dep:
                need.add(dep)
            else:  # a dataset's rows are stored once its loader and its shared tables' writes have run
                need.add(dataset(dep).load)
                need.update(set(dataset(dep).stages) - set(d.stages))
        for stage in d.stages:
            deps.setdefault(stage, set()).add(d.load)
    for step in DERIVED_STEPS:
        deps[step] = {s for s in deps if s != step and step not in _upstream(deps, s)}
    return {s: need - {s} for s, need in deps.items()}


def _upstream(deps: dict[str, set[str]], step: str) -> set[str]:
    """Every step ``step`` waits for, directly or through another."""
    seen: set[str] = set()
    todo = list(deps.get(step, ()))
    while todo:
        s = todo.pop()
        if s not in seen:
            seen.add(s)
            todo.extend(deps.get(s, ()))
    return seen


def build_order() -> list[str]:
    """The load steps, each after the steps it depends on (declaration order breaks ties)."""
    deps = step_dependencies()
    order: list[str] = []
    pending = list(deps)
    while pending:
        ready = next((s for s in pending if deps[s] <= set(order)), None)
        if ready is None:
            raise ValueError(f"dependency cycle among the build steps {pending}")
        order.append(ready)
        pending.remove(ready)
    return order


def attribution_lines() -> list[str]:
    """The statements the datasets' licences require, each once, in STATEMENTS order."""
    used = {key for d in DATASETS for key in d.attribution}
    return [text for key, text in STATEMENTS.items() if key in used]


def download_urls() -> dict[str, dict[str, str]]:
    """dataset -> file -> official URL, for the datasets `localnhs update` can fetch."""
    return {d.id: dict(d.downloads) for d in DATASETS if d.downloads}


def publisher(dataset_id: str) -> tuple[str, str]:
    d = BY_ID.get(dataset_id)
    return (d.publisher, d.licence) if d else ("see the dataset's PROVENANCE.md", OGL)
