"""A second held-out evaluation set, frozen before it was ever scored: 54 places, two in each of 27 councils
nobody tuned to, in the three NHS England regions places_heldout.py lacks (London, East of England, North West).

How the places were chosen (by area, not by any answer): a list of 27 councils (2022 local authority
districts), nine per region, was fixed first, favouring the hard cases - combined mental-health and
community trusts (East London FT, NELFT, Oxleas, CNWL, Mersey Care, Cheshire and Wirral, Cambridgeshire
and Peterborough, Essex Partnership), acute trusts that also run community services (Blackpool,
Wrightington Wigan and Leigh, Manchester University), community interest companies and social enterprises
(Bromley Healthcare, Your Healthcare, Provide, Anglian Community Enterprise), community trusts
(Central London Community Healthcare, Hertfordshire Community, Bridgewater, Wirral Community,
Cambridgeshire Community Services, Norfolk Community Health and Care) and contracts that moved.
In each council the live small-user postcodes of the ONS postcode-to-LSOA lookup (May 2022, no
termination date, usertype 0) that are also in OS Code-Point Open 2025 and not in places_checked.py,
places_unseen.py or places_heldout.py were sorted, and the ones at one third and two thirds of that order
(index n//3 and 2n//3) were taken - two per council. The same procedure reproduces the postcodes of
places_heldout.py when its own rows are not excluded.

Acute cells: the trust running the nearest hospital with a 24-hour emergency department, by straight
line between Code-Point postcode points, among a fixed list of 68 such hospitals in and around the three
regions written down before any distance was computed. Where a hospital of another trust lies within
2 km of the nearest, the cell is None (E14 3GR, W1D 6EA, W1S 3ST, HP2 5RB, WA7 4WB, CH44 5XE, OL4 5HZ,
and PE28 5RS for 2016, when Peterborough and Hinchingbrooke were separate trusts).

Each cell was checked on 2026-12-03 against the pages named in H (https but for four trust and local
pages served over http), read with a search of stored
public pages; a cell no page read that day settles is None and is not scored. Cells left None on purpose:
community services where the pages show a change in train that they do not settle (Bridgewater's merger
into Warrington and Halton Teaching Hospitals; the Norfolk and Cambridgeshire community trusts "coming
together"; Oldham's new model from April 2026; the north-east Essex alliance that replaced Anglian
Community Enterprise, which is not one provider), and cells where no page read names the provider for
that place and date (Basildon and Harlow community services, Newham and south Sefton / Formby community
services in 2016, Knowsley community services in 2016, mental health in Westminster today, Wirral's
acute trust). The tool's answers for these places were not looked at while this file was written.

Row layout is the one of places_heldout.HELDOUT: postcode, place, (2016-04-01: mental health,
community), (today: mental health, community), (acute 2016, acute today), ambulance, sources.
A code is the ODS code the answer must show (a trust that merged away answers through its successor);
"~Name" is a provider that is not an NHS trust, matched by name.

Do not edit a row to match the tool. A row is changed only when a better source shows it wrong,
and the change says which source.
"""

CHECKED_ON = "2026-12-03"

H = {
    # Ambulance: LAS Greater London; EEAST Beds, Cambs, Essex, Herts, Norfolk, Suffolk; NWAS North West England
    "AMB_LIST": "https://wikimili.com/en/Ambulance_services_trust",
    "NWAS": "https://futern.com/people/David-Kitchin-MSc-MCPara-phone-email/44767f9c83626467",
    # --- London ---
    # East London FT: mental health in Newham and Tower Hamlets since 2000; community services in Newham,
    # Tower Hamlets and Bedfordshire today; Tower Hamlets community staff moved from Barts Health in April 2017
    "ELFT_JUB": "https://elft.nhs.uk/news/marking-elft-jubilees",
    "ELFT_J": "https://jointchair-elft-nelft.com/east-london-nhs-foundation-trust-elft",
    "ELFT_W": "https://wikimili.com/en/East_London_NHS_Foundation_Trust",
    "ELFT_LUTON": "https://www.lutontoday.co.uk/community/nhs-celebrates-luton-anniversary-5247135",
    # NELFT: community health and mental health in Barking and Dagenham, Havering, Redbridge, Waltham Forest
    "NELFT_CQC16": "https://www.cqc.org.uk/news/releases/north-east-london-nhs-foundation-trust-requires-improvement-says-cqc",
    "NELFT_CQC": "https://www.cqc.org.uk/provider/RAT/inspection-summary",
    # Oxleas: mental health in Bexley, Bromley, Greenwich; community services Bexley (2010), Greenwich (2011)
    "OXLEAS_W": "https://en.wikipedia.org/wiki/Oxleas_NHS_Foundation_Trust",
    "OXLEAS_H": "http://oxleas.nhs.uk/about-us/history-of-the-trust/",
    # Bromley Healthcare CIC: adult community health services in Bromley since April 2011
    "BHC_CQC": "https://www.cqc.org.uk/provider/1-216234545/inspection-summary",
    "BHC_ACC": "https://www.bromleyhealthcare.org.uk/?p=6742",
    # CNWL: mental and physical (community) health services in Hillingdon
    "CNWL_HILL16": "http://ruislipresidents.org.uk/health-services/community-health-services.html",
    "CNWL_HILL": "https://modgov.hillingdon.gov.uk/mgAi.aspx?ID=43102",
    # Westminster: CLCH community nursing, CNWL mental health (2015-16); CLCH today
    "NWL_WESTMINSTER": "https://www.healthiernorthwestlondon.nhs.uk/services/westminster",
    "CLCH_W": "https://wikimili.com/en/Central_London_Community_Healthcare_NHS_Trust",
    # Kingston: Your Healthcare CIC community services (CQC 2016, 2023); SWLSTG mental health
    "YH_CQC16": "https://www.cqc.org.uk/provider/1-328569033/reports",
    "YH_CQC23": "https://dev.cqc.org.uk/provider/1-328569033/reports",
    "SWLSTG_W": "https://en.wikipedia.org/wiki/South_West_London_and_St_George%27s_Mental_Health_NHS_Trust",
    "SWLSTG": "https://swlstg.nhs.uk/performance-review-2024-to-2025",
    # Acute trusts
    "BARTS_W": "https://en.wikipedia.org/wiki/Barts_Health_NHS_Trust",
    "BHRUT": "https://www.bhrhospitals.nhs.uk/about-us/",
    "BHRUT_W": "https://wikisum.wiki/wiki/Barking,_Havering_and_Redbridge_University_Hospitals_NHS_Trust",
    "LGT": "https://www.lewishamandgreenwich.nhs.uk/about-us",
    "KINGS_PRUH": "https://www.bromleytimes.co.uk/news/end-to-years-of-uncertainty-as-king-s-joins-forces-with-pruh-1-2829202",
    "KINGS_W": "https://en.wikipedia.org/wiki/King%27s_College_Hospital_NHS_Foundation_Trust",
    "CROYDON_W": "https://wikimili.com/en/Croydon_Health_Services_NHS_Trust",
    "THH_W": "https://en.wikipedia.org/wiki/The_Hillingdon_Hospitals_NHS_Foundation_Trust",
    "THH_CQC": "https://www.cqc.org.uk/provider/RAS/reports/AP13328/well-led-assessment",
    "KRFT": "https://www.healthcare-management.uk/south-west-london-trusts-complete-merger",
    # --- East of England ---
    # Essex mental health: North Essex Partnership (Chelmsford, Colchester, Harlow), South Essex Partnership,
    # merged into Essex Partnership University FT on 1 April 2017
    "NEP_W": "https://en.wikipedia.org/wiki/North_Essex_Partnership_University_NHS_Foundation_Trust",
    "SEPT_W": "https://en.wikipedia.org/wiki/South_Essex_Partnership_University_NHS_Foundation_Trust",
    "EPUT_MERGER": "https://eput.nhs.uk/news-events/posts/essex-nhs-merger-gets-green-light",
    # Mid Essex community services: Provide CIC (formerly Central Essex Community Services)
    "PROVIDE_CQC14": "https://www.cqc.org.uk/news/releases/chief-inspector-hospitals-publishes-report-quality-care-provided-central-essex",
    "PROVIDE_MSECC": "https://nhsproviders.org/case-study-mid-and-south-essex-community-collaborative/key-messages",
    # North east Essex: Anglian Community Enterprise (2015 contract), replaced in July 2021 by an alliance
    "ACE_CQC": "https://www.cqc.org.uk/provider/1-165291700/reports",
    "NICS": "https://www.accessandmobilityprofessional.com/nhs-partnership-wins-440m-contract-to-provide-joined-up-care/",
    "MSEFT_W": "https://en.wikipedia.org/wiki/Mid_and_South_Essex_NHS_Foundation_Trust",
    "ESNEFT": "https://www.esneft.nhs.uk/about-us/merger-of-colchester-and-ipswich-hospitals/",
    "PAH": "https://www.pah.nhs.uk/about-us",
    "PAH_W": "https://en.wikipedia.org/wiki/Princess_Alexandra_Hospital_NHS_Trust",
    # Hertfordshire: HPFT mental health; HCT community (lost west Herts adult contract to CLCH in 2019)
    "HPFT_HCC": "https://www.hertfordshire.gov.uk/about-the-council/news/press-releases/collaborative-five-year-plan-to-deliver-mental-health-and-learning-disability-services-for-hertfordshire.aspx",
    "HPFT_W": "https://en.wikipedia.org/wiki/Hertfordshire_Partnership_University_NHS_Foundation_Trust",
    "HCT_W": "https://en.wikipedia.org/wiki/Hertfordshire_Community_NHS_Trust",
    "HCT": "https://hct.nhs.uk/about-us",
    "CLCH_H": "https://clch.nhs.uk/about-us/History",
    "ENHT_W": "https://en.wikipedia.org/wiki/East_and_North_Hertfordshire_Teaching_NHS_Trust",
    "WHHT": "https://www.nhs.uk/services/trusts/overview/defaultview.aspx?id=2280",
    "WHHT2": "https://www.askwatson-hertford.co.uk/what-are-the-main-hospitals-in-hertfordshire",
    # Cambridgeshire: CPFT mental health and adult community services (from CCS in April 2015)
    "CPFT_W": "https://en.wikipedia.org/wiki/Cambridgeshire_and_Peterborough_NHS_Foundation_Trust",
    "CPFT_CQC": "https://www.cqc.org.uk/provider/RT1/reports/AP6815/well-led-assessment",
    "NWAFT_W": "https://en.wikipedia.org/wiki/North_West_Anglia_NHS_Foundation_Trust",
    # Luton: CCS adult community services (2015-16); CCS and NCH&C announced they would come together
    "CCS_AR16": "https://docslib.org/doc/12647849/annual-report-2015-16",
    "NCHC_CCS": "https://nhsbuildingtrust.info/updates/collaborating",
    "BEDS": "https://www.bedfordtoday.co.uk/news/people/bedford-and-luton-dunstable-hospitals-finally-merge-create-single-nhs-foundation-trust-2525323",
    # Norfolk: NSFT mental health; NCH&C community services since 2010
    "NSFT_CQC": "https://www.cqc.org.uk/provider/RMY/inspection-summary",
    "NSFT_W": "https://en.wikipedia.org/wiki/Norfolk_and_Suffolk_NHS_Foundation_Trust",
    "NCHC10": "https://www.norfolkcommunityhealthandcare.nhs.uk/news-insights/we-are-celebrating-ten-years-of-looking-after-you-locally-737",
    "NNUH": "https://www.nnuh.nhs.uk/about-us/the-trust/",
    "NNUH_W": "https://en.wikipedia.org/wiki/Norfolk_and_Norwich_University_Hospitals_NHS_Foundation_Trust",
    # --- North West ---
    # Mersey Care: mental health in Liverpool, Sefton and Kirkby (2016/17); all Sefton community services from
    # May 2021; North West Boroughs (mental health Halton, Knowsley, St Helens, Warrington, Wigan) acquired
    # June 2021, its Wigan services going to GMMH in April 2021
    "MERSEY": "https://merseycare.nhs.uk/about-us/who-we-are/",
    "MERSEY_SF": "https://merseycare.nhs.uk/mersey-care-becomes-sole-provider-southport-and-formby-community-services",
    "NWB_W": "https://en.wikipedia.org/wiki/North_West_Boroughs_Healthcare_NHS_Foundation_Trust",
    "NWB_MC": "https://www.merseycare.nhs.uk/nwbh-publications-reports",
    "WIGAN_MH": "https://www.gmmh.nhs.uk/news/changes-to-mental-health-services-in-wigan-4787",
    # Bridgewater: community services in Halton, Warrington (and Wigan until April 2019)
    "BCH_W": "https://wikimili.com/en/Bridgewater_Community_Healthcare_NHS_Foundation_Trust",
    "BCH_HSJ": "https://www.hsj.co.uk/warrington-and-halton-hospitals-nhs-foundation-trust/fts-discuss-potential-merger/7025206.article",
    "BCH_WHH": "https://bridgewater.nhs.uk/better-care-together/frequently-asked-questions/",
    "WIGAN_CCG": "https://www.wiganboroughccg.nhs.uk/your-ccg/improving-our-local-nhs/integrated-care",
    "WIGAN": "https://healthierwigan.nhs.uk/about-us/commissioning/how-services-are-provided/",
    # Wirral: CWP mental health; Wirral Community (Health and Care) FT community services
    "CWP_W": "https://en.wikipedia.org/wiki/Cheshire_and_Wirral_Partnership_NHS_Foundation_Trust",
    "CWP_CQC": "https://communities.cqc.org.uk/provider/RXA/reports/AP3122/well-led-assessment",
    "WCHC_CQC": "https://test.cqc.org.uk/provider/RY7/inspection-summary",
    "WCHC": "https://wchc.nhs.uk/about/trust/who-we-are",
    # Greater Manchester: GMW (GMMH from January 2017) mental health in Trafford; Pennine Care mental health
    # and community services in Oldham, community services in Trafford (April 2016) until 2019
    "GMW_NHE": "http://www.nationalhealthexecutive.com/Health-Care-News/nhsi-approves-greater-manchester-mental-health-merger",
    "GMMH": "https://gmmh-appointments.com/about-the-trust",
    "PENNINE_TRAFF16": "https://www.penninecare.nhs.uk/news-and-events/news/2016/04/trafford-signs-health-and-social-care-partnership-agreement/",
    "PENNINE_W": "https://en.wikipedia.org/wiki/Pennine_Care_NHS_Foundation_Trust",
    "ROCHDALE": "https://democracy.rochdale.gov.uk/mgAi.aspx?ID=29346",
    "MFT_COMMUNITY": "https://mft.nhs.uk/community",
    "OLDHAM_2026": "https://oldham.news/entity/1-april-2026",
    # Lancashire: LSCFT (Lancashire Care until 2019) mental health; Blackpool Teaching Hospitals community services
    "LSCFT": "https://www.lscft.nhs.uk/about-us",
    "BFWH": "http://www.bfwh.nhs.uk/about-our-trust/",
    "BTH_W": "https://en.wikipedia.org/wiki/Blackpool_Teaching_Hospitals_NHS_Foundation_Trust",
    # Acute trusts
    "LUHFT": "https://healthwatchliverpool.co.uk/news/2019-10-02/october-sees-launch-liverpool-university-hospitals-nhs-foundation-trust",
    "SO_W": "https://en.wikipedia.org/wiki/Southport_and_Ormskirk_Hospital_NHS_Trust",
    "MWL": "https://www.itv.com/news/granada/2023-06-29/hospitals-in-southport-and-st-helens-merge-to-form-new-trust",
    "MWL2": "https://sthelensstar.co.uk/news/23620757.st-helens-knowsley-nhs-trust-confirms-merger-become",
    "WHH": "https://www.whh.nhs.uk/about-us/overview-and-strategy/strategy/developing-our-estate-to-support-quality-healthcare",
    "UHSM_W": "https://en.wikipedia.org/wiki/University_Hospital_of_South_Manchester_NHS_Foundation_Trust",
    "MFT_W": "https://en.wikipedia.org/wiki/Manchester_University_NHS_Foundation_Trust",
    "NCA_OLDHAM": "https://www.oldham-chronicle.co.uk/news-features/139/main-news/143182/new-era-for-local-nhs-services-as-new-nca-foundation-trust-launches",
}

# Per council: (2016: mental health, community), (today: mental health, community), ambulance, sources;
# acute (2016, today) is per postcode, below.
_C = {
    # London
    "Newham": (("RWK", None), ("RWK", "RWK"), "RRU", ("ELFT_JUB", "ELFT_J", "BARTS_W", "AMB_LIST")),
    "Tower Hamlets": (("RWK", "R1H"), ("RWK", "RWK"), "RRU", ("ELFT_JUB", "ELFT_W", "ELFT_J", "BARTS_W", "AMB_LIST")),
    "Havering": (("RAT", "RAT"), ("RAT", "RAT"), "RRU", ("NELFT_CQC16", "NELFT_CQC", "BHRUT", "BHRUT_W", "AMB_LIST")),
    "Waltham Forest": (("RAT", "RAT"), ("RAT", "RAT"), "RRU", ("NELFT_CQC16", "NELFT_CQC", "BARTS_W", "AMB_LIST")),
    "Greenwich": (("RPG", "RPG"), ("RPG", "RPG"), "RRU", ("OXLEAS_H", "OXLEAS_W", "LGT", "AMB_LIST")),
    "Bromley": (("RPG", "~Bromley Healthcare"), ("RPG", "~Bromley Healthcare"), "RRU",
                ("OXLEAS_H", "OXLEAS_W", "BHC_CQC", "BHC_ACC", "KINGS_PRUH", "KINGS_W", "CROYDON_W", "AMB_LIST")),
    "Hillingdon": (("RV3", "RV3"), ("RV3", "RV3"), "RRU", ("CNWL_HILL16", "CNWL_HILL", "THH_W", "THH_CQC", "AMB_LIST")),
    "Westminster": (("RV3", "RYX"), (None, "RYX"), "RRU", ("NWL_WESTMINSTER", "CLCH_W", "AMB_LIST")),
    "Kingston upon Thames": (("RQY", "~Your Healthcare"), ("RQY", "~Your Healthcare"), "RRU",
                             ("SWLSTG_W", "SWLSTG", "YH_CQC16", "YH_CQC23", "KRFT", "AMB_LIST")),
    # East of England
    "Chelmsford": (("RRD", "~Provide"), ("R1L", "~Provide"), "RYC",
                   ("NEP_W", "EPUT_MERGER", "PROVIDE_CQC14", "PROVIDE_MSECC", "MSEFT_W", "AMB_LIST")),
    "Colchester": (("RRD", "~Anglian Community Enterprise"), ("R1L", None), "RYC",
                   ("NEP_W", "EPUT_MERGER", "ACE_CQC", "NICS", "ESNEFT", "AMB_LIST")),
    "Basildon": (("RWN", None), ("R1L", None), "RYC", ("SEPT_W", "EPUT_MERGER", "MSEFT_W", "AMB_LIST")),
    "Harlow": (("RRD", None), ("R1L", None), "RYC", ("NEP_W", "EPUT_MERGER", "PAH", "PAH_W", "AMB_LIST")),
    "North Hertfordshire": (("RWR", "RY4"), ("RWR", "RY4"), "RYC", ("HPFT_W", "HPFT_HCC", "HCT_W", "HCT", "ENHT_W", "AMB_LIST")),
    "Dacorum": (("RWR", "RY4"), ("RWR", "RYX"), "RYC",
                ("HPFT_W", "HPFT_HCC", "HCT_W", "CLCH_H", "CLCH_W", "WHHT", "WHHT2", "AMB_LIST")),
    "Huntingdonshire": (("RT1", "RT1"), ("RT1", "RT1"), "RYC", ("CPFT_W", "CPFT_CQC", "NWAFT_W", "AMB_LIST")),
    "Luton": (("RWK", "RYV"), ("RWK", None), "RYC", ("ELFT_LUTON", "ELFT_W", "CCS_AR16", "NCHC_CCS", "BEDS", "AMB_LIST")),
    "Norwich": (("RMY", "RY3"), ("RMY", None), "RYC", ("NSFT_W", "NSFT_CQC", "NCHC10", "NCHC_CCS", "NNUH", "NNUH_W", "AMB_LIST")),
    # North West
    "Sefton": (("RW4", None), ("RW4", "RW4"), "RX7", ("MERSEY", "MERSEY_SF", "LUHFT", "SO_W", "MWL", "NWAS")),
    "Knowsley (Kirkby)": (("RW4", None), ("RW4", "RW4"), "RX7", ("MERSEY", "NWB_W", "NWB_MC", "LUHFT", "NWAS")),
    "Knowsley": (("RTV", None), ("RW4", "RW4"), "RX7", ("NWB_W", "NWB_MC", "MWL2", "NWAS")),
    "Halton": (("RTV", "RY2"), ("RW4", None), "RX7", ("NWB_W", "NWB_MC", "BCH_W", "BCH_HSJ", "BCH_WHH", "MWL2", "NWAS")),
    "Warrington": (("RTV", "RY2"), ("RW4", None), "RX7", ("NWB_W", "NWB_MC", "BCH_W", "BCH_HSJ", "BCH_WHH", "WHH", "NWAS")),
    "Wirral": (("RXA", "RY7"), ("RXA", "RY7"), "RX7", ("CWP_W", "CWP_CQC", "WCHC_CQC", "WCHC", "NWAS")),
    "Wigan": (("RTV", "RY2"), ("RXV", "RRF"), "RX7", ("NWB_W", "WIGAN_MH", "WIGAN_CCG", "BCH_HSJ", "WIGAN", "NWAS")),
    "Trafford": (("RXV", "RT2"), ("RXV", "R0A"), "RX7",
                 ("GMW_NHE", "GMMH", "PENNINE_TRAFF16", "PENNINE_W", "MFT_COMMUNITY", "UHSM_W", "MFT_W", "NWAS")),
    "Oldham": (("RT2", "RT2"), ("RT2", None), "RX7", ("ROCHDALE", "PENNINE_W", "OLDHAM_2026", "NCA_OLDHAM", "NWAS")),
    "Blackpool": (("RW5", "RXL"), ("RW5", "RXL"), "RX7", ("LSCFT", "BFWH", "BTH_W", "NWAS")),
}

# postcode, council (2022 district), cells of _C, nearest emergency hospital and its trust (2016, today)
_PLACES = [
    # London
    ("E15 3LG", "Newham", "Newham", ("R1H", "R1H")),                     # Newham University Hospital
    ("E6 1AY", "Newham", "Newham", ("R1H", "R1H")),
    ("E14 3GR", "Tower Hamlets", "Tower Hamlets", (None, None)),          # Lewisham 3.8 km, Royal London 4.9 km
    ("E2 0JW", "Tower Hamlets", "Tower Hamlets", ("R1H", "R1H")),         # Royal London
    ("RM12 6TH", "Havering", "Havering", ("RF4", "RF4")),                 # Queen's, Romford
    ("RM3 0QR", "Havering", "Havering", ("RF4", "RF4")),
    ("E17 3GX", "Waltham Forest", "Waltham Forest", ("R1H", "R1H")),      # Whipps Cross
    ("E17 9EX", "Waltham Forest", "Waltham Forest", ("R1H", "R1H")),
    ("SE18 5DF", "Greenwich", "Greenwich", ("RJ2", "RJ2")),               # Queen Elizabeth, Woolwich
    ("SE3 8RA", "Greenwich", "Greenwich", ("RJ2", "RJ2")),
    ("BR3 3RJ", "Bromley", "Bromley", ("RJ6", "RJ6")),                    # Croydon University Hospital
    ("BR6 7BQ", "Bromley", "Bromley", ("RJZ", "RJZ")),                    # Princess Royal University Hospital
    ("UB10 0AT", "Hillingdon", "Hillingdon", ("RAS", "RAS")),             # Hillingdon Hospital
    ("UB4 8LJ", "Hillingdon", "Hillingdon", ("RAS", "RAS")),
    ("W1D 6EA", "Westminster", "Westminster", (None, None)),              # UCH 1.6 km, St Thomas' 1.7 km
    ("W1S 3ST", "Westminster", "Westminster", (None, None)),              # UCH 1.6 km, St Thomas' 2.1 km
    ("KT2 7PX", "Kingston upon Thames", "Kingston upon Thames", ("RAX", "RAX")),  # Kingston Hospital
    ("KT5 9NL", "Kingston upon Thames", "Kingston upon Thames", ("RAX", "RAX")),
    # East of England
    ("CM1 7YB", "Chelmsford", "Chelmsford", ("RQ8", "RAJ")),              # Broomfield
    ("CM2 9SU", "Chelmsford", "Chelmsford", ("RQ8", "RAJ")),
    ("CO3 3BZ", "Colchester", "Colchester", ("RDE", "RDE")),              # Colchester General
    ("CO4 9RY", "Colchester", "Colchester", ("RDE", "RDE")),
    ("SS12 9AG", "Basildon", "Basildon", ("RDD", "RAJ")),                 # Basildon University Hospital
    ("SS14 3QZ", "Basildon", "Basildon", ("RDD", "RAJ")),
    ("CM18 6QN", "Harlow", "Harlow", ("RQW", "RQW")),                     # Princess Alexandra
    ("CM19 5QE", "Harlow", "Harlow", ("RQW", "RQW")),
    ("SG5 1NZ", "North Hertfordshire", "North Hertfordshire", ("RWH", "RWH")),  # Lister
    ("SG6 4NP", "North Hertfordshire", "North Hertfordshire", ("RWH", "RWH")),
    ("HP2 5RB", "Dacorum", "Dacorum", (None, None)),                      # Watford 13.4 km, Luton and Dunstable 14.4 km
    ("HP3 8NY", "Dacorum", "Dacorum", ("RWG", "RWG")),                    # Watford General
    ("PE27 3TE", "Huntingdonshire", "Huntingdonshire", ("RQQ", "RGN")),   # Hinchingbrooke
    ("PE28 5RS", "Huntingdonshire", "Huntingdonshire", (None, "RGN")),    # Peterborough 13.8 km, Hinchingbrooke 15.7 km
    ("LU2 7HD", "Luton", "Luton", ("RC9", "RC9")),                        # Luton and Dunstable
    ("LU3 2UE", "Luton", "Luton", ("RC9", "RC9")),
    ("NR2 3JB", "Norwich", "Norwich", ("RM1", "RM1")),                    # Norfolk and Norwich
    ("NR3 4RE", "Norwich", "Norwich", ("RM1", "RM1")),
    # North West
    ("L23 4UB", "Sefton", "Sefton", ("REM", "REM")),                      # Aintree
    ("L37 7EQ", "Sefton", "Sefton", ("RVY", "RBN")),                      # Southport
    ("L32 8SW", "Knowsley", "Knowsley (Kirkby)", ("REM", "REM")),         # Aintree
    ("L35 3SU", "Knowsley", "Knowsley", ("RBN", "RBN")),                  # Whiston
    ("WA7 4WB", "Halton", "Halton", (None, None)),                        # Whiston 9.5 km, Warrington 10.7 km
    ("WA8 5BJ", "Halton", "Halton", ("RBN", "RBN")),                      # Whiston
    ("WA2 8SS", "Warrington", "Warrington", ("RWW", "RWW")),              # Warrington Hospital
    ("WA4 5AG", "Warrington", "Warrington", ("RWW", "RWW")),
    ("CH44 5XE", "Wirral", "Wirral", (None, None)),                       # Royal Liverpool 5.3 km, Arrowe Park 6.3 km
    ("CH49 4QH", "Wirral", "Wirral", (None, None)),                       # Arrowe Park: no page read on its trust
    ("WN2 1ES", "Wigan", "Wigan", ("RRF", "RRF")),                        # Royal Albert Edward Infirmary
    ("WN5 7AF", "Wigan", "Wigan", ("RRF", "RRF")),
    ("M33 3WL", "Trafford", "Trafford", ("RM2", "R0A")),                  # Wythenshawe
    ("WA14 1NT", "Trafford", "Trafford", ("RM2", "R0A")),
    ("OL2 7JF", "Oldham", "Oldham", ("RW6", "RM3")),                      # Royal Oldham
    ("OL4 5HZ", "Oldham", "Oldham", (None, None)),                        # Royal Oldham 3.3 km, Tameside 5.0 km
    ("FY2 0ST", "Blackpool", "Blackpool", ("RXL", "RXL")),                # Blackpool Victoria
    ("FY4 1RQ", "Blackpool", "Blackpool", ("RXL", "RXL")),
]

HELDOUT_B = [(pc, council, *_C[cells][:2], acute, _C[cells][2], _C[cells][3]) for pc, council, cells, acute in _PLACES]
