"""Each dataset folder of the raw data in words: its title, publisher and licence (from each
folder's PROVENANCE.md), so pages name sources the way a reader knows them - "GP practices,
NHS Organisation Data Service" - and keep file names for /about/data."""

from __future__ import annotations

OGL = "OGL v3.0"
DATASETS = {
    "acute_trust_catchments": ("Acute (hospital) trust catchment populations",
                               "Public Health England / Office for Health Improvement and Disparities (OHID)", OGL),
    "ambulance_areas": ("Ambulance service areas", "NHS England (AmbSYS), ONS and OS", OGL),
    "eccg": ("Commissioners: CCGs, sub-ICB locations and ICBs",
             "NHS England Organisation Data Service (ODS); ONS Open Geography Portal", OGL),
    "epcmem": ("GP practice membership of commissioners", "NHS Digital Organisation Data Service (ODS)", OGL),
    "epcn": ("Primary care networks and their practices", "NHS Digital Organisation Data Service (ODS)", OGL),
    "epraccur": ("GP practices", "NHS Digital (HSCIC until 2016) / NHS England Organisation Data Service (ODS)", OGL),
    "etr": ("NHS trusts", "NHS England Organisation Data Service (ODS)", OGL),
    "geographr_boundaries": ("Boundaries of neighbourhoods and areas",
                             "Office for National Statistics (Open Geography Portal), via geographr",
                             "OGL v3.0; contains OS data"),
    "geographr_lookups": ("Which area each neighbourhood is in (2017 to 2024)",
                          "Office for National Statistics (Open Geography Portal), via geographr", OGL),
    "icb_2026": ("ICBs that closed and began on 1 April 2026, with their names",
                 "NHS England Organisation Data Service (ODS)", OGL),
    "nhs_trust_types": ("NHS trust types (inspection category)", "Care Quality Commission (CQC)", OGL),
    "nhsuk_sites": ("Hospitals and the trusts that run them (2014 to 2020)",
                    "NHS Choices / NHS.UK website datasets, via public GitHub copies", "OGL (v2 in 2014, v3 later)"),
    "nhs_trusts": ("NHS trusts with their region and partnership", "NHS Digital Organisation Data Service (ODS); ONS", OGL),
    "ons_boundaries_nhs_2023_2024": ("Boundaries of ICBs, sub-ICB locations, regions and councils",
                                     "Office for National Statistics", OGL),
    "ons_lookups_2015_2020": ("Which area each neighbourhood is in (2015 to 2020)",
                              "Office for National Statistics (Open Geography Portal)", OGL),
    "ons_postcode_lsoa_lookup": ("Postcode to neighbourhood lookup", "Office for National Statistics (Open Geography Portal)", OGL),
    "onspd_names_codes_postcodesio": ("Names and codes of councils, wards and regions",
                                      "Office for National Statistics (ONS Postcode Directory, via postcodes.io)", OGL),
    "os_codepoint_open": ("Postcode locations (Code-Point Open)", "Ordnance Survey (OS OpenData)",
                          "OGL v3.0; OS and Royal Mail copyright"),
    "patients_registered": ("Patients registered at each GP practice",
                            "HSCIC / NHS Digital (now NHS England); NHS Business Services Authority", OGL),
    "trust_successions": ("Which organisation took over from which", "NHS England Organisation Data Service (ODS)", OGL),
    "trust_types": ("NHS trust types (Estates Returns Information Collection)",
                    "NHS Digital (HSCIC), Estates Returns Information Collection (ERIC)", OGL),
}


def describe(dataset: str) -> dict:
    title, publisher, licence = DATASETS.get(dataset, (dataset.replace("_", " ").capitalize(),
                                                       "see the dataset's PROVENANCE.md", OGL))
    return {"title": title, "publisher": publisher, "licence": licence}


def by_file(conn) -> dict[str, dict]:
    """Every imported file -> its dataset described ({dataset, title, publisher, licence, as_of})."""
    from localnhs.store import read

    return {r["file"]: {"dataset": r["source"], "as_of": r["as_of"], **describe(r["source"])} for r in read.import_log(conn)}


def label_for(files: dict[str, dict], file: str | None) -> dict | None:
    """A source as a reader knows it: derived sources ("x.csv dissolved by y.csv") by their first file."""
    if not file:
        return None
    return files.get(file) or next((d for f, d in files.items() if file.startswith(f)), None)
