"""A fifth held-out evaluation set, frozen before it was ever scored: 60 places, two in each of 30 councils
(four or five in each of the seven NHS England regions) nobody tuned to.

How the places were chosen (by area, not by any answer): the list of 30 councils (2021 local authority
districts, as in the ONS May 2022 lookup) was fixed first, before any cell was researched, favouring ordinary
councils as a resident meets them rather than hard cases, so that the set measures typical accuracy:
  London: Barking and Dagenham, Redbridge, Harrow, Hounslow;
  South West: Cotswold, Forest of Dean, West Devon, South Hams;
  South East: Tonbridge and Malling, Swale, Mid Sussex, Basingstoke and Deane, Reigate and Banstead;
  Midlands: Warwick, Chesterfield, Gedling, Tamworth;
  East of England: South Cambridgeshire, Broadland, Braintree, Hertsmere, North Norfolk;
  North West: Fylde, Hyndburn, Pendle, Chorley;
  North East and Yorkshire: Richmondshire, Sunderland, Gateshead, Barnsley.
Outside London and the North East and Yorkshire none of these councils has a postcode in places_checked.py
(PLACES or ACUTE), places_unseen.py, places_heldout.py, places_heldout_b.py or places_heldout_c.py. Every London
borough already has at least one earlier place, so the four London boroughs are ones with the fewest (one
each); in the North East and Yorkshire only Richmondshire has none, so Sunderland, Gateshead and Barnsley are
councils with one earlier place each. Their postcodes are new, but those two columns are not a measure on
wholly unseen councils.
In each council the live small-user postcodes of the ONS postcode-to-LSOA lookup (May 2022, no termination
date, usertype 0) that are also in OS Code-Point Open 2025 and not in any of the five earlier files were
sorted, and the ones at one third and two thirds of that order (index n//3 and 2n//3) were taken - two per
council, the method of places_heldout_b.py and places_heldout_c.py (the same procedure reproduces set C's
postcodes when set C's own rows are not excluded).

Acute cells: the trust running the nearest hospital with a 24-hour emergency department, by straight line
between Code-Point postcode points, among a fixed list of 105 such hospitals in and around the 30 councils
(_HOSPITALS below) written down before any distance was computed; the Friarage, Northallerton counts for 2016
only (its A&E became an urgent treatment centre on 27 March 2019), and so does Chorley and South Ribble
Hospital (its A&E was open on 1 April 2016 and closed to 999 ambulances from 18 April 2016; when it reopened
it was 8am to 8pm). Where a hospital of another trust lies within 2 km of the nearest, the cell is None
(IG1 4TL, HA5 4EY, TW3 3PE, GL15 5QQ, TQ10 9AX, WD6 3AU, BB9 5HS, NE38 8NW, NE16 4HZ, and DL8 3TF for 2016).
Two cells were set to None after the distances were computed, rather than changing the list: GL56 0EF
(Moreton-in-Marsh), whose nearest listed hospital is Warwick at 34.9 km, because the list lacks the Horton
General, Banbury and Cheltenham General, whose emergency hours no page read settles; and ME12 1QX
(Sheerness), whose nearest listed hospital by straight line is Southend, across the Thames estuary.

Each cell was checked on 2026-12-03 against the pages named in H (https but for a few trust and local pages
served over http), read with a search of stored public pages; a cell no page read that day settles is None and
is not scored. Cells left None on purpose: community services where the council is split between providers
or the pages show the provider changing without saying who holds it today (West Devon and South Hams, split
between Livewell Southwest and Torbay and South Devon localities; Hounslow today, which Kingston and Richmond
was set to stop providing; Norfolk today, where Norfolk Community Health and Care and Cambridgeshire Community
Services were coming together; Swale, whose community hospitals Virgin Care took over in 2016; Gateshead,
served by both Gateshead Health and South Tyneside; Barnsley and Chorley today, Mid Sussex today, South
Cambridgeshire in 2016 after the UnitingCare contract ended in December 2015), and cells where no page read
names the provider (community services in Braintree and Richmondshire). Mental health in West Devon and South
Hams is None because Devon Partnership's pages say Devon excluding Plymouth while Livewell Southwest's say it
brings together physical and mental healthcare across Plymouth, South Hams and West Devon.
The tool's answers for these places were not looked at while this file was written.

Row layout is the one of places_heldout.HELDOUT: postcode, place, (2016-04-01: mental health,
community), (today: mental health, community), (acute 2016, acute today), ambulance, sources.
A code is the ODS code the answer must show (each code was matched to its trust's name in the ODS trust list
of December 2025 in the raw data: Gloucestershire Health and Care keeps 2gether's RTQ, Midlands Partnership
keeps South Staffordshire and Shropshire Healthcare's RRE, Hampshire and Isle of Wight Healthcare keeps
Southern Health's RW1, Lancashire and South Cumbria keeps Lancashire Care's RW5); "~Name" is a provider that is
not an NHS trust, matched by name. REGION gives each postcode's NHS England region (the reporting column).

Do not edit a row to match the tool. A row is changed only when a better source shows it wrong,
and the change says which source.
"""

CHECKED_ON = "2026-12-03"

H = {
    # Ambulance services and the areas they serve
    "AMB_LIST": "https://wikimili.com/en/Ambulance_services_trust",
    "AMB_BMJ": "https://bmjopen.bmj.com/highwire/markup/111214/expansion?width=1000&height=500&iframe=true&postprocessors=highwire_tables%2Chighwire_reclass%2Chighwire_figures%2Chighwire_math%2Chighwire_inline_linked_media%2Chighwire_embed",
    "WMAS": "https://en.wikipedia.org/wiki/West_Midlands_Ambulance_Service",
    "YAS": "http://the-uncensored-wiki.com:20061/y/o/r/Yorkshire_Ambulance_Service_2687.html",
    "NEAS": "http://www.worldlibrary.in/articles/eng/North_East_Ambulance_Service",
    # --- London ---
    # NELFT: community health and mental health services in Barking and Dagenham, Havering, Redbridge, Waltham Forest
    "NELFT_CQC16": "https://www.cqc.org.uk/news/releases/north-east-london-nhs-foundation-trust-requires-improvement-says-cqc",
    "NELFT_CQC": "https://www.cqc.org.uk/provider/RAT/inspection-summary",
    # Harrow: CNWL mental health; LNWH community services (2015/16) moved to CLCH (adults) on 1 August 2021
    "NWL_HARROW": "https://www.healthiernorthwestlondon.nhs.uk/services/harrow",
    "LNWH_2021": "https://lnwh.nhs.uk/news/change-of-nhs-provider-for-community-services-in-brent-and-harrow-3930",
    "CLCH_HARROW": "http://www.cqc.org.uk/provider/RYX/inspection-summary",
    # Hounslow: West London (Mental Health) NHS Trust; Hounslow and Richmond Community Healthcare (2016), merged
    # into Kingston and Richmond on 1 November 2024, which was set to stop providing services in Hounslow
    "WLT_W": "https://en.wikipedia.org/wiki/West_London_NHS_Trust",
    "WLT_BEDS": "https://www.westlondon.nhs.uk/EalingMHBeds/update-adult-inpatient-mental-health-services-ealing-what-happens-now",
    "HRCH_CQC16": "https://www.cqc.org.uk/news/releases/hounslow-richmond-community-healthcare-nhs-trust-requires-improvement-says-cqc",
    "KRFT": "https://www.healthcare-management.uk/south-west-london-trusts-complete-merger",
    "HSJ_HOUNSLOW": "https://www.hsj.co.uk/expert-briefings/hsj-weekly-catch-up-second-waves-unheeded-lessons-and-hunts-hopes/7036985.article",
    # --- South West ---
    # Gloucestershire: 2gether (mental health) and Gloucestershire Care Services (community) merged 1 October 2019
    "GHC_MERGER": "https://www.gloucesterbid.uk/news/nhs-trusts-to-merge/",
    "GLOS_BBC": "https://feeds.bbci.co.uk/news/uk-england-41334272",
    "GHC_CQC": "https://cqc.org.uk/press-release/gloucestershire-health-care-nhs-foundation-trust-retains-good-rating-following-cqc",
    # Devon: Devon Partnership (Devon excluding Plymouth); Livewell Southwest localities in South Hams and West
    # Devon; Torbay and South Devon's Moor to Sea locality includes Dartmouth (South Hams)
    "DPT_W": "https://en.wikipedia.org/wiki/Devon_Partnership_NHS_Trust",
    "LIVEWELL": "https://www.livewellsouthwest.co.uk/about-us/find-us/our-localities/",
    "NEWDEVON_WEST": "http://newdevonccg.nhs.uk/western/100052",
    "TSDFT_DARTMOUTH": "https://www.dartmouth-today.co.uk/news/health-provision-work-is-ongoing-341845",
    # --- South East ---
    # Kent: KMPT mental health (renamed Kent and Medway Mental Health NHS Trust); Kent Community Health FT;
    # Virgin Care took the community hospitals in Dartford, Gravesham, Swanley and Swale in 2016
    "KMPT_W": "https://en.wikipedia.org/wiki/Kent_and_Medway_Mental_Health_NHS_Trust",
    "KMPT": "https://kmpt.nhs.uk/about-us",
    "KCHFT_W": "https://en.wikipedia.org/wiki/Kent_Community_Health_NHS_Foundation_Trust",
    "KCHFT_CQC": "http://www.cqc.org.uk/provider/RYY/inspection-summary",
    "KCHFT_AR": "https://kentcht.nhs.uk/summary-annual-report",
    # Sussex: Sussex Partnership mental health; Sussex Community FT in Mid Sussex and Horsham (2016-2017)
    "SPFT_W": "https://en.wikipedia.org/wiki/Sussex_Partnership_NHS_Foundation_Trust",
    "SCFT_CQC": "https://www.cqc.org.uk/provider/RDR/inspection-summary",
    "SCFT_FT": "https://www.sussexcommunity.nhs.uk/Default.aspx.ShortcutID-467894.faq_id-2735.htm",
    # Hampshire: Southern Health (community and mental health, Parklands Hospital Basingstoke); Hampshire and
    # Isle of Wight Healthcare NHS FT formed October 2024
    "SHFT_2016": "https://goodnames.eth.limo/wiki/Southern_Health_NHS_Foundation_Trust.html",
    "SHFT_W": "https://library.nullify.net/content/wikipedia_en_medicine_2021-04/A/Southern_Health_NHS_Foundation_Trust",
    "HIOWH": "https://hiowhealthcare.nhs.uk/about-us/trust",
    "HIOWH_LAUNCH": "https://onthewight.com/new-nhs-trust-launches-to-unite-healthcare-services-in-hampshire-and-isle-of-wight",
    # Surrey: Surrey and Borders mental health; First Community Health & Care CIC in East Surrey since 2011
    "SABP_2016": "https://www.sabp.nhs.uk/aboutus/services-and-site-developments/mental-health-hospital-development-plans",
    "SABP_PQ": "https://parallelparliament.co.uk/question/55895/mental-health-services-surrey",
    "FCHC_CQC": "https://www.cqc.org.uk/provider/1-274331683/reports",
    # --- Midlands ---
    "CWPT_CQC16": "https://www.cqc.org.uk/news/releases/chief-inspector-hospitals-rates-coventry-warwickshire-partnership-nhs-trust-requires",
    "CWPT_CQC": "https://gl-dpcqc.axis12.com/provider/RYG/inspection-summary",
    "SWFT": "https://www.swft.nhs.uk/about-us",
    "SWFT_2013": "http://www.swft.nhs.uk/2013/1.aspx?page=7",
    "SWFT_2019": "https://www.kenilworthweeklynews.co.uk/news/people/chief-inspector-hospitals-rates-south-warwickshire-nhs-foundation-trust-outstanding-1331402",
    "DHCFT_W": "https://en.wikipedia.org/wiki/Derbyshire_Healthcare_NHS_Foundation_Trust",
    "DHCFT": "https://derbyshirehealthcareft.nhs.uk/about-us/who-we-are",
    "DCHS_CQC": "https://www.cqc.org.uk/provider/RY8/inspection-summary",
    "DCHS": "https://join-dchs.com/about-us",
    "NHFT_W": "https://en.wikipedia.org/wiki/Nottinghamshire_Healthcare_NHS_Foundation_Trust",
    "NHFT": "https://www.nottinghamshirehealthcare.nhs.uk/about-us",
    "NHFT_2012": "https://issuu.com./roy.hargravedesign/docs/positive_april_2012",
    "NHFT_CQC": "https://cqc.org.uk/provider/RHA/inspection-summary",
    # Staffordshire: SSSFT (mental health, George Bryan Centre Tamworth) and SSOTP (community) merged 1 June 2018
    "SSSFT_W": "https://en.wikipedia.org/wiki/South_Staffordshire_and_Shropshire_Healthcare_NHS_Foundation_Trust",
    "SSOTP": "http://www.burtonmail.co.uk/news/burton-news/two-major-staffordshire-healthcare-trusts-634115",
    "MPFT": "https://mpft.nhs.uk/about-us",
    "MPFT_HSJ": "https://www.hsj.co.uk/south-staffordshire-and-shropshire-healthcare-nhs-foundation-trust/milestone-trust-merger-completed/7022571.article",
    # --- East of England ---
    "CPFT_W": "https://en.wikipedia.org/wiki/Cambridgeshire_and_Peterborough_NHS_Foundation_Trust",
    "UCP_BBC": "https://www.bbc.co.uk/news/uk-england-cambridgeshire-35000421",
    "NSFT_W": "https://en.wikipedia.org/wiki/Norfolk_and_Suffolk_NHS_Foundation_Trust",
    "NSFT_CQC": "https://www.cqc.org.uk/provider/RMY/inspection-summary",
    "NCHC_EDP": "https://www.edp24.co.uk/news/health/patients-are-getting-outstanding-community-health-care-in-norfolk-say-watchdogs-1-5575838",
    "NCHC_10": "https://www.norfolkcommunityhealthandcare.nhs.uk/news-insights/we-are-celebrating-ten-years-of-looking-after-you-locally-737",
    "NCHC_CCS": "https://nhsbuildingtrust.info/updates/collaborating",
    "NEP_W": "https://en.wikipedia.org/wiki/North_Essex_Partnership_University_NHS_Foundation_Trust",
    "EPUT_MERGER": "https://eput.nhs.uk/news-events/posts/essex-nhs-merger-gets-green-light",
    "EPUT_W": "https://en.wikipedia.org/wiki/Essex_Partnership_University_NHS_Foundation_Trust",
    # Hertfordshire: HPFT mental health; HCT community until CLCH took west Hertfordshire adult services on
    # 1 October 2019 (Hertsmere single point of access)
    "HPFT_W": "https://en.wikipedia.org/wiki/Hertfordshire_Partnership_University_NHS_Foundation_Trust",
    "HPFT_CQC": "https://www.cqc.org.uk/provider/RWR/inspection-summary",
    "HPFT_2025": "http://opencouncil.network/meetings/85414",
    "HCT_W": "https://en.wikipedia.org/wiki/Hertfordshire_Community_NHS_Trust",
    "CLCH_HERTS": "https://clch.nhs.uk/health-professionals/hertfordshire",
    "CLCH_HEMEL": "https://www.hemeltoday.co.uk/news/people/new-adult-community-health-service-for-hertfordshire-makes-great-strides-in-first-year-2994279",
    # --- North West ---
    "LSCFT": "https://www.lscft.nhs.uk/about-us",
    "LSCFT_W": "https://en.wikipedia.org/wiki/Lancashire_and_South_Cumbria_NHS_Foundation_Trust",
    "LCFT_CQC17": "https://www.cqc.org.uk/news/releases/lancashire-care-nhs-foundation-trust-rating-upgraded-good-after-care-quality",
    "BFWH": "http://www.bfwh.nhs.uk/about-our-trust/",
    "ELHT_TCS": "http://www.lancashiretelegraph.co.uk/news/8960843.900-extra-staff-roles-east-lancashire-hospitals/",
    "ELHT_CQC": "https://www.cqc.org.uk/provider/RXR/reports/AP9702/community-health-inpatient-services",
    "CENTRAL_LANCS": "https://www.healthierlsc.co.uk/central-lancs/about/whos-involved",
    "CHORLEY_AE": "https://www.lep.co.uk/news/chorley-hospital-ae-closure-everything-we-know-so-far-1249119",
    "CHORLEY_AE2": "https://www.lep.co.uk/health/how-chorley-hospitals-ae-unit-was-downgraded-263204",
    # --- North East and Yorkshire ---
    "TEWV_W": "https://en.wikipedia.org/wiki/Tees,_Esk_and_Wear_Valleys_NHS_Foundation_Trust",
    "TEWV_NALLERTON": "https://www.northernfarmer.co.uk/news/18938029.nhs-move-improve-mental-health-services-welcomed/",
    "TEWV_CQC": "https://gl-dpcqc.axis12.com/provider/RX3/inspection-summary",
    "FRIARAGE": "https://www.southtees.nhs.uk/hospitals/friarage/temporary-changes-to-services-at-the-friarage-hospital/",
    "FRIARAGE_UTC": "https://northyorkshireccg.nhs.uk/a-sustainable-future-for-the-friarage-hospital-northallerton/",
    "NTW": "https://ntw-appointments.com/about-us",
    "CNTW": "https://www.cntw.nhs.uk/about/trust/who-we-are/",
    "CNTW_W": "https://en.wikipedia.org/wiki/Cumbria,_Northumberland,_Tyne_and_Wear_NHS_Foundation_Trust",
    # Sunderland: community services moved to South Tyneside FT in 2011; South Tyneside and Sunderland FT 2019
    "STFT_TCS": "http://www.sunderlandecho.com/news/health/bosses-and-unions-praise-nhs-change-1-3576946",
    "STSG_2016": "https://www.shieldsgazette.com/news/south-tyneside-and-sunderland-health-trusts-join-forces-help-improve-care-371656",
    "STSFT": "https://www.stsft.nhs.uk/about-us/corporate-information/foi-requests/publication-scheme",
    "STSFT_CS": "https://www.stsft.nhs.uk/services/community-services",
    "GATESHEAD_CQC": "https://dev.cqc.org.uk/provider/RR7/inspection-summary",
    "SWYPFT_2014": "https://www.southwestyorkshire.nhs.uk/2014/12/19/nhs-trust-invests-over-6-million-in-community-hubs/",
    "SWYPFT_CQC": "https://www.cqc.org.uk/provider/RXG/inspection-summary",
    "BARNSLEY_CAMHS": "https://www.barnsleyccg.nhs.uk/get-involved/developing-a-new-child-and-adolescent-mental-health-service-camhs-for-barnsley.htm",
    "BARNSLEY_TU": "https://www.barnsleyhospital.nhs.uk/news/transition-unit-moves-barnsley-hospital/",
}

# The fixed list of hospitals with a 24-hour emergency department, written before any distance was computed:
# name, postcode, trust on 2016-04-01, trust today (None: no 24-hour emergency department that day).
_HOSPITALS = [
    ("King George Ilford", "IG3 8YB", "RF4", "RF4"), ("Queen's Romford", "RM7 0AG", "RF4", "RF4"),
    ("Newham", "E13 8SL", "R1H", "R1H"), ("Whipps Cross", "E11 1NR", "R1H", "R1H"),
    ("Royal London", "E1 1FR", "R1H", "R1H"), ("Homerton", "E9 6SR", "RQX", "RQX"),
    ("Northwick Park", "HA1 3UJ", "R1K", "R1K"), ("Ealing", "UB1 3HW", "R1K", "R1K"),
    ("Watford General", "WD18 0HB", "RWG", "RWG"), ("Hillingdon", "UB8 3NN", "RAS", "RAS"),
    ("Barnet", "EN5 3DJ", "RAL", "RAL"), ("West Middlesex", "TW7 6AF", "RQM", "RQM"),
    ("Charing Cross", "W6 8RF", "RYJ", "RYJ"), ("Chelsea and Westminster", "SW10 9NH", "RQM", "RQM"),
    ("Wexham Park", "SL2 4HL", "RDU", "RDU"), ("St Peter's Chertsey", "KT16 0PZ", "RTK", "RTK"),
    ("Kingston", "KT2 7QB", "RAX", "RAX"),
    ("Gloucestershire Royal", "GL1 3NN", "RTE", "RTE"), ("Great Western Swindon", "SN3 6BB", "RN3", "RN3"),
    ("Hereford County", "HR1 2ER", "RLQ", "RLQ"), ("Worcestershire Royal", "WR5 1DD", "RWP", "RWP"),
    ("Royal United Bath", "BA1 3NG", "RD1", "RD1"), ("Southmead", "BS10 5NB", "RVJ", "RVJ"),
    ("John Radcliffe", "OX3 9DU", "RTH", "RTH"), ("Derriford", "PL6 8DH", "RK9", "RK9"),
    ("Torbay", "TQ2 7AA", "RA9", "RA9"), ("Royal Devon and Exeter", "EX2 5DW", "RH8", "RH8"),
    ("Royal Cornwall Treliske", "TR1 3LQ", "REF", "REF"), ("North Devon District", "EX31 4JB", "RBZ", "RH8"),
    ("Warwick", "CV34 5BW", "RJC", "RJC"), ("University Hospital Coventry", "CV2 2DX", "RKB", "RKB"),
    ("George Eliot", "CV10 7DJ", "RLT", "RLT"), ("Chesterfield Royal", "S44 5BL", "RFS", "RFS"),
    ("Royal Derby", "DE22 3NE", "RTG", "RTG"), ("Northern General Sheffield", "S5 7AU", "RHQ", "RHQ"),
    ("King's Mill", "NG17 4JL", "RK5", "RK5"), ("Queen's Medical Centre", "NG7 2UH", "RX1", "RX1"),
    ("Good Hope", "B75 7RR", "RR1", "RRK"), ("Queen's Burton", "DE13 0RB", "RJF", "RTG"),
    ("Birmingham Heartlands", "B9 5SS", "RR1", "RRK"), ("Manor Walsall", "WS2 9PS", "RBK", "RBK"),
    ("Leicester Royal Infirmary", "LE1 5WW", "RWE", "RWE"), ("Bassetlaw", "S81 0BD", "RP5", "RP5"),
    ("Doncaster Royal", "DN2 5LT", "RP5", "RP5"), ("Rotherham", "S60 2UD", "RFR", "RFR"),
    ("Addenbrooke's", "CB2 0QQ", "RGT", "RGT"), ("Hinchingbrooke", "PE29 6NT", "RQQ", "RGN"),
    ("Peterborough City", "PE3 9GZ", "RGN", "RGN"), ("West Suffolk Bury", "IP33 2QZ", "RGR", "RGR"),
    ("Lister", "SG1 4AB", "RWH", "RWH"), ("Princess Alexandra", "CM20 1QX", "RQW", "RQW"),
    ("Norfolk and Norwich", "NR4 7UY", "RM1", "RM1"), ("James Paget", "NR31 6LA", "RGP", "RGP"),
    ("Queen Elizabeth King's Lynn", "PE30 4ET", "RCX", "RCX"), ("Broomfield", "CM1 7ET", "RQ8", "RAJ"),
    ("Colchester", "CO4 5JL", "RDE", "RDE"), ("Basildon", "SS16 5NL", "RDD", "RAJ"),
    ("Southend", "SS0 0RY", "RAJ", "RAJ"),
    ("Maidstone", "ME16 9QQ", "RWF", "RWF"), ("Tunbridge Wells Pembury", "TN2 4QJ", "RWF", "RWF"),
    ("Darent Valley", "DA2 8DA", "RN7", "RN7"), ("Medway Maritime", "ME7 5NY", "RPA", "RPA"),
    ("William Harvey Ashford", "TN24 0LZ", "RVV", "RVV"), ("QEQM Margate", "CT9 4AN", "RVV", "RVV"),
    ("Princess Royal Haywards Heath", "RH16 4EX", "RXH", "RYR"), ("Royal Sussex County", "BN2 5BE", "RXH", "RYR"),
    ("East Surrey", "RH1 5RH", "RTP", "RTP"), ("Eastbourne District General", "BN21 2UD", "RXC", "RXC"),
    ("Worthing", "BN11 2DH", "RYR", "RYR"), ("Basingstoke", "RG24 9NA", "RN5", "RN5"),
    ("Royal Berkshire", "RG1 5AN", "RHW", "RHW"), ("Frimley Park", "GU16 7UJ", "RDU", "RDU"),
    ("Royal Hampshire County", "SO22 5DG", "RN5", "RN5"), ("Southampton General", "SO16 6YD", "RHM", "RHM"),
    ("Royal Surrey", "GU2 7XX", "RA2", "RA2"), ("Epsom", "KT18 7EG", "RVR", "RVR"),
    ("St Helier", "SM5 1AA", "RVR", "RVR"), ("Croydon University", "CR7 7YE", "RJ6", "RJ6"),
    ("Princess Royal Farnborough", "BR6 8ND", "RJZ", "RJZ"),
    ("Royal Blackburn", "BB2 3HH", "RXR", "RXR"), ("Airedale", "BD20 6TD", "RCF", "RCF"),
    ("Blackpool Victoria", "FY3 8NR", "RXL", "RXL"), ("Royal Preston", "PR2 9HT", "RXN", "RXN"),
    ("Chorley and South Ribble", "PR7 1PP", "RXN", None), ("Royal Bolton", "BL4 0JR", "RMC", "RMC"),
    ("Royal Albert Edward Wigan", "WN1 2NN", "RRF", "RRF"), ("Royal Oldham", "OL1 2JH", "RW6", "RM3"),
    ("Fairfield Bury", "BL9 7TD", "RW6", "RM3"), ("Calderdale Royal", "HX3 0PW", "RWY", "RWY"),
    ("Royal Lancaster", "LA1 4RP", "RTX", "RTX"),
    ("Friarage Northallerton", "DL6 1JG", "RTR", None), ("Darlington Memorial", "DL3 6HX", "RXP", "RXP"),
    ("James Cook", "TS4 3BW", "RTR", "RTR"), ("Harrogate District", "HG2 7SX", "RCD", "RCD"),
    ("University Hospital of North Durham", "DH1 5TW", "RXP", "RXP"),
    ("Sunderland Royal", "SR4 7TP", "RLN", "R0B"), ("South Tyneside District", "NE34 0PL", "RE9", "R0B"),
    ("Queen Elizabeth Gateshead", "NE9 6SX", "RR7", "RR7"), ("Royal Victoria Infirmary", "NE1 4LP", "RTD", "RTD"),
    ("Northumbria Specialist Emergency Care", "NE23 6NZ", "RTF", "RTF"),
    ("Barnsley", "S75 2EP", "RFF", "RFF"), ("Pinderfields", "WF1 4DG", "RXF", "RXF"),
    ("Huddersfield Royal", "HD3 3EA", "RWY", "RWY"), ("Leeds General Infirmary", "LS1 3EX", "RR8", "RR8"),
    ("St James's Leeds", "LS9 7TF", "RR8", "RR8"),
]

# Per council: region, (2016: mental health, community), (today: mental health, community), ambulance, sources;
# acute (2016, today) is per postcode, below.
_C = {
    # London (boroughs with one earlier place each; see the docstring)
    "Barking and Dagenham": ("London", ("RAT", "RAT"), ("RAT", "RAT"), "RRU", ("NELFT_CQC16", "NELFT_CQC", "AMB_LIST")),
    "Redbridge": ("London", ("RAT", "RAT"), ("RAT", "RAT"), "RRU", ("NELFT_CQC16", "NELFT_CQC", "AMB_LIST")),
    "Harrow": ("London", ("RV3", "R1K"), ("RV3", "RYX"), "RRU", ("NWL_HARROW", "LNWH_2021", "CLCH_HARROW", "AMB_LIST")),
    "Hounslow": ("London", ("RKL", "RY9"), ("RKL", None), "RRU",
                 ("WLT_W", "WLT_BEDS", "HRCH_CQC16", "KRFT", "HSJ_HOUNSLOW", "AMB_LIST")),
    # South West
    "Cotswold": ("South West", ("RTQ", "R1J"), ("RTQ", "RTQ"), "RYF",
                 ("GHC_MERGER", "GLOS_BBC", "GHC_CQC", "AMB_BMJ", "AMB_LIST")),
    "Forest of Dean": ("South West", ("RTQ", "R1J"), ("RTQ", "RTQ"), "RYF",
                       ("GHC_MERGER", "GLOS_BBC", "GHC_CQC", "AMB_BMJ", "AMB_LIST")),
    "West Devon": ("South West", (None, None), (None, None), "RYF",
                   ("DPT_W", "LIVEWELL", "NEWDEVON_WEST", "AMB_BMJ", "AMB_LIST")),
    "South Hams": ("South West", (None, None), (None, None), "RYF",
                   ("DPT_W", "LIVEWELL", "NEWDEVON_WEST", "TSDFT_DARTMOUTH", "AMB_BMJ", "AMB_LIST")),
    # South East
    "Tonbridge and Malling": ("South East", ("RXY", "RYY"), ("RXY", "RYY"), "RYD",
                              ("KMPT_W", "KMPT", "KCHFT_W", "KCHFT_CQC", "KCHFT_AR", "AMB_BMJ", "AMB_LIST")),
    "Swale": ("South East", ("RXY", None), ("RXY", None), "RYD", ("KMPT_W", "KMPT", "KCHFT_W", "AMB_BMJ", "AMB_LIST")),
    "Mid Sussex": ("South East", ("RX2", "RDR"), ("RX2", None), "RYD",
                   ("SPFT_W", "SCFT_CQC", "SCFT_FT", "AMB_BMJ", "AMB_LIST")),
    "Basingstoke and Deane": ("South East", ("RW1", "RW1"), ("RW1", "RW1"), "RYE",
                              ("SHFT_2016", "SHFT_W", "HIOWH", "HIOWH_LAUNCH", "AMB_BMJ", "AMB_LIST")),
    "Reigate and Banstead": ("South East", ("RXX", "~First Community Health"), ("RXX", "~First Community Health"),
                             "RYD", ("SABP_2016", "SABP_PQ", "FCHC_CQC", "AMB_BMJ", "AMB_LIST")),
    # Midlands
    "Warwick": ("Midlands", ("RYG", "RJC"), ("RYG", "RJC"), "RYA",
                ("CWPT_CQC16", "CWPT_CQC", "SWFT", "SWFT_2013", "SWFT_2019", "WMAS", "AMB_LIST")),
    "Chesterfield": ("Midlands", ("RXM", "RY8"), ("RXM", "RY8"), "RX9",
                     ("DHCFT_W", "DHCFT", "DCHS_CQC", "DCHS", "AMB_LIST")),
    "Gedling": ("Midlands", ("RHA", "RHA"), ("RHA", "RHA"), "RX9", ("NHFT_W", "NHFT", "NHFT_2012", "NHFT_CQC", "AMB_LIST")),
    "Tamworth": ("Midlands", ("RRE", "R1E"), ("RRE", "RRE"), "RYA",
                 ("SSSFT_W", "SSOTP", "MPFT", "MPFT_HSJ", "WMAS", "AMB_LIST")),
    # East of England
    "South Cambridgeshire": ("East of England", ("RT1", None), ("RT1", "RT1"), "RYC", ("CPFT_W", "UCP_BBC", "AMB_LIST")),
    "Broadland": ("East of England", ("RMY", "RY3"), ("RMY", None), "RYC",
                  ("NSFT_W", "NSFT_CQC", "NCHC_EDP", "NCHC_10", "NCHC_CCS", "AMB_LIST")),
    "Braintree": ("East of England", ("RRD", None), ("R1L", None), "RYC", ("NEP_W", "EPUT_MERGER", "EPUT_W", "AMB_LIST")),
    "Hertsmere": ("East of England", ("RWR", "RY4"), ("RWR", "RYX"), "RYC",
                  ("HPFT_W", "HPFT_CQC", "HPFT_2025", "HCT_W", "CLCH_HERTS", "CLCH_HEMEL", "AMB_LIST")),
    "North Norfolk": ("East of England", ("RMY", "RY3"), ("RMY", None), "RYC",
                      ("NSFT_W", "NSFT_CQC", "NCHC_EDP", "NCHC_10", "NCHC_CCS", "AMB_LIST")),
    # North West
    "Fylde": ("North West", ("RW5", "RXL"), ("RW5", "RXL"), "RX7", ("LSCFT", "LCFT_CQC17", "BFWH", "AMB_BMJ", "AMB_LIST")),
    "Hyndburn": ("North West", ("RW5", "RXR"), ("RW5", "RXR"), "RX7",
                 ("LSCFT", "LCFT_CQC17", "ELHT_TCS", "ELHT_CQC", "AMB_BMJ", "AMB_LIST")),
    "Pendle": ("North West", ("RW5", "RXR"), ("RW5", "RXR"), "RX7",
               ("LSCFT", "LCFT_CQC17", "ELHT_TCS", "ELHT_CQC", "AMB_BMJ", "AMB_LIST")),
    "Chorley": ("North West", ("RW5", "RW5"), ("RW5", None), "RX7",
                ("LSCFT", "LSCFT_W", "LCFT_CQC17", "CENTRAL_LANCS", "CHORLEY_AE", "CHORLEY_AE2", "AMB_BMJ", "AMB_LIST")),
    # North East and Yorkshire (Sunderland, Gateshead and Barnsley: one earlier place each; see the docstring)
    "Richmondshire": ("North East and Yorkshire", ("RX3", None), ("RX3", None), "RX8",
                      ("TEWV_W", "TEWV_NALLERTON", "TEWV_CQC", "FRIARAGE", "FRIARAGE_UTC", "YAS", "AMB_LIST")),
    "Sunderland": ("North East and Yorkshire", ("RX4", "RE9"), ("RX4", "R0B"), "RX6",
                   ("NTW", "CNTW", "CNTW_W", "STFT_TCS", "STSG_2016", "STSFT", "STSFT_CS", "NEAS", "AMB_LIST")),
    "Gateshead": ("North East and Yorkshire", ("RX4", None), ("RX4", None), "RX6",
                  ("NTW", "CNTW", "CNTW_W", "GATESHEAD_CQC", "STSFT", "NEAS", "AMB_LIST")),
    "Barnsley": ("North East and Yorkshire", ("RXG", "RXG"), ("RXG", None), "RX8",
                 ("SWYPFT_2014", "SWYPFT_CQC", "BARNSLEY_CAMHS", "BARNSLEY_TU", "YAS", "AMB_LIST")),
}

# postcode, council (2021 district), nearest 24-hour emergency hospital's trust (2016, today)
_PLACES = [
    ("RM10 7FJ", "Barking and Dagenham", ("RF4", "RF4")),   # Queen's Romford
    ("RM8 1QT", "Barking and Dagenham", ("RF4", "RF4")),    # King George, Queen's 0.3 km further (same trust)
    ("IG1 4TL", "Redbridge", (None, None)),                 # King George 3.6 km, Whipps Cross 4.6 km
    ("IG6 2AW", "Redbridge", ("RF4", "RF4")),               # King George
    ("HA2 9BZ", "Harrow", ("R1K", "R1K")),                  # Northwick Park
    ("HA5 4EY", "Harrow", (None, None)),                    # Watford General 4.6 km, Northwick Park 5.4 km
    ("TW3 3PE", "Hounslow", (None, None)),                  # West Middlesex 2.9 km, Ealing 4.8 km
    ("TW7 6TP", "Hounslow", ("RQM", "RQM")),                # West Middlesex
    ("GL56 0EF", "Cotswold", (None, None)),                 # Warwick 34.9 km: see the docstring
    ("GL7 4EZ", "Cotswold", ("RN3", "RN3")),                # Great Western, Swindon
    ("GL15 5QQ", "Forest of Dean", (None, None)),           # Gloucestershire Royal 25.7 km, Southmead 25.7 km
    ("GL17 9BA", "Forest of Dean", ("RTE", "RTE")),         # Gloucestershire Royal
    ("EX20 4AH", "West Devon", ("RK9", "RK9")),             # Derriford
    ("PL19 9AP", "West Devon", ("RK9", "RK9")),
    ("TQ10 9AX", "South Hams", (None, None)),               # Derriford 20.2 km, Torbay 20.5 km
    ("TQ7 3NT", "South Hams", ("RK9", "RK9")),              # Derriford
    ("ME20 6SX", "Tonbridge and Malling", ("RWF", "RWF")),  # Maidstone
    ("TN11 9BY", "Tonbridge and Malling", ("RWF", "RWF")),  # Tunbridge Wells at Pembury
    ("ME12 1QX", "Swale", (None, None)),                    # Southend, across the Thames estuary: see the docstring
    ("ME13 8ES", "Swale", ("RVV", "RVV")),                  # William Harvey, Ashford
    ("RH15 8PE", "Mid Sussex", ("RXH", "RYR")),             # Princess Royal, Haywards Heath
    ("RH17 5DY", "Mid Sussex", ("RXH", "RYR")),
    ("RG22 5EB", "Basingstoke and Deane", ("RN5", "RN5")),  # Basingstoke and North Hampshire
    ("RG25 2EQ", "Basingstoke and Deane", ("RN5", "RN5")),
    ("RH1 2JW", "Reigate and Banstead", ("RTP", "RTP")),    # East Surrey
    ("RH2 8QH", "Reigate and Banstead", ("RTP", "RTP")),
    ("CV32 5SG", "Warwick", ("RJC", "RJC")),                # Warwick Hospital
    ("CV34 6FN", "Warwick", ("RJC", "RJC")),
    ("S40 4TT", "Chesterfield", ("RFS", "RFS")),            # Chesterfield Royal
    ("S41 9EU", "Chesterfield", ("RFS", "RFS")),
    ("NG4 1DP", "Gedling", ("RX1", "RX1")),                 # Queen's Medical Centre
    ("NG5 3JE", "Gedling", ("RX1", "RX1")),
    ("B77 3LS", "Tamworth", ("RR1", "RRK")),                # Good Hope (Heart of England, then UHB)
    ("B78 3FH", "Tamworth", ("RR1", "RRK")),
    ("CB23 3HW", "South Cambridgeshire", ("RQQ", "RGN")),   # Hinchingbrooke
    ("CB24 9JL", "South Cambridgeshire", ("RGT", "RGT")),   # Addenbrooke's
    ("NR13 3LP", "Broadland", ("RGP", "RGP")),              # James Paget 14.2 km, Norfolk and Norwich 20.5 km
    ("NR6 7ET", "Broadland", ("RM1", "RM1")),               # Norfolk and Norwich
    ("CM7 9FN", "Braintree", ("RQ8", "RAJ")),               # Broomfield (Mid Essex, then Mid and South Essex)
    ("CO10 7TA", "Braintree", ("RDE", "RDE")),              # Colchester 19.8 km, West Suffolk 22.3 km
    ("WD23 2GH", "Hertsmere", ("RWG", "RWG")),              # Watford General
    ("WD6 3AU", "Hertsmere", (None, None)),                 # Watford General 5.8 km, Barnet 7.3 km
    ("NR21 0NU", "North Norfolk", ("RM1", "RM1")),          # Norfolk and Norwich 31.1 km, King's Lynn 34.9 km
    ("NR25 7QS", "North Norfolk", ("RM1", "RM1")),          # Norfolk and Norwich 39.6 km, King's Lynn 43.6 km
    ("FY8 3FS", "Fylde", ("RXL", "RXL")),                   # Blackpool Victoria
    ("PR4 1BA", "Fylde", ("RXL", "RXL")),                   # Blackpool Victoria 11.1 km, Royal Preston 13.8 km
    ("BB5 2PD", "Hyndburn", ("RXR", "RXR")),                # Royal Blackburn
    ("BB5 5PX", "Hyndburn", ("RXR", "RXR")),
    ("BB8 7AF", "Pendle", ("RCF", "RCF")),                  # Airedale
    ("BB9 5HS", "Pendle", (None, None)),                    # Royal Blackburn 18.0 km, Airedale 19.7 km
    ("PR6 8AW", "Chorley", ("RXN", "RXR")),                 # Chorley (2016); Royal Blackburn 9.2 km (today)
    ("PR7 3EX", "Chorley", ("RXN", "RRF")),                 # Chorley (2016); Royal Albert Edward, Wigan (today)
    ("DL11 6AW", "Richmondshire", ("RXP", "RXP")),          # Darlington Memorial 28.7 km, Friarage 32.9 km
    ("DL8 3TF", "Richmondshire", (None, "RCF")),            # Friarage 39.8 / Airedale 40.4 km; Airedale (today)
    ("NE38 8NW", "Sunderland", (None, None)),               # Sunderland Royal 6.0 km, QE Gateshead 7.5 km
    ("SR4 0HQ", "Sunderland", ("RLN", "R0B")),              # Sunderland Royal
    ("NE16 4HZ", "Gateshead", (None, None)),                # RVI 5.7 km, QE Gateshead 6.6 km
    ("NE40 4EE", "Gateshead", ("RTD", "RTD")),              # RVI 11.1 km, QE Gateshead 13.7 km
    ("S70 6NF", "Barnsley", ("RFF", "RFF")),                # Barnsley Hospital
    ("S73 8BD", "Barnsley", ("RFF", "RFF")),
]

HELDOUT_D = [(pc, council, _C[council][1], _C[council][2], acute, _C[council][3], _C[council][4])
             for pc, council, acute in _PLACES]
REGION = {pc: _C[council][0] for pc, council, _ in _PLACES}
REGIONS = ("London", "South West", "South East", "Midlands", "East of England", "North West",
           "North East and Yorkshire")
