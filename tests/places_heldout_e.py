"""A sixth held-out evaluation set, frozen before it was ever scored: 42 places, two in each of 21 councils,
three in each of the seven NHS England regions, nobody tuned to.

How the places were chosen (by area, not by any answer): the list of 21 councils (2021 local authority
districts, as in the ONS May 2022 lookup) was fixed first, before any cell was researched, favouring ordinary
councils as a resident meets them rather than hard cases:
  London: Bexley, Croydon, Lewisham;
  South West: Tewkesbury, Swindon, Somerset West and Taunton;
  South East: Eastleigh, Horsham, Folkestone and Hythe;
  Midlands: Boston, Rugby, Ashfield;
  East of England: Castle Point, Tendring, Broxbourne;
  North West: Ribble Valley, Rossendale, South Ribble;
  North East and Yorkshire: Stockton-on-Tees, Doncaster, Wakefield.
How "no earlier place" was decided, mechanically: every postcode of places_checked.py (PLACES, ACUTE and
CHECKED), places_unseen.py, places_heldout.py, places_heldout_b.py, places_heldout_c.py and places_heldout_d.py
(435 postcodes) was mapped to its 2021 district with the raw ONS May 2022 postcode-to-LSOA lookup (the two it
lacks, DH7 8NY and NN7 4GU, are by Code-Point's district code in County Durham and West
Northamptonshire, neither chosen), and each district
to its NHS England region through its LSOAs' 2022 ICB and that ICB's region in the ODS list of December 2025.
The South East, Midlands, East of England and North West councils above have no earlier postcode (in the
North West only these three Lancashire districts have none). In the South West only Tewkesbury and the Isles
of Scilly have none; the Isles of Scilly were passed over as not an ordinary council (islands with no 24-hour
emergency department), so Swindon and Somerset West and Taunton are councils with one earlier place each.
Every London borough and every North East and Yorkshire district already has at least one earlier place, so
the London and North East and Yorkshire councils are ones with the fewest (one each). Their postcodes are new,
but those columns are not a measure on wholly unseen councils.
In each council the live small-user postcodes of the ONS postcode-to-LSOA lookup (May 2022, no termination
date, usertype 0) that are also in OS Code-Point Open 2025 and not in any of the six earlier files were
sorted, and the ones at one third and two thirds of that order (index n//3 and 2n//3) were taken - two per
council, the method of places_heldout_b.py, places_heldout_c.py and places_heldout_d.py (the same procedure
reproduces set D's postcodes when set D's own rows are not excluded).

Acute cells, two definitions, both frozen. `acute` in the rows is set D's: the trust running the nearest
hospital with a 24-hour emergency department, by straight line between Code-Point postcode points, among a
fixed list of 85 such hospitals in and around the 21 councils (_HOSPITALS below) written down before any
distance was computed. Chorley and South Ribble Hospital counts for 2016 only (its A&E was open on 1 April 2016,
closed to 999 ambulances from 18 April 2016 and reopened 8am to 8pm, CHORLEY_AE, CHORLEY_AE2). Cheltenham
General is not in the list (consultant-led 8am to 8pm only since 29 July 2013, nurse-led overnight, CHELT_2013,
GLOS_AE). North Middlesex is listed with no trust today (its trust, RAP, closed on 31 December 2024 in the ODS
list and no page read says who runs it), so a place whose nearest hospital today is North Middlesex is None.
Where a hospital of another trust lies within 2 km of the nearest, the cell is None (DA7 4JL, SE14 6AZ,
RH12 3UZ, EN8 0HH, PR5 0EL). One cell was set to None after the distances were computed, rather than changing
the list: CO14 8FS (Walton-on-the-Naze) in 2016, whose nearest listed hospital by straight line is Ipswich,
across the Stour and Orwell estuaries (today both Ipswich and Colchester are East Suffolk and North Essex's).
ACUTE_SERVING is the second definition: the trust whose own pages (or the CCG's, the council's or the CQC's)
say it is the main acute hospital provider for that town or area; None where no page read names one for that
place and date.

Each cell was checked on 2026-12-04 against the pages named in H (https but for a few trust and local pages
served over http), read with a search of stored public pages; a cell no page read that day settles is None and
is not scored. For "today" a page of 2018 or later was accepted when no later page read showed a change; for
2016-04-01 a page of about that time, or one describing an arrangement in place since before April 2016.
Cells left None on purpose: community services where the pages read show the provider changing without saying
who holds it today (Tendring after the clinical commissioning group served notice on Anglian Community
Enterprise's contract in 2020; Wakefield after Mid Yorkshire's adult community nursing moved in April 2017),
where no page read of 2018 or later names the provider (Ribble Valley, Rossendale and South Ribble today), and
where no page read names the provider for that place and date (Rugby and Ashfield, and Boston in 2016).
Ambulance cells are None where no page read names the service for that council (Rugby, Ribble Valley,
Rossendale, Stockton-on-Tees: the pages read name the counties around them, or are cut short).
The tool's answers for these places were not looked at while this file was written.

Row layout is the one of places_heldout.HELDOUT: postcode, place, (2016-04-01: mental health,
community), (today: mental health, community), (acute 2016, acute today), ambulance, sources.
A code is the ODS code the answer must show (each code was matched to its trust's name in the ODS trust list
of December 2025 in the raw data, and the 2016 codes in the 2016 list: Gloucestershire Health and Care keeps
2gether's RTQ, Somerset FT keeps Somerset Partnership's RH5, Hampshire and Isle of Wight Healthcare keeps
Southern Health's RW1, Kent and Medway Mental Health keeps RXY, Lancashire and South Cumbria keeps Lancashire
Care's RW5; South Essex Partnership RWN and North Essex Partnership RRD closed on 31 March 2017 and Essex
Partnership R1L opened the next day); "~Name" is a provider that is not an NHS trust, matched by name.
REGION gives each postcode's NHS England region (the reporting column).

Do not edit a row to match the tool. A row is changed only when a better source shows it wrong,
and the change says which source.
"""

CHECKED_ON = "2026-12-04"

# council (2021 district), NHS England region, the two postcodes (n//3 and 2n//3 of the sorted list)
_COUNCILS = [
    ("Bexley", "London", ("DA16 2BJ", "DA7 4JL")),
    ("Croydon", "London", ("CR0 7YB", "CR7 7RH")),
    ("Lewisham", "London", ("SE14 6AZ", "SE4 1RH")),
    ("Tewkesbury", "South West", ("GL20 8JR", "GL51 0TE")),
    ("Swindon", "South West", ("SN25 1QF", "SN3 4NQ")),
    ("Somerset West and Taunton", "South West", ("TA2 8QX", "TA24 8DG")),
    ("Eastleigh", "South East", ("SO31 5PL", "SO50 7PL")),
    ("Horsham", "South East", ("RH12 3UZ", "RH13 8QN")),
    ("Folkestone and Hythe", "South East", ("CT20 1PA", "CT21 6LZ")),
    ("Boston", "Midlands", ("PE21 0EH", "PE21 8JR")),
    ("Rugby", "Midlands", ("CV21 4PF", "CV23 0FT")),
    ("Ashfield", "Midlands", ("NG16 5NQ", "NG17 4GS")),
    ("Castle Point", "East of England", ("SS7 3UT", "SS8 7DY")),
    ("Tendring", "East of England", ("CO14 8FS", "CO16 0DQ")),
    ("Broxbourne", "East of England", ("EN11 8TZ", "EN8 0HH")),
    ("Ribble Valley", "North West", ("BB7 2BX", "BB7 9FW")),
    ("Rossendale", "North West", ("BB4 7UH", "OL12 8LD")),
    ("South Ribble", "North West", ("PR25 3FL", "PR5 0EL")),
    ("Stockton-on-Tees", "North East and Yorkshire", ("TS18 1PD", "TS19 9PD")),
    ("Doncaster", "North East and Yorkshire", ("DN3 2HE", "DN5 9RP")),
    ("Wakefield", "North East and Yorkshire", ("WF2 6HW", "WF6 1HG")),
]
REGIONS = ("London", "South West", "South East", "Midlands", "East of England", "North West",
           "North East and Yorkshire")

H = {
    # Ambulance services and the areas they serve
    "AMB_LIST": "https://wikimili.com/en/Ambulance_services_trust",
    "SWAS": "http://mail.theinfolist.com/php/SummaryGet.php?FindGo=South_Western_Ambulance_Service",
    "SCAS_SECAMB": "https://overtonradio.com/hampshire-ambulance-service-to-join-forces-with-neighbouring-trust-in-major-nhs-partnership/",
    "YAS": "http://www.thefullwiki.org/Yorkshire_Ambulance_Service",
    # --- London ---
    # Bexley: Oxleas mental health since 1995, Bexley community health services since July 2010
    "OXLEAS_HIST": "http://oxleas.nhs.uk/about-us/history-of-the-trust/",
    "OXLEAS_W": "https://en.wikipedia.org/wiki/Oxleas_NHS_Foundation_Trust",
    # South London and Maudsley: Lambeth, Southwark, Lewisham and Croydon
    "SLAM_ABOUT": "https://slam.nhs.uk/about",
    "SLAM_LEWISHAM": "https://slam.nhs.uk/lewisham",
    "SLAM_MDWIKI": "https://iiab.me/kiwix/content/mdwiki_en_all_2023-11/A/South_London_and_Maudsley_NHS_Foundation_Trust",
    "SLAM_CROYDON19": "https://www.yourlocalguardian.co.uk/news/17809180.mental-health-trust-covering-croydon-rated-39-good-39-despite-waiting-list/",
    # Croydon Health Services: hospital and community services for Croydon since August 2010
    "CHS_ABOUT": "https://croydonhealthservices.nhs.uk/about-us",
    "CHS_W": "https://wikimili.com/en/Croydon_Health_Services_NHS_Trust",
    "CHS_EOC": "https://www.eoc.nhs.uk/working-in-partnership.html",
    # Lewisham and Greenwich NHS Trust (1 October 2013): hospitals and community services in Lewisham
    "LGT_ABOUT": "https://www.lewishamandgreenwich.nhs.uk/about-us",
    "LGT_2013": "https://www.nhs.uk/Services/Trusts/Overview/DefaultView.aspx?id=1431",
    "LGT_W": "https://en.wikipedia.org/wiki/Lewisham_and_Greenwich_NHS_Trust",
    # --- South West ---
    # Gloucestershire: 2gether and Gloucestershire Care Services merged 1 October 2019; Cheltenham's A&E hours
    "GHC_MERGER": "https://www.gloucesterbid.uk/news/nhs-trusts-to-merge/",
    "GLOS_BBC": "https://feeds.bbci.co.uk/news/uk-england-41334272",
    "GHC_CQC": "https://cqc.org.uk/press-release/gloucestershire-health-care-nhs-foundation-trust-retains-good-rating-following-cqc",
    "CHELT_2013": "http://gloshospitals.nhs.uk/en/About-Us/New-Developments-and-Service-Changes1/Preparing-for-change---service-moves-summer-2013/Emergency-Care-Changes---Summer-2013/",
    "GLOS_AE": "https://www.gloshospitals.nhs.uk/your-visit/live-e-waiting-times/",
    # Swindon: AWP mental health; SEQOL adult community services until Great Western Hospitals took them over
    # (notice given in 2016, GWH responsible from October 2016 / February 2017)
    "AWP_CQC": "https://www.cqc.org.uk/provider/RVN/inspection-summary",
    "AWP_SWINDON17": "http://www.swindonadvertiser.co.uk/news/15176426.Fears_for_patients_as_plans_to_close_Swindon_mental_health_unit_revealed/?ref=rss",
    "SEQOL_GWH": "http://swindonadvertiser.co.uk/news/14701218.GWH_to_take_over___17_5m_community_healthcare_services_from_SEQOL",
    "WILTS_W": "https://wikisum.wiki/wiki/Healthcare_in_Wiltshire",
    "GWH_CQC": "https://www.cqc.org.uk/provider/RN3/inspection-summary",
    # Somerset: Somerset Partnership (mental health, and community since 2011) merged with Taunton and Somerset
    # on 1 April 2020 into Somerset FT
    "SOMPAR_TCS": "https://www.hsj.co.uk/somerset-partnership-nhs-foundation-trust/somerset-tcs-transfer-goes-through-a-month-late/5033996.article",
    "SOMFT_MERGER": "https://www.somersetft.nhs.uk/?news=two-somerset-nhs-trusts-merge-to-create-unique-provider-of-nhs-services",
    "SOMFT_ABOUT": "https://www.somersetft.nhs.uk/about-us/",
    "SOM_LEVELLER": "https://somersetleveller.co.uk/uncategorized/somerset-nhs-merger/",
    # --- South East ---
    # Hampshire: Southern Health (community and mental health), Hampshire and Isle of Wight Healthcare from October 2024
    "SHFT_W": "https://library.nullify.net/content/wikipedia_en_medicine_2021-04/A/Southern_Health_NHS_Foundation_Trust",
    "SHFT_ABOUT": "https://www.southernhealth.nhs.uk/about-us/trust",
    "HIOWH": "https://hiowhealthcare.nhs.uk/about-us/trust",
    "HIOWH_LAUNCH": "https://onthewight.com/new-nhs-trust-launches-to-unite-healthcare-services-in-hampshire-and-isle-of-wight",
    # West Sussex: Sussex Partnership mental health; Sussex Community FT (FT from 1 April 2016; Horsham Hospital)
    "SPFT_W": "https://en.wikipedia.org/wiki/Sussex_Partnership_NHS_Foundation_Trust",
    "SCFT_CQC": "https://www.cqc.org.uk/provider/RDR/inspection-summary",
    "SCFT_FT": "https://www.sussexcommunity.nhs.uk/Default.aspx.ShortcutID-467894.faq_id-2735.htm",
    # Kent: KMPT (renamed Kent and Medway Mental Health NHS Trust); Kent Community Health FT
    "KMPT": "https://kmpt.nhs.uk/about-us",
    "KMPT_W": "https://en.wikipedia.org/wiki/Kent_and_Medway_Mental_Health_NHS_Trust",
    "KCHFT_W": "https://en.wikipedia.org/wiki/Kent_Community_Health_NHS_Foundation_Trust",
    "KCHFT_AR": "https://kentcht.nhs.uk/summary-annual-report",
    # --- Midlands ---
    "LPFT_AR": "https://www.lpft.nhs.uk/about-us/accessing-our-information/annual-reports-and-accounts/annual-report-and-accounts-year-2022-23/part-one/who-we-are-and-what-we-do",
    "LCHS_CQC": "https://www.cqc.org.uk/provider/RY5/reports/AP14906/community-end-of-life-care",
    "CWPT_CQC16": "https://www.cqc.org.uk/news/releases/chief-inspector-hospitals-rates-coventry-warwickshire-partnership-nhs-trust-requires",
    "CWPT_HUBS": "https://www.coventryrugbygpgateway.nhs.uk/pages/adult-mental-health/",
    "RUGBY_CCG": "https://rugbylibdems.org.uk/news/article/provision-of-health-services-in-rugby",
    "UHCW_STCROSS": "https://democracy.warwickshire.gov.uk/mgAi.aspx?ID=12428",
    "NHFT": "https://www.nottinghamshirehealthcare.nhs.uk/about-us",
    "NHFT_MA": "https://www.nottinghamshirehealthcare.nhs.uk/latest-news/have-your-say-on-changes-to-adult-mental-health-services-1000",
    # --- East of England ---
    # Essex: SEPT (south Essex mental health and community) and NEP merged into EPUT on 1 April 2017
    "SEPT_W": "https://en.wikipedia.org/wiki/South_Essex_Partnership_University_NHS_Foundation_Trust",
    "NEP_W": "https://en.wikipedia.org/wiki/North_Essex_Partnership_University_NHS_Foundation_Trust",
    "EPUT_MERGER": "https://eput.nhs.uk/news-events/posts/essex-nhs-merger-gets-green-light",
    "EPUT_SEE": "https://eput.nhs.uk/news-events/coronavirus/service-changes/",
    # North east Essex: Anglian Community Enterprise CIC's Care Closer to Home contract (2015); notice served 2020
    "ACE_CQC16": "https://www.cqc.org.uk/provider/1-165291700/reports",
    "ACE_NOTICE": "https://attoday.co.uk/ccg-issues-12-month-notice-on-community-services-contract-as-it-seeks-to-deliver-more-joined-up-care/",
    # Hertfordshire: HPFT mental health; Hertfordshire Community NHS Trust (east and north Hertfordshire)
    "HPFT_W": "https://en.wikipedia.org/wiki/Hertfordshire_Partnership_University_NHS_Foundation_Trust",
    "HPFT_2025": "http://opencouncil.network/meetings/85414",
    "HCT_W": "https://en.wikipedia.org/wiki/Hertfordshire_Community_NHS_Trust",
    "HCT_ABOUT": "https://hct.nhs.uk/about-us",
    # --- North West ---
    "LSCFT": "https://www.lscft.nhs.uk/about-us",
    "LCFT_MH18": "https://new.healthierlsc.co.uk/latest-news/update-mental-health-services-across-lancashire-and-south-cumbria",
    "ELHT_TCS": "http://www.lancashiretelegraph.co.uk/news/8960843.900-extra-staff-roles-east-lancashire-hospitals/",
    "EL_CCG_2012": "https://content.yudu.com/web/449tp/0A44cuf/29-03-2012/html/28.html",
    "CENTRAL_LANCS": "https://www.healthierlsc.co.uk/central-lancs/about/whos-involved",
    "CHORLEY_AE": "https://www.lep.co.uk/news/chorley-hospital-ae-closure-everything-we-know-so-far-1249119",
    "CHORLEY_AE2": "https://www.lep.co.uk/health/how-chorley-hospitals-ae-unit-was-downgraded-263204",
    # --- North East and Yorkshire ---
    "TEWV_STOCKTON": "http://www.tewv.nhs.uk/site/content/Care-&-Treatment/Adults/Stockton-Community-menta",
    "TEWV_TEES": "http://www.hartlepoolmail.co.uk/news/local/674-000-government-boost-to-mental-health-crisis-services-covering-hartlepool-1-8085967",
    "TEWV_2019": "https://www.hartlepoolmail.co.uk/news/politics/council/steps-improve-mental-health-services-hartlepool-hailed-fundamental-peoples-life-chances-636760",
    "NTH_ABOUT": "https://www.nth.nhs.uk/about/trust/",
    "NTH_CEO": "https://hhmicrosites.com/hh-microsites-home/tees-joint-ceo-home/tees-joint-ceo-about-north-tees/",
    "NTH_CQC": "http://www.cqc.org.uk/provider/RVW/inspection-summary",
    "RDASH_CQC13": "https://docslib.org/doc/6355194/trust-headquarters-doncaster",
    "RDASH_RURAL": "https://rsnonline.org.uk/rurality-services-at-rotherham-doncaster-and-south-humber-nhs-foundation-trust",
    "SWYPFT_W": "https://en.wikipedia.org/wiki/South_West_Yorkshire_Partnership_NHS_Foundation_Trust",
    "SWYPFT_WAKEFIELD": "https://www.wakefieldexpress.co.uk/news/health/plans-to-change-mental-health-support-in-wakefield-is-revealed-1-9250480",
    "MIDYORKS": "https://midyorks.nhs.uk/about-us",
}

# The fixed list of hospitals with a 24-hour emergency department, written before any distance was computed:
# name, postcode, trust on 2016-04-01, trust today (None: no 24-hour emergency department that day, or for
# North Middlesex no trust settled; see the docstring).
_HOSPITALS = [
    ("Queen Elizabeth Woolwich", "SE18 4QH", "RJ2", "RJ2"), ("University Hospital Lewisham", "SE13 6LH", "RJ2", "RJ2"),
    ("Darent Valley", "DA2 8DA", "RN7", "RN7"), ("Princess Royal Farnborough", "BR6 8ND", "RJZ", "RJZ"),
    ("King's College Hospital", "SE5 9RS", "RJZ", "RJZ"), ("Croydon University", "CR7 7YE", "RJ6", "RJ6"),
    ("St George's Tooting", "SW17 0QT", "RJ7", "RJ7"), ("St Helier", "SM5 1AA", "RVR", "RVR"),
    ("St Thomas'", "SE1 7EH", "RJ1", "RJ1"), ("Queen's Romford", "RM7 0AG", "RF4", "RF4"),
    ("Royal London", "E1 1FR", "R1H", "R1H"), ("Newham", "E13 8SL", "R1H", "R1H"),
    ("East Surrey", "RH1 5RH", "RTP", "RTP"), ("Gloucestershire Royal", "GL1 3NN", "RTE", "RTE"),
    ("Worcestershire Royal", "WR5 1DD", "RWP", "RWP"), ("Great Western Swindon", "SN3 6BB", "RN3", "RN3"),
    ("Royal United Bath", "BA1 3NG", "RD1", "RD1"), ("John Radcliffe", "OX3 9DU", "RTH", "RTH"),
    ("Salisbury District", "SP2 8BJ", "RNZ", "RNZ"), ("Musgrove Park", "TA1 5DA", "RBA", "RH5"),
    ("Yeovil District", "BA21 4AT", "RA4", "RH5"), ("North Devon District", "EX31 4JB", "RBZ", "RH8"),
    ("Royal Devon and Exeter", "EX2 5DW", "RH8", "RH8"), ("Southampton General", "SO16 6YD", "RHM", "RHM"),
    ("Royal Hampshire County", "SO22 5DG", "RN5", "RN5"), ("Queen Alexandra Portsmouth", "PO6 3LY", "RHU", "RHU"),
    ("Basingstoke", "RG24 9NA", "RN5", "RN5"), ("Worthing", "BN11 2DH", "RYR", "RYR"),
    ("St Richard's Chichester", "PO19 6SE", "RYR", "RYR"), ("Princess Royal Haywards Heath", "RH16 4EX", "RXH", "RYR"),
    ("Royal Sussex County", "BN2 5BE", "RXH", "RYR"), ("Royal Surrey", "GU2 7XX", "RA2", "RA2"),
    ("William Harvey Ashford", "TN24 0LZ", "RVV", "RVV"), ("QEQM Margate", "CT9 4AN", "RVV", "RVV"),
    ("Conquest Hastings", "TN37 7RD", "RXC", "RXC"), ("Maidstone", "ME16 9QQ", "RWF", "RWF"),
    ("Tunbridge Wells Pembury", "TN2 4QJ", "RWF", "RWF"), ("Pilgrim Boston", "PE21 9QS", "RWD", "RWD"),
    ("Lincoln County", "LN2 5QY", "RWD", "RWD"), ("Peterborough City", "PE3 9GZ", "RGN", "RGN"),
    ("Queen Elizabeth King's Lynn", "PE30 4ET", "RCX", "RCX"), ("University Hospital Coventry", "CV2 2DX", "RKB", "RKB"),
    ("George Eliot", "CV10 7DJ", "RLT", "RLT"), ("Warwick", "CV34 5BW", "RJC", "RJC"),
    ("Northampton General", "NN1 5BD", "RNS", "RNS"), ("Leicester Royal Infirmary", "LE1 5WW", "RWE", "RWE"),
    ("King's Mill", "NG17 4JL", "RK5", "RK5"), ("Queen's Medical Centre", "NG7 2UH", "RX1", "RX1"),
    ("Chesterfield Royal", "S44 5BL", "RFS", "RFS"), ("Royal Derby", "DE22 3NE", "RTG", "RTG"),
    ("Southend", "SS0 0RY", "RAJ", "RAJ"), ("Basildon", "SS16 5NL", "RDD", "RAJ"),
    ("Broomfield", "CM1 7ET", "RQ8", "RAJ"), ("Colchester", "CO4 5JL", "RDE", "RDE"),
    ("Ipswich", "IP4 5PD", "RGQ", "RDE"), ("Princess Alexandra Harlow", "CM20 1QX", "RQW", "RQW"),
    ("Lister Stevenage", "SG1 4AB", "RWH", "RWH"), ("Barnet", "EN5 3DJ", "RAL", "RAL"),
    ("North Middlesex", "N18 1QX", "RAP", None), ("Whipps Cross", "E11 1NR", "R1H", "R1H"),
    ("Royal Blackburn", "BB2 3HH", "RXR", "RXR"), ("Royal Preston", "PR2 9HT", "RXN", "RXN"),
    ("Chorley and South Ribble", "PR7 1PP", "RXN", None), ("Airedale", "BD20 6TD", "RCF", "RCF"),
    ("Fairfield Bury", "BL9 7TD", "RW6", "RM3"), ("Royal Oldham", "OL1 2JH", "RW6", "RM3"),
    ("North Manchester General", "M8 5RB", "RW6", "R0A"), ("Calderdale Royal", "HX3 0PW", "RWY", "RWY"),
    ("Royal Bolton", "BL4 0JR", "RMC", "RMC"), ("Royal Albert Edward Wigan", "WN1 2NN", "RRF", "RRF"),
    ("Blackpool Victoria", "FY3 8NR", "RXL", "RXL"), ("Royal Lancaster", "LA1 4RP", "RTX", "RTX"),
    ("University Hospital of North Tees", "TS19 8PE", "RVW", "RVW"), ("James Cook", "TS4 3BW", "RTR", "RTR"),
    ("Darlington Memorial", "DL3 6HX", "RXP", "RXP"), ("Doncaster Royal", "DN2 5LT", "RP5", "RP5"),
    ("Bassetlaw", "S81 0BD", "RP5", "RP5"), ("Rotherham", "S60 2UD", "RFR", "RFR"),
    ("Barnsley", "S75 2EP", "RFF", "RFF"), ("Scunthorpe General", "DN15 7BH", "RJL", "RJL"),
    ("Pinderfields", "WF1 4DG", "RXF", "RXF"), ("Northern General Sheffield", "S5 7AU", "RHQ", "RHQ"),
    ("St James's Leeds", "LS9 7TF", "RR8", "RR8"), ("Leeds General Infirmary", "LS1 3EX", "RR8", "RR8"),
    ("Huddersfield Royal", "HD3 3EA", "RWY", "RWY"),
]

_L, _SW, _SE, _M = "London", "South West", "South East", "Midlands"
_E, _NW, _NEY = "East of England", "North West", "North East and Yorkshire"
_ACE = "~Anglian Community Enterprise"
# Per council: region, (2016: mental health, community), (today: mental health, community), ambulance, sources;
# acute (2016, today) is per postcode, below.
_C = {
    "Bexley": (_L, ("RPG", "RPG"), ("RPG", "RPG"), "RRU", ("OXLEAS_HIST", "OXLEAS_W", "AMB_LIST")),
    "Croydon": (_L, ("RV5", "RJ6"), ("RV5", "RJ6"), "RRU",
                ("SLAM_ABOUT", "SLAM_MDWIKI", "SLAM_CROYDON19", "CHS_ABOUT", "CHS_W", "AMB_LIST")),
    "Lewisham": (_L, ("RV5", "RJ2"), ("RV5", "RJ2"), "RRU",
                 ("SLAM_ABOUT", "SLAM_LEWISHAM", "SLAM_MDWIKI", "LGT_ABOUT", "LGT_2013", "LGT_W", "AMB_LIST")),
    "Tewkesbury": (_SW, ("RTQ", "R1J"), ("RTQ", "RTQ"), "RYF", ("GHC_MERGER", "GLOS_BBC", "GHC_CQC", "SWAS")),
    "Swindon": (_SW, ("RVN", "~SEQOL"), ("RVN", "RN3"), "RYF",
                ("AWP_CQC", "AWP_SWINDON17", "SEQOL_GWH", "WILTS_W", "GWH_CQC", "SWAS")),
    "Somerset West and Taunton": (_SW, ("RH5", "RH5"), ("RH5", "RH5"), "RYF",
                                  ("SOMPAR_TCS", "SOMFT_MERGER", "SOMFT_ABOUT", "SOM_LEVELLER", "SWAS")),
    "Eastleigh": (_SE, ("RW1", "RW1"), ("RW1", "RW1"), "RYE",
                  ("SHFT_W", "SHFT_ABOUT", "HIOWH", "HIOWH_LAUNCH", "SCAS_SECAMB")),
    "Horsham": (_SE, ("RX2", "RDR"), ("RX2", "RDR"), "RYD", ("SPFT_W", "SCFT_CQC", "SCFT_FT", "SCAS_SECAMB")),
    "Folkestone and Hythe": (_SE, ("RXY", "RYY"), ("RXY", "RYY"), "RYD",
                             ("KMPT", "KMPT_W", "KCHFT_W", "KCHFT_AR", "SCAS_SECAMB")),
    "Boston": (_M, ("RP7", None), ("RP7", "RY5"), "RX9", ("LPFT_AR", "LCHS_CQC", "AMB_LIST")),
    "Rugby": (_M, ("RYG", None), ("RYG", None), None, ("CWPT_CQC16", "RUGBY_CCG", "CWPT_HUBS")),
    "Ashfield": (_M, ("RHA", None), ("RHA", None), "RX9", ("NHFT", "NHFT_MA", "AMB_LIST")),
    "Castle Point": (_E, ("RWN", "RWN"), ("R1L", "R1L"), "RYC", ("SEPT_W", "EPUT_MERGER", "EPUT_SEE", "AMB_LIST")),
    "Tendring": (_E, ("RRD", _ACE), ("R1L", None), "RYC",
                 ("NEP_W", "EPUT_MERGER", "ACE_CQC16", "ACE_NOTICE", "AMB_LIST")),
    "Broxbourne": (_E, ("RWR", "RY4"), ("RWR", "RY4"), "RYC", ("HPFT_W", "HPFT_2025", "HCT_W", "HCT_ABOUT", "AMB_LIST")),
    "Ribble Valley": (_NW, ("RW5", "RXR"), ("RW5", None), None, ("LSCFT", "LCFT_MH18", "ELHT_TCS")),
    "Rossendale": (_NW, ("RW5", "RXR"), ("RW5", None), None, ("LSCFT", "LCFT_MH18", "ELHT_TCS")),
    "South Ribble": (_NW, ("RW5", "RW5"), ("RW5", None), "RX7", ("LSCFT", "LCFT_MH18", "CENTRAL_LANCS")),
    "Stockton-on-Tees": (_NEY, ("RX3", "RVW"), ("RX3", "RVW"), None,
                         ("TEWV_STOCKTON", "TEWV_TEES", "TEWV_2019", "NTH_ABOUT", "NTH_CEO", "NTH_CQC")),
    "Doncaster": (_NEY, ("RXE", "RXE"), ("RXE", "RXE"), "RX8", ("RDASH_CQC13", "RDASH_RURAL", "YAS")),
    "Wakefield": (_NEY, ("RXG", "RXF"), ("RXG", None), "RX8", ("SWYPFT_W", "SWYPFT_WAKEFIELD", "MIDYORKS", "YAS")),
}

# nearest 24-hour emergency hospital's trust (2016, today), by straight line among _HOSPITALS
_ACUTE = {
    "DA16 2BJ": ("RJ2", "RJ2"),    # Queen Elizabeth, Woolwich 4.7 km
    "DA7 4JL": (None, None),       # Queen Elizabeth 7.3 km, Darent Valley 7.9 km
    "CR0 7YB": ("RJ6", "RJ6"),     # Croydon University 3.5 km
    "CR7 7RH": ("RJ6", "RJ6"),     # Croydon University 1.3 km
    "SE14 6AZ": (None, None),      # University Hospital Lewisham 3.3 km, King's College 4.4 km
    "SE4 1RH": ("RJ2", "RJ2"),     # University Hospital Lewisham 1.3 km
    "GL20 8JR": ("RTE", "RTE"),    # Gloucestershire Royal 16.7 km, Worcestershire Royal 22.0 km
    "GL51 0TE": ("RTE", "RTE"),    # Gloucestershire Royal 7.2 km
    "SN25 1QF": ("RN3", "RN3"),    # Great Western 8.9 km
    "SN3 4NQ": ("RN3", "RN3"),     # Great Western 5.1 km
    "TA2 8QX": ("RBA", "RH5"),     # Musgrove Park 6.0 km (Taunton and Somerset, then Somerset FT)
    "TA24 8DG": ("RBA", "RH5"),    # Musgrove Park 33.5 km, North Devon District 41.6 km
    "SO31 5PL": ("RHM", "RHM"),    # Southampton General 8.7 km
    "SO50 7PL": ("RHM", "RHM"),    # Southampton General 9.8 km, Royal Hampshire County 12.6 km
    "RH12 3UZ": (None, None),      # Princess Royal, Haywards Heath 21.2 km, East Surrey 22.0 km
    "RH13 8QN": ("RYR", "RYR"),    # Worthing 20.2 km, Princess Royal 22.6 km (Brighton and Sussex in 2016)
    "CT20 1PA": ("RVV", "RVV"),    # William Harvey, Ashford 20.0 km
    "CT21 6LZ": ("RVV", "RVV"),    # William Harvey 13.2 km
    "PE21 0EH": ("RWD", "RWD"),    # Pilgrim 1.9 km
    "PE21 8JR": ("RWD", "RWD"),    # Pilgrim 3.3 km
    "CV21 4PF": ("RKB", "RKB"),    # University Hospital Coventry 16.5 km, George Eliot 24.5 km
    "CV23 0FT": ("RKB", "RKB"),    # University Hospital Coventry 13.7 km
    "NG16 5NQ": ("RK5", "RK5"),    # King's Mill 10.5 km, Queen's Medical Centre 16.3 km
    "NG17 4GS": ("RK5", "RK5"),    # King's Mill 1.4 km
    "SS7 3UT": ("RAJ", "RAJ"),     # Southend 6.6 km, Basildon 10.1 km
    "SS8 7DY": ("RAJ", "RAJ"),     # Southend 7.9 km
    "CO14 8FS": (None, "RDE"),     # Ipswich 23.8 km across the estuaries, Colchester 26.4 km: see the docstring
    "CO16 0DQ": ("RDE", "RDE"),    # Colchester 19.6 km, Ipswich 22.4 km
    "EN11 8TZ": ("RQW", "RQW"),    # Princess Alexandra, Harlow 6.8 km
    "EN8 0HH": (None, None),       # North Middlesex 10.9 km, Princess Alexandra 11.6 km
    "BB7 2BX": ("RXR", "RXR"),     # Royal Blackburn 15.9 km, Royal Preston 22.6 km
    "BB7 9FW": ("RXR", "RXR"),     # Royal Blackburn 11.1 km
    "BB4 7UH": ("RW6", "RM3"),     # Fairfield, Bury 10.7 km, Royal Blackburn 14.4 km
    "OL12 8LD": ("RW6", "RM3"),    # Fairfield 9.4 km, Royal Oldham 13.1 km (same trust)
    "PR25 3FL": ("RXN", "RXN"),    # Chorley 4.5 km (2016); Royal Preston 11.4 km (today)
    "PR5 0EL": (None, None),       # Royal Preston 8.2 km (Chorley 8.6 km in 2016), Royal Blackburn 10.1 km
    "TS18 1PD": ("RVW", "RVW"),    # University Hospital of North Tees 2.6 km, James Cook 7.0 km
    "TS19 9PD": ("RVW", "RVW"),    # North Tees 0.7 km
    "DN3 2HE": ("RP5", "RP5"),     # Doncaster Royal 3.7 km
    "DN5 9RP": ("RP5", "RP5"),     # Doncaster Royal 2.9 km
    "WF2 6HW": ("RXF", "RXF"),     # Pinderfields 4.2 km
    "WF6 1HG": ("RXF", "RXF"),     # Pinderfields 4.7 km
}

# The trust whose own pages (or the CCG's, the council's or the CQC's) name it as the main acute hospital
# provider for that town or area (2016, today); None where no page read names one.
ACUTE_SERVING = {
    "DA16 2BJ": (None, "RJ2"), "DA7 4JL": (None, "RJ2"),          # LGT_ABOUT: Lewisham, Greenwich and Bexley
    "CR0 7YB": ("RJ6", "RJ6"), "CR7 7RH": ("RJ6", "RJ6"),         # CHS_EOC, CHS_ABOUT: the borough's only ED
    "SE14 6AZ": ("RJ2", "RJ2"), "SE4 1RH": ("RJ2", "RJ2"),        # LGT_2013, LGT_ABOUT
    "GL20 8JR": (None, None), "GL51 0TE": (None, None),
    "SN25 1QF": ("RN3", "RN3"), "SN3 4NQ": ("RN3", "RN3"),        # SEQOL_GWH (acute for Swindon), GWH_CQC
    "TA2 8QX": ("RBA", "RH5"), "TA24 8DG": (None, "RH5"),         # SOM_LEVELLER (Musgrove, Taunton), SOMFT_ABOUT
    "SO31 5PL": (None, None), "SO50 7PL": (None, None),
    "RH12 3UZ": (None, None), "RH13 8QN": (None, None),
    "CT20 1PA": (None, None), "CT21 6LZ": (None, None),
    "PE21 0EH": (None, None), "PE21 8JR": (None, None),
    "CV21 4PF": ("RKB", "RKB"), "CV23 0FT": ("RKB", "RKB"),       # RUGBY_CCG, UHCW_STCROSS (Hospital of St Cross)
    "NG16 5NQ": (None, None), "NG17 4GS": (None, None),
    "SS7 3UT": (None, None), "SS8 7DY": (None, None),
    "CO14 8FS": (None, None), "CO16 0DQ": (None, None),
    "EN11 8TZ": (None, None), "EN8 0HH": (None, None),
    "BB7 2BX": ("RXR", None), "BB7 9FW": ("RXR", None),           # EL_CCG_2012: main acute provider for East
    "BB4 7UH": ("RXR", None), "OL12 8LD": ("RXR", None),          # Lancashire (Ribble Valley, Rossendale)
    "PR25 3FL": ("RXN", None), "PR5 0EL": ("RXN", None),          # CENTRAL_LANCS: Chorley and South Ribble
    "TS18 1PD": ("RVW", "RVW"), "TS19 9PD": ("RVW", "RVW"),       # NTH_CEO, NTH_ABOUT, NTH_CQC
    "DN3 2HE": (None, None), "DN5 9RP": (None, None),
    "WF2 6HW": ("RXF", None), "WF6 1HG": ("RXF", None),           # MIDYORKS (2017): Wakefield district
}

# postcode, council (2021 district), nearest 24-hour emergency hospital's trust (2016, today)
_PLACES = [(pc, council, _ACUTE[pc]) for council, _region, pcs in _COUNCILS for pc in pcs]

HELDOUT_E = [(pc, council, _C[council][1], _C[council][2], acute, _C[council][3], _C[council][4])
             for pc, council, acute in _PLACES]
REGION = {pc: _C[council][0] for pc, council, _ in _PLACES}
