"""A fourth held-out evaluation set, frozen before it was ever scored: 56 places, two in each of 28 councils,
four in each of the seven NHS England regions, nobody tuned to.

How the places were chosen (by area, not by any answer): a list of 28 councils (2021 local authority
districts, as in the ONS May 2022 lookup) was fixed first, four per region, favouring the hard cases -
combined mental-health and community trusts (Gloucestershire Health and Care, Somerset, Southern Health,
Nottinghamshire Healthcare, Worcestershire Health and Care, Lancashire and South Cumbria), acute trusts
that also run community services (Homerton, Torbay and South Devon, Royal Devon, East Lancashire,
Blackpool, East Suffolk and North Essex, York and Scarborough), social enterprises and community interest
companies (East Coast Community Healthcare, CSH Surrey) and trusts that merged in 2016-2026 (Somerset
2020 and 2023, Gloucestershire 2019, Royal Devon 2022, University Hospitals Sussex 2021, Kingston and
Richmond 2024, Hampshire and Isle of Wight Healthcare 2024, ESNEFT 2018, Midlands Partnership 2018).
Outside London none of the 24 councils has a postcode in places_checked.py, places_unseen.py,
places_heldout.py or places_heldout_b.py. Every London borough already has a place in one of those
files, so the four London boroughs (Hackney, Richmond upon Thames, Sutton, Ealing) are ones with a
single earlier place each: their postcodes are new, but the London column is not a measure on unseen
councils.
In each council the live small-user postcodes of the ONS postcode-to-LSOA lookup (May 2022, no
termination date, usertype 0) that are also in OS Code-Point Open 2025 and not in places_checked.py
(PLACES or ACUTE), places_unseen.py, places_heldout.py or places_heldout_b.py were sorted, and the ones
at one third and two thirds of that order (index n//3 and 2n//3) were taken - two per council, the
method of places_heldout_b.py.

Acute cells: the trust running the nearest hospital with a 24-hour emergency department, by straight
line between Code-Point postcode points, among a fixed list of 88 such hospitals in and around the 28
councils (_HOSPITALS below) written down before any distance was computed; the Friarage, Northallerton
counts for 2016 only (its A&E became an urgent treatment centre in March 2019). Where a hospital of
another trust lies within 2 km of the nearest, the cell is None (E8 4LW, N1 7EL, TW1 4SB, TW12 2RX,
W3 8DH, BB10 4RP, L40 3TH). Both Selby postcodes are None because their nearest listed hospital is
Pontefract, whose overnight emergency cover the pages read describe as GP-staffed with critically ill
patients sent to Pinderfields, and the West Suffolk postcodes because no page read names the trust of
West Suffolk Hospital.

Each cell was checked on 2026-12-03 against the pages named in H (https but for a few trust and local
pages served over http), read with a search of stored public pages; a cell no page read that day
settles is None and is not scored. Cells left None on purpose: community services where the pages show
a contract that moved without saying who holds it today (Sutton after the 2019-2021 interim alliance
contract, Scarborough and Ryedale after York's trust withdrew, Great Yarmouth after the East Coast
Community Healthcare agreement, Preston, Selby and West Suffolk today), and cells where no page read
names the provider for that place and date (community services in Chichester, Epsom and Ewell,
Hambleton, West Lancashire and Newcastle-under-Lyme, and in Mid Devon and Lincoln in 2016; mental
health in Richmond, Sutton, Epsom and Ewell and Welwyn Hatfield). Community services in Ipswich and
West Suffolk on 2016-04-01 are West Suffolk FT's, which took the county contract over from Serco in
2015, working with Ipswich Hospital. The tool's answers for these places were not looked at while this file was written.

Row layout is the one of places_heldout.HELDOUT: postcode, place, (2016-04-01: mental health,
community), (today: mental health, community), (acute 2016, acute today), ambulance, sources.
A code is the ODS code the answer must show (each code was matched to its trust's name in the ODS trust
list of December 2025 in the raw data: Hampshire and Isle of Wight Healthcare keeps Southern Health's
RW1, Kingston and Richmond keeps Kingston Hospital's RAX, Somerset FT is RH5); "~Name" is a provider
that is not an NHS trust, matched by name. REGION gives each postcode's NHS England region (the
reporting column).

Do not edit a row to match the tool. A row is changed only when a better source shows it wrong,
and the change says which source.
"""

CHECKED_ON = "2026-12-03"

H = {
    # Ambulance services and the areas they serve
    "AMB_LIST": "https://wikimili.com/en/Ambulance_services_trust",
    "AMB_BMJ": "https://bmjopen.bmj.com/highwire/markup/111214/expansion?width=1000&height=500&iframe=true&postprocessors=highwire_tables%2Chighwire_reclass%2Chighwire_figures%2Chighwire_math%2Chighwire_inline_linked_media%2Chighwire_embed",
    "YAS": "http://the-uncensored-wiki.com:20061/y/o/r/Yorkshire_Ambulance_Service_2687.html",
    # --- London ---
    # Hackney: ELFT mental health; Homerton (integrated acute and community trust) community services
    "HACKNEY_MH": "https://www.hackney.gov.uk/mental-health",
    "HACKNEY_MH2020": "https://news.hackney.gov.uk/new-plan-to-improve-mental-health-support-and-services-in-city-of-london-and-hackney/",
    "ELFT_W": "https://wikimili.com/en/East_London_NHS_Foundation_Trust",
    "HOMERTON_CQC": "https://www.cqc.org.uk/provider/RQX/inspection-summary",
    "HOMERTON_CQC14": "https://gl-dpcqc.axis12.com/provider/RQX/reports",
    "HOMERTON_ACN": "http://www.homerton.nhs.uk/our-services/services-a-z/a/adult-community-nursing/?from=1162",
    # Richmond: Hounslow and Richmond Community Healthcare (2016), merged into Kingston and Richmond FT 1 Nov 2024
    "HRCH_CQC16": "https://www.cqc.org.uk/news/releases/hounslow-richmond-community-healthcare-nhs-trust-requires-improvement-says-cqc",
    "HRCH_CQC": "https://www.cqc.org.uk/provider/RY9/inspection-summary",
    "KRFT": "https://www.healthcare-management.uk/south-west-london-trusts-complete-merger",
    "KRFT_NUB": "https://richmond.nub.news/news/local-news/hounslow-and-richmond-community-healthcare-nhs-trust-joins-kingston-hospital-nhs-foundation-trust-to-improve-care-for-locals-244415",
    # Sutton: The Royal Marsden runs Sutton community services from 1 April 2016; alliance contract 2019-2021
    "SUTTON_RM16": "https://www.schs.nhs.uk/news/bringing-community-services-back-sutton",
    "SUTTON_2018": "https://www.sutton.gov.uk/w/future-of-community-services-in-sutton",
    "ESTH": "https://suttonvoice.co.uk/2020/06/",
    # Ealing: Ealing ICO (LNWH) community services 2015/16; Ealing Community Partners led by West London NHS Trust
    "NWL_EALING": "https://www.healthiernorthwestlondon.nhs.uk/services/ealing",
    "ECP": "https://healthcare-newsdesk.co.uk/new-cross-boundary-community-partnership-launched-in-ealing/",
    "LNWH_W": "https://wikimili.com/en/London_North_West_University_Healthcare_NHS_Trust",
    "WLT_EALING": "https://www.westlondon.nhs.uk/EalingMHBeds/update-adult-inpatient-mental-health-services-ealing-what-happens-now",
    "NPH_W": "https://en.wikipedia.org/wiki/Northwick_Park_Hospital",
    # --- South West ---
    # Gloucestershire: 2gether (mental health) and Gloucestershire Care Services merged 1 October 2019
    "GHC_MERGER": "https://www.gloucesterbid.uk/news/nhs-trusts-to-merge/",
    "GHC_CQC": "https://dev.cqc.org.uk/provider/RTQ/inspection-summary",
    "GRH_W": "https://ipfs.io/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/Gloucestershire_Hospitals_NHS_Foundation_Trust.html",
    "GRH_CQC": "https://communities.cqc.org.uk/location/RTE03/reports/LAP-01148/urgent-and-emergency-services",
    # Devon: DPT mental health; Torbay and South Devon integrated care organisation (October 2015);
    # Royal Devon (RD&E and Northern Devon merged 1 April 2022): acute and community in Mid Devon
    "DPT_W": "https://en.wikipedia.org/wiki/Devon_Partnership_NHS_Trust",
    "DPT_CQC": "https://www.cqc.org.uk/provider/RWV/inspection-summary",
    "TSDFT": "https://www.torbayandsouthdevon.nhs.uk/about-us/",
    "TSDFT_2015": "https://www.torbayandsouthdevon.nhs.uk/about-us/news-and-publications/timeline/1-october-2015/",
    "RDUH_W": "https://en.wikipedia.org/wiki/Royal_Devon_University_Healthcare_NHS_Foundation_Trust",
    "RDUH_MERGER": "https://www.northdevonhealth.nhs.uk/about/ndht-and-rde-integration/who-what-where-why-when/",
    # Somerset: Somerset Partnership (mental health and community) merged with Taunton and Somerset 1 April
    # 2020; Yeovil District Hospital joined 1 April 2023
    "SOMPAR_TCS": "https://www.hsj.co.uk/somerset-partnership-nhs-foundation-trust/somerset-tcs-transfer-goes-through-a-month-late/5033996.article",
    "SOMPAR_LEVELLER": "https://somersetleveller.co.uk/uncategorized/somerset-nhs-merger/",
    "SOMFT_2020": "https://www.somersetft.nhs.uk/?news=two-somerset-nhs-trusts-merge-to-create-unique-provider-of-nhs-services",
    "SOMFT_2023": "https://www.somersetft.nhs.uk/?news=two-somerset-nhs-trusts-merge-to-create-unique-nhs-trust",
    "SOMFT": "https://www.somersetft.nhs.uk/about-us/",
    # --- South East ---
    # Hampshire: Southern Health (community and mental health, 2011); Hampshire and Isle of Wight Healthcare
    # NHS FT formed October 2024 from Southern Health and Solent
    "SHFT_W": "https://library.nullify.net/content/wikipedia_en_medicine_2021-04/A/Southern_Health_NHS_Foundation_Trust",
    "HANTS_MH": "https://www.hants.gov.uk/socialcareandhealth/adultsocialcare/mental-health",
    "HIOWH": "https://hiowhealthcare.nhs.uk/about-us/trust",
    "HIOWH_LAUNCH": "https://onthewight.com/new-nhs-trust-launches-to-unite-healthcare-services-in-hampshire-and-isle-of-wight",
    "PHU_QA": "https://healthandcare.portsmouth.gov.uk/keep-qa-hospitals-emergency-department-for-emergencies-only/",
    # Kent: KMPT mental health; Kent Community Health FT; East Kent Hospitals (William Harvey, QEQM)
    "KMPT": "https://kmpt.nhs.uk/about-us",
    "KMPT_W": "https://en.wikipedia.org/wiki/Kent_and_Medway_Mental_Health_NHS_Trust",
    "KCHFT_W": "https://en.wikipedia.org/wiki/Kent_Community_Health_NHS_Foundation_Trust",
    "KCHFT_CQC": "http://www.cqc.org.uk/provider/RYY/inspection-summary",
    "EKHUFT_W": "https://en.wikipedia.org/wiki/East_Kent_Hospitals_University_NHS_Foundation_Trust",
    # Sussex: Sussex Partnership mental health in West Sussex; St Richard's (Western Sussex, then UHSussex 2021)
    "SPFT_W": "https://en.wikipedia.org/wiki/Sussex_Partnership_NHS_Foundation_Trust",
    "SPFT_CQC16": "https://www.cqc.org.uk/news/releases/chief-inspector-hospitals-finds-sussex-partnership-nhs-foundation-trust-has-improved",
    "UHSX": "https://www.chichester.co.uk/health/green-light-for-merger-of-hospital-trusts-covering-west-sussex-and-brighton-3181904",
    "UHSX_BSUH": "https://www.bsuh.nhs.uk/about-us/who-we-are/our-board/2021-board-papers/",
    # --- Midlands ---
    "NHFT": "https://www.nottinghamshirehealthcare.nhs.uk/about-us",
    "NHFT_W": "https://en.wikipedia.org/wiki/Nottinghamshire_Healthcare_NHS_Foundation_Trust",
    "SFH_KM": "http://piglix.com/piglix/Sherwood_Forest_Hospitals_NHS_Foundation_Trust",
    "LPFT": "https://www.lpft.nhs.uk/about-us/accessing-our-information/annual-reports-and-accounts/annual-report-and-accounts-year-2022-23/part-one/who-we-are-and-what-we-do",
    "LCHG": "https://opencouncil.network/meetings/73625",
    "ULHT": "https://www.bbc.co.uk/news/uk-england-lincolnshire-64202920",
    "WHCT_2011": "https://www.mentalhealthy.co.uk/news/545-worcestershire-has-new-healthcare-trust.html",
    "HACW": "https://hacw.nhs.uk/statement-of-purpose",
    "WRH_CQC": "https://cqc.org.uk/location/RWP50/reports/LAP-01041/overall",
    "NSCHT": "https://www.combined.nhs.uk/?p=11856",
    "UHNM_W": "https://en.wikipedia.org/wiki/University_Hospitals_of_North_Midlands_NHS_Trust",
    "UHNM_CQC": "https://cqc.org.uk/location/RJE01/reports/LAP-01374/urgent-and-emergency-services",
    # --- East of England ---
    "NSFT_LAUNCH": "https://icenipost.com/launch-day-for-new-norfolk-and-suffolk-nhs-foundation-trust/",
    "NSFT_CQC": "https://www.cqc.org.uk/provider/RMY/inspection-summary",
    # Suffolk community services: contract from Serco to West Suffolk FT (with Ipswich Hospital) in 2015;
    # ESNEFT runs Ipswich and Colchester hospitals and services in patients' homes and community hospitals
    "SUFFOLK_CHS": "https://healthcareleadernews.com/?p=2609",
    "SNEE_ICB": "https://suffolkandnortheastessex.icb.nhs.uk/your-health-and-services/acute-urgent-and-emergency-care-services/",
    "ECCH_CQC": "https://dev.cqc.org.uk/provider/1-286186558/inspection-summary",
    "ECCH_EDP": "https://www.edp24.co.uk/news/health/new-palliative-care-service-in-great-yarmouth-and-waveney-1326232",
    "JPUH": "https://heeoe.hee.nhs.uk/general_practice/broadlands/about-broadlands-scheme/james-paget-hospital",
    "JPUH_BBC": "https://feeds.bbci.co.uk/news/uk-england-norfolk-67278243",
    "HCT": "https://hct.nhs.uk/about-us",
    "HCT_W": "https://en.wikipedia.org/wiki/Hertfordshire_Community_NHS_Trust",
    "ENHT_ED": "https://www.enherts-tr.nhs.uk/services/emergency-department/",
    "LISTER_W16": "https://en.wikipedia.org/wiki/Lister_Hospital_(Stevenage)?oldid=740500976",
    # --- North West ---
    "LSCFT": "https://www.lscft.nhs.uk/about-us",
    "CENTRAL_LANCS": "https://www.healthierlsc.co.uk/central-lancs/about/whos-involved",
    "ELHT_TCS": "http://www.lancashiretelegraph.co.uk/news/8960843.900-extra-staff-roles-east-lancashire-hospitals/",
    "ELHT_CQC": "https://www.cqc.org.uk/provider/RXR/reports/AP9702/community-health-inpatient-services",
    "ELHT_W": "https://en.wikipedia.org/wiki/East_Lancashire_Hospitals_NHS_Trust",
    "BFWH": "http://www.bfwh.nhs.uk/about-our-trust/",
    "WWL_ED": "https://wwl.nhs.uk/emergency-department",
    # --- North East and Yorkshire ---
    "TEWV_W": "https://en.wikipedia.org/wiki/Tees,_Esk_and_Wear_Valleys_NHS_Foundation_Trust",
    "TEWV_VOY": "https://valeofyorkccg.nhs.uk/new-provider-for-mental-health-and-learning-disability-services-in-vale-of-york",
    "TEWV_YORK16": "http://democracy.york.gov.uk/mgAi.aspx?ID=42984",
    "TEWV_HRW": "https://www.hambletonrichmondshireandwhitbyccg.nhs.uk/transforming-mental-health-services",
    "TEWV_NALLERTON": "https://www.northernfarmer.co.uk/news/18938029.nhs-move-improve-mental-health-services-welcomed/",
    "YORK_SPA": "https://www.yorkhospitals.nhs.uk/our-services/gp-hub/single-point-of-access-for-health-/",
    "YSTHFT_W": "https://en.wikipedia.org/wiki/York_and_Scarborough_Teaching_Hospitals_NHS_Foundation_Trust",
    "YORK_WITHDRAWS": "https://www.thescarboroughnews.co.uk/news/hospital-trust-to-stop-running-scarborough-community-health-services-1-8684305",
    "FRIARAGE": "https://www.southtees.nhs.uk/hospitals/friarage/temporary-changes-to-services-at-the-friarage-hospital/",
    "FRIARAGE_W": "https://askwikinow.com/view_html.php?lang=en&q=Friarage_Hospital&sq=Google",
    "CDDFT_ED": "https://cddft.nhs.uk/services/emergency-care",
    "PONTEFRACT": "https://www.yorkshirepost.co.uk/health/ae-unit-to-reopen-overnight-as-review-carried-out-1891961",
}

# The fixed list of hospitals with a 24-hour emergency department, written before any distance was computed:
# name, postcode, trust on 2016-04-01, trust today (None: no 24-hour emergency department that day).
_HOSPITALS = [
    ("Homerton", "E9 6SR", "RQX", "RQX"), ("Royal London", "E1 1FR", "R1H", "R1H"),
    ("University College Hospital", "NW1 2BU", "RRV", "RRV"), ("Whittington", "N19 5NF", "RKE", "RKE"),
    ("North Middlesex", "N18 1QX", "RAP", "RAP"), ("Whipps Cross", "E11 1NR", "R1H", "R1H"),
    ("Kingston", "KT2 7QB", "RAX", "RAX"), ("West Middlesex", "TW7 6AF", "RQM", "RQM"),
    ("St George's", "SW17 0QT", "RJ7", "RJ7"), ("St Helier", "SM5 1AA", "RVR", "RVR"),
    ("Croydon University", "CR7 7YE", "RJ6", "RJ6"), ("Ealing", "UB1 3HW", "R1K", "R1K"),
    ("Northwick Park", "HA1 3UJ", "R1K", "R1K"), ("Hillingdon", "UB8 3NN", "RAS", "RAS"),
    ("Charing Cross", "W6 8RF", "RYJ", "RYJ"), ("St Mary's", "W2 1NY", "RYJ", "RYJ"),
    ("Chelsea and Westminster", "SW10 9NH", "RQM", "RQM"), ("Epsom", "KT18 7EG", "RVR", "RVR"),
    ("East Surrey", "RH1 5RH", "RTP", "RTP"), ("Royal Surrey", "GU2 7XX", "RA2", "RA2"),
    ("St Peter's Chertsey", "KT16 0PZ", "RTK", "RTK"),
    ("Gloucestershire Royal", "GL1 3NN", "RTE", "RTE"), ("Torbay", "TQ2 7AA", "RA9", "RA9"),
    ("Royal Devon and Exeter", "EX2 5DW", "RH8", "RH8"), ("Derriford", "PL6 8DH", "RK9", "RK9"),
    ("North Devon District", "EX31 4JB", "RBZ", "RH8"), ("Musgrove Park", "TA1 5DA", "RBA", "RH5"),
    ("Yeovil District", "BA21 4AT", "RA4", "RH5"), ("Royal United Bath", "BA1 3NG", "RD1", "RD1"),
    ("Weston General", "BS23 4TQ", "RA3", "RA7"), ("Bristol Royal Infirmary", "BS2 8HW", "RA7", "RA7"),
    ("Southmead", "BS10 5NB", "RVJ", "RVJ"), ("Great Western Swindon", "SN3 6BB", "RN3", "RN3"),
    ("Salisbury", "SP2 8BJ", "RNZ", "RNZ"), ("Dorset County", "DT1 2JY", "RBD", "RBD"),
    ("Queen Alexandra Portsmouth", "PO6 3LY", "RHU", "RHU"), ("Southampton General", "SO16 6YD", "RHM", "RHM"),
    ("St Richard's Chichester", "PO19 6SE", "RYR", "RYR"), ("Worthing", "BN11 2DH", "RYR", "RYR"),
    ("William Harvey Ashford", "TN24 0LZ", "RVV", "RVV"), ("QEQM Margate", "CT9 4AN", "RVV", "RVV"),
    ("Frimley Park", "GU16 7UJ", "RDU", "RDU"), ("Basingstoke", "RG24 9NA", "RN5", "RN5"),
    ("King's Mill", "NG17 4JL", "RK5", "RK5"), ("Queen's Medical Centre", "NG7 2UH", "RX1", "RX1"),
    ("Chesterfield Royal", "S44 5BL", "RFS", "RFS"), ("Lincoln County", "LN2 5QY", "RWD", "RWD"),
    ("Pilgrim Boston", "PE21 9QS", "RWD", "RWD"), ("Worcestershire Royal", "WR5 1DD", "RWP", "RWP"),
    ("Hereford County", "HR1 2ER", "RLQ", "RLQ"), ("Royal Stoke", "ST4 6QG", "RJE", "RJE"),
    ("Leighton Crewe", "CW1 4QJ", "RBT", "RBT"), ("Bassetlaw", "S81 0BD", "RP5", "RP5"),
    ("Doncaster Royal", "DN2 5LT", "RP5", "RP5"),
    ("Ipswich", "IP4 5PD", "RGQ", "RDE"), ("West Suffolk Bury", "IP33 2QZ", "RGR", "RGR"),
    ("James Paget", "NR31 6LA", "RGP", "RGP"), ("Norfolk and Norwich", "NR4 7UY", "RM1", "RM1"),
    ("Colchester", "CO4 5JL", "RDE", "RDE"), ("Addenbrooke's", "CB2 0QQ", "RGT", "RGT"),
    ("Lister", "SG1 4AB", "RWH", "RWH"), ("Watford General", "WD18 0HB", "RWG", "RWG"),
    ("Princess Alexandra", "CM20 1QX", "RQW", "RQW"), ("Barnet", "EN5 3DJ", "RAL", "RAL"),
    ("Hinchingbrooke", "PE29 6NT", "RQQ", "RGN"), ("Queen Elizabeth King's Lynn", "PE30 4ET", "RCX", "RCX"),
    ("Royal Preston", "PR2 9HT", "RXN", "RXN"), ("Royal Blackburn", "BB2 3HH", "RXR", "RXR"),
    ("Blackpool Victoria", "FY3 8NR", "RXL", "RXL"), ("Southport", "PR8 6PN", "RVY", "RBN"),
    ("Royal Albert Edward Wigan", "WN1 2NN", "RRF", "RRF"), ("Aintree", "L9 7AL", "REM", "REM"),
    ("Whiston", "L35 5DR", "RBN", "RBN"), ("Royal Lancaster", "LA1 4RP", "RTX", "RTX"),
    ("Royal Bolton", "BL4 0JR", "RMC", "RMC"), ("Airedale", "BD20 6TD", "RCF", "RCF"),
    ("Scarborough", "YO12 6QL", "RCB", "RCB"), ("York", "YO31 8HE", "RCB", "RCB"),
    ("Friarage Northallerton", "DL6 1JG", "RTR", None), ("James Cook", "TS4 3BW", "RTR", "RTR"),
    ("Darlington Memorial", "DL3 6HX", "RXP", "RXP"), ("Harrogate District", "HG2 7SX", "RCD", "RCD"),
    ("Pinderfields", "WF1 4DG", "RXF", "RXF"), ("Pontefract", "WF8 1PL", "RXF", "RXF"),
    ("St James's Leeds", "LS9 7TF", "RR8", "RR8"), ("Leeds General Infirmary", "LS1 3EX", "RR8", "RR8"),
    ("Hull Royal Infirmary", "HU3 2JZ", "RWA", "RWA"), ("Scunthorpe General", "DN15 7BH", "RJL", "RJL"),
]

# Per council: region, (2016: mental health, community), (today: mental health, community), ambulance, sources;
# acute (2016, today) is per postcode, below.
_C = {
    # London (boroughs with one earlier place each; see the docstring)
    "Hackney": ("London", ("RWK", "RQX"), ("RWK", "RQX"), "RRU",
                ("HACKNEY_MH", "HACKNEY_MH2020", "ELFT_W", "HOMERTON_CQC", "HOMERTON_CQC14", "HOMERTON_ACN",
                 "AMB_LIST")),
    "Richmond upon Thames": ("London", (None, "RY9"), (None, "RAX"), "RRU",
                             ("HRCH_CQC16", "HRCH_CQC", "KRFT", "KRFT_NUB", "AMB_LIST")),
    "Sutton": ("London", (None, "RPY"), (None, None), "RRU", ("SUTTON_RM16", "SUTTON_2018", "ESTH", "AMB_LIST")),
    "Ealing": ("London", ("RKL", "R1K"), ("RKL", "RKL"), "RRU",
               ("NWL_EALING", "ECP", "LNWH_W", "WLT_EALING", "NPH_W", "AMB_LIST")),
    # South West
    "Gloucester": ("South West", ("RTQ", "R1J"), ("RTQ", "RTQ"), "RYF",
                   ("GHC_MERGER", "GHC_CQC", "GRH_W", "GRH_CQC", "AMB_BMJ", "AMB_LIST")),
    "Teignbridge": ("South West", ("RWV", "RA9"), ("RWV", "RA9"), "RYF",
                    ("DPT_W", "DPT_CQC", "TSDFT", "TSDFT_2015", "RDUH_W", "AMB_BMJ", "AMB_LIST")),
    "Mendip": ("South West", ("RH5", "RH5"), ("RH5", "RH5"), "RYF",
               ("SOMPAR_TCS", "SOMPAR_LEVELLER", "SOMFT_2020", "SOMFT_2023", "SOMFT", "AMB_BMJ", "AMB_LIST")),
    "Mid Devon": ("South West", ("RWV", None), ("RWV", "RH8"), "RYF",
                  ("DPT_W", "DPT_CQC", "RDUH_W", "RDUH_MERGER", "AMB_BMJ", "AMB_LIST")),
    # South East
    "Havant": ("South East", ("RW1", "RW1"), ("RW1", "RW1"), "RYE",
               ("SHFT_W", "HANTS_MH", "HIOWH", "HIOWH_LAUNCH", "PHU_QA", "AMB_BMJ", "AMB_LIST")),
    "Dover": ("South East", ("RXY", "RYY"), ("RXY", "RYY"), "RYD",
              ("KMPT", "KMPT_W", "KCHFT_W", "KCHFT_CQC", "EKHUFT_W", "AMB_BMJ", "AMB_LIST")),
    "Chichester": ("South East", ("RX2", None), ("RX2", None), "RYD", ("SPFT_W", "SPFT_CQC16", "UHSX", "UHSX_BSUH", "AMB_BMJ", "AMB_LIST")),
    "Epsom and Ewell": ("South East", (None, None), (None, None), "RYD", ("ESTH", "AMB_BMJ", "AMB_LIST")),
    # Midlands
    "Mansfield": ("Midlands", ("RHA", "RHA"), ("RHA", "RHA"), "RX9", ("NHFT", "NHFT_W", "SFH_KM", "AMB_LIST")),
    "Lincoln": ("Midlands", ("RP7", None), ("RP7", "RY5"), "RX9", ("LPFT", "LCHG", "ULHT", "AMB_LIST")),
    "Worcester": ("Midlands", ("R1A", "R1A"), ("R1A", "R1A"), "RYA", ("WHCT_2011", "HACW", "WRH_CQC", "AMB_BMJ", "AMB_LIST")),
    "Newcastle-under-Lyme": ("Midlands", ("RLY", None), ("RLY", None), "RYA", ("NSCHT", "UHNM_W", "UHNM_CQC", "AMB_BMJ", "AMB_LIST")),
    # East of England
    "Ipswich": ("East of England", ("RMY", "RGR"), ("RMY", "RDE"), "RYC",
                ("NSFT_LAUNCH", "NSFT_CQC", "SUFFOLK_CHS", "SNEE_ICB", "AMB_LIST")),
    "West Suffolk": ("East of England", ("RMY", "RGR"), ("RMY", None), "RYC",
                     ("NSFT_LAUNCH", "NSFT_CQC", "SUFFOLK_CHS", "AMB_LIST")),
    "Great Yarmouth": ("East of England", ("RMY", "~East Coast Community Healthcare"), ("RMY", None), "RYC",
                       ("NSFT_LAUNCH", "NSFT_CQC", "ECCH_CQC", "ECCH_EDP", "JPUH", "JPUH_BBC", "AMB_LIST")),
    "Welwyn Hatfield": ("East of England", (None, "RY4"), (None, "RY4"), "RYC",
                        ("HCT", "HCT_W", "ENHT_ED", "LISTER_W16", "AMB_LIST")),
    # North West
    "Preston": ("North West", ("RW5", "RW5"), ("RW5", None), "RX7", ("LSCFT", "CENTRAL_LANCS", "AMB_BMJ", "AMB_LIST")),
    "Burnley": ("North West", ("RW5", "RXR"), ("RW5", "RXR"), "RX7",
                ("LSCFT", "ELHT_TCS", "ELHT_CQC", "ELHT_W", "AMB_BMJ", "AMB_LIST")),
    "West Lancashire": ("North West", ("RW5", None), ("RW5", None), "RX7", ("LSCFT", "WWL_ED", "AMB_BMJ", "AMB_LIST")),
    "Wyre": ("North West", ("RW5", "RXL"), ("RW5", "RXL"), "RX7", ("LSCFT", "BFWH", "AMB_BMJ", "AMB_LIST")),
    # North East and Yorkshire
    "Scarborough": ("North East and Yorkshire", ("RX3", "RCB"), ("RX3", None), "RX8",
                    ("TEWV_W", "TEWV_VOY", "YORK_SPA", "YORK_WITHDRAWS", "YSTHFT_W", "YAS", "AMB_LIST")),
    "Hambleton": ("North East and Yorkshire", ("RX3", None), ("RX3", None), "RX8",
                  ("TEWV_W", "TEWV_HRW", "TEWV_NALLERTON", "FRIARAGE", "FRIARAGE_W", "CDDFT_ED", "YSTHFT_W", "YAS", "AMB_LIST")),
    "Selby": ("North East and Yorkshire", ("RX3", "RCB"), ("RX3", None), "RX8",
              ("TEWV_W", "TEWV_YORK16", "YORK_SPA", "PONTEFRACT", "YAS", "AMB_LIST")),
    "Ryedale": ("North East and Yorkshire", ("RX3", "RCB"), ("RX3", None), "RX8",
                ("TEWV_W", "TEWV_VOY", "YORK_SPA", "YORK_WITHDRAWS", "YSTHFT_W", "YAS", "AMB_LIST")),
}

# postcode, council (2021 district), nearest emergency hospital's trust (2016, today)
_PLACES = [
    ("E8 4LW", "Hackney", (None, None)),              # Homerton 2.0 km, Royal London 2.5 km
    ("N1 7EL", "Hackney", (None, None)),              # Royal London 2.7 km, UCH 3.4 km
    ("TW1 4SB", "Richmond upon Thames", (None, None)),   # West Middlesex 4.1 km, Kingston 4.3 km
    ("TW12 2RX", "Richmond upon Thames", (None, None)),  # Kingston 5.8 km, West Middlesex 7.0 km
    ("SM1 4QD", "Sutton", ("RVR", "RVR")),            # St Helier
    ("SM5 2AX", "Sutton", ("RVR", "RVR")),
    ("UB6 0FY", "Ealing", ("R1K", "R1K")),            # Northwick Park
    ("W3 8DH", "Ealing", (None, None)),               # Charing Cross 4.1 km, West Middlesex 4.6 km
    ("GL2 0HE", "Gloucester", ("RTE", "RTE")),        # Gloucestershire Royal
    ("GL4 0BZ", "Gloucester", ("RTE", "RTE")),
    ("TQ12 1NT", "Teignbridge", ("RA9", "RA9")),      # Torbay
    ("TQ13 0DQ", "Teignbridge", ("RH8", "RH8")),      # Royal Devon and Exeter
    ("BA16 9QS", "Mendip", ("RA4", "RH5")),           # Yeovil District
    ("BA4 6TE", "Mendip", ("RA4", "RH5")),
    ("EX16 5JX", "Mid Devon", ("RH8", "RH8")),        # Royal Devon and Exeter
    ("EX17 3EF", "Mid Devon", ("RH8", "RH8")),
    ("PO7 5XJ", "Havant", ("RHU", "RHU")),            # Queen Alexandra
    ("PO9 1HX", "Havant", ("RHU", "RHU")),
    ("CT14 9EY", "Dover", ("RVV", "RVV")),            # QEQM Margate
    ("CT16 3DG", "Dover", ("RVV", "RVV")),            # William Harvey (QEQM, same trust, 1.8 km further)
    ("PO18 0FD", "Chichester", ("RYR", "RYR")),       # St Richard's
    ("PO19 8FU", "Chichester", ("RYR", "RYR")),
    ("KT17 4QJ", "Epsom and Ewell", ("RVR", "RVR")),  # Epsom
    ("KT19 8DR", "Epsom and Ewell", ("RVR", "RVR")),
    ("NG18 4YR", "Mansfield", ("RK5", "RK5")),        # King's Mill
    ("NG19 7JQ", "Mansfield", ("RK5", "RK5")),
    ("LN2 4FQ", "Lincoln", ("RWD", "RWD")),           # Lincoln County
    ("LN5 9AB", "Lincoln", ("RWD", "RWD")),
    ("WR2 6AG", "Worcester", ("RWP", "RWP")),         # Worcestershire Royal
    ("WR4 9FQ", "Worcester", ("RWP", "RWP")),
    ("ST5 3SX", "Newcastle-under-Lyme", ("RJE", "RJE")),  # Royal Stoke
    ("ST5 9HF", "Newcastle-under-Lyme", ("RJE", "RJE")),
    ("IP2 0QB", "Ipswich", ("RGQ", "RDE")),           # Ipswich Hospital
    ("IP3 9FA", "Ipswich", ("RGQ", "RDE")),
    ("IP22 2RG", "West Suffolk", (None, None)),       # West Suffolk Hospital: no page read names its trust
    ("IP30 0AW", "West Suffolk", (None, None)),
    ("NR30 2NP", "Great Yarmouth", ("RGP", "RGP")),   # James Paget
    ("NR31 6HU", "Great Yarmouth", ("RGP", "RGP")),
    ("AL6 9HY", "Welwyn Hatfield", ("RWH", "RWH")),   # Lister
    ("AL8 6NY", "Welwyn Hatfield", ("RWH", "RWH")),
    ("PR1 8PJ", "Preston", ("RXN", "RXN")),           # Royal Preston
    ("PR2 6LE", "Preston", ("RXN", "RXN")),
    ("BB10 4RP", "Burnley", (None, None)),            # Royal Blackburn 18.8 km, Airedale 20.7 km
    ("BB11 5RF", "Burnley", ("RXR", "RXR")),          # Royal Blackburn
    ("L40 3TH", "West Lancashire", (None, None)),     # Wigan 11.7 km, Southport 13.6 km
    ("WN6 9RD", "West Lancashire", ("RRF", "RRF")),   # Royal Albert Edward Infirmary
    ("FY6 0HH", "Wyre", ("RXL", "RXL")),              # Blackpool Victoria
    ("FY7 7NG", "Wyre", ("RXL", "RXL")),
    ("YO12 5PD", "Scarborough", ("RCB", "RCB")),      # Scarborough Hospital
    ("YO14 9LY", "Scarborough", ("RCB", "RCB")),
    ("DL7 9UX", "Hambleton", ("RTR", "RXP")),         # Friarage (2016), Darlington Memorial (today)
    ("YO61 1LE", "Hambleton", ("RCB", "RCB")),        # York Hospital
    ("LS25 6AX", "Selby", (None, None)),              # Pontefract (see the docstring)
    ("YO8 4NY", "Selby", (None, None)),
    ("YO17 9JE", "Ryedale", ("RCB", "RCB")),          # York 26.9 km, Scarborough 28.1 km, same trust
    ("YO60 7HF", "Ryedale", ("RCB", "RCB")),          # York Hospital
]

HELDOUT_C = [(pc, council, _C[council][1], _C[council][2], acute, _C[council][3], _C[council][4])
             for pc, council, acute in _PLACES]
REGION = {pc: _C[council][0] for pc, council, _ in _PLACES}
REGIONS = ("London", "South West", "South East", "Midlands", "East of England", "North West",
           "North East and Yorkshire")
