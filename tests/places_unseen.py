"""An evaluation set nobody tuned to: 42 places, frozen before any method or override was changed.

Every place is a postcode that tests/places_checked.py does not hold (a hospital or community-hospital
site, so the postcode is real and stable), mostly in towns and districts the tuning set does not
visit, in every NHS region. Each cell was checked on 2026-12-02 against the pages named in U, read
with a search of stored public pages; a cell no page read that day settles is None and is not
scored. The answers of the tool were not looked at while this file was written.

Row layout is the one of places_checked.PLACES: postcode, place, (2016-04-01: mental health,
community), (today: mental health, community), (acute 2016, acute today), ambulance, sources.
A code is the ODS code the answer must show (a trust that merged away answers through its
successor); "~Name" is a provider that is not an NHS trust, matched by name.

Do not edit a row to match the tool. A row is changed only when a better source shows it wrong,
and the change says which source.
"""

CHECKED_ON = "2026-12-02"

U = {
    # South West
    "SFT_ABOUT": "https://www.somersetft.nhs.uk/about-us/",
    "SFT_YDH": "https://www.somersetft.nhs.uk/?news=two-somerset-nhs-trusts-merge-to-create-unique-nhs-trust",
    "SFT_2020": "https://www.somersetft.nhs.uk/?news=two-somerset-nhs-trusts-merge-to-create-unique-provider-of-nhs-services",
    "SOMPART": "https://www.burnham-on-sea.com/news/somerset-partnership-nhs-foundation-trust-praised-as-good-by-care-inspectors/",
    "NDHT_MERGE": "https://www.northdevonhealth.nhs.uk/2022/03/northern-devon-healthcare-nhs-trust-ndht-and-the-royal-devon-and-exeter-nhs-foundation-trust-rde-to-merge-on-1-april-2022/",
    "NDHT_WHO": "https://www.northdevonhealth.nhs.uk/about/ndht-and-rde-integration/who-what-where-why-when/",
    "DPT_CQC": "https://www.cqc.org.uk/news/releases/chief-inspector-hospitals-finds-significant-improvements-devon-partnership-nhs-trust",
    "DPT_W": "https://en.wikipedia.org/wiki/Devon_Partnership_NHS_Trust",
    "UHBW": "https://healthwatchnorthsomerset.co.uk/news/2020-04-02/university-hospitals-bristol-weston-merger-complete",
    "AWP_CQC": "https://www.cqc.org.uk/provider/RVN/inspection-summary",
    "AWP_W": "https://en.wikipedia.org/wiki/Avon_and_Wiltshire_Mental_Health_Partnership_NHS_Trust",
    "SIRONA_CQC": "https://www.cqc.org.uk/provider/1-290660061/inspection-summary",
    "SAL_RSN": "https://rsnonline.org.uk/rhca-member-salisbury-nhs-foundation-trust",
    "SAL_PARTNERS": "http://www.salisbury.nhs.uk/AboutUs/whoandwhat/Pages/Partnerorganisations.aspx",
    "WHC": "https://wiltshirehealthandcare.nhs.uk/about-us/published-information/our-priorities-and-how-we-are-doing/",
    "WILTS_W": "https://wikisum.wiki/wiki/Healthcare_in_Wiltshire",
    "UHD_BBC": "https://www.bbc.co.uk/news/uk-england-dorset-54371499",
    "DHC_W": "https://en.wikipedia.org/wiki/Dorset_HealthCare_University_NHS_Foundation_Trust",
    "DHC_ABOUT": "http://www.dorsethealthcare.nhs.uk/trust/",
    "DCH": "https://dch-dhcworkingtogether.co.uk/who-we-are/",
    "GHC_MERGE": "https://www.gloucesterbid.uk/news/nhs-trusts-to-merge/",
    "GHC_BBC": "https://feeds.bbci.co.uk/news/uk-england-41334272",
    "SWAS": "http://mail.theinfolist.com/php/SummaryGet.php?FindGo=South_Western_Ambulance_Service",
    # North East and North Cumbria; North West
    "CDDFT": "https://www.envertiz.co.uk/county-durham-and-darlington-nhs-foundation-trust",
    "BAH_W": "https://en.wikipedia.org/wiki/Bishop_Auckland_Hospital",
    "NHCT": "https://www.northumbria.nhs.uk/about-us",
    "NTW_AREA": "https://www.whitehavennews.co.uk/news/17491085.changes-to-health-services-in-north-and-west-cumbria-due-to-go-ahead-in-autumn/",
    "NCIC_MERGE": "https://www.integratedhlth.co.uk/2019/09/24/plans-for-nhs-trusts-to-merge-given-go-ahead/",
    "NCIC_CRACK": "https://www.cumbriacrack.com/2019/10/01/new-era-for-healthcare-provision-in-north-cumbria/",
    "NCUMB_MH": "https://www.gazette-news.co.uk/news/18761607.reflections-transfer-mental-health-learning-disability-services-north-cumbria/",
    "SCUMB_MH": "https://www.cumbriacrack.com/2019/04/03/new-plans-for-mental-health-services-in-south-cumbria/",
    "AMB_LIST": "https://wikimili.com/en/Ambulance_services_trust",
    "NWAS": "https://futern.com/people/David-Kitchin-MSc-MCPara-phone-email/44767f9c83626467",
    # Yorkshire
    "LOCALA_EX": "https://www.examiner.co.uk/news/west-yorkshire-news/examiner-community-awards-friend-year-7128134",
    "LOCALA_W": "https://en.wikipedia.org/wiki/Locala",
    "KIRK_SWYPFT": "http://www.examiner.co.uk/news/west-yorkshire-news/locala-partnership-wins-10m-year-12356053",
    "YAS_W": "https://en.wikipedia.org/wiki/Yorkshire_Ambulance_Service",
    # Midlands
    "UHDB": "https://www.uhdb.nhs.uk/why-weve-merged-and-what-it-means-for-you/",
    "MPFT": "https://mpft.nhs.uk/about-us",
    "MPFT_DH": "https://digitalhealth.net/2018/06/midlands-nhs-trusts-merge-major",
    "SSSFT_W": "https://en.wikipedia.org/wiki/South_Staffordshire_and_Shropshire_Healthcare_NHS_Foundation_Trust",
    "BCH_W": "https://en.wikipedia.org/wiki/Black_Country_Healthcare_NHS_Foundation_Trust",
    "DWMH_W": "http://wikipedia.com/wiki/Dudley_and_Walsall_Mental_Health_Partnership_NHS_Trust",
    "BCPFT_WOLV": "https://www.bcpft.nhs.uk/about-us/news-and-events/277-trust-looks-forward-to-improving-health-services-across-community",
    "WMAS": "https://wmas.nhs.uk/about/trust/who-we-are",
    # East of England
    "HCT_W": "https://en.wikipedia.org/wiki/Hertfordshire_Community_NHS_Trust",
    "HCT": "https://www.hct.nhs.uk/about-us/",
    "HPFT_W": "https://en.wikipedia.org/wiki/Hertfordshire_Partnership_University_NHS_Foundation_Trust",
    "HPFT_HCC": "https://www.hertfordshire.gov.uk/about-the-council/news/press-releases/collaborative-five-year-plan-to-deliver-mental-health-and-learning-disability-services-for-hertfordshire.aspx",
    # South East
    "KMPT": "https://kmpt.nhs.uk/about-us",
    "KMPT_W": "https://en.wikipedia.org/wiki/Kent_and_Medway_Mental_Health_NHS_Trust",
    "KCHFT_W": "https://en.wikipedia.org/wiki/Kent_Community_Health_NHS_Foundation_Trust",
    "SPFT_W": "https://en.wikipedia.org/wiki/Sussex_Partnership_NHS_Foundation_Trust",
    "SPFT_NMHT": "https://www.sussexpartnership.nhs.uk/neighbourhood-mental-health-teams",
    # London
    "WH_CQC": "http://www.cqc.org.uk/provider/RKE/inspection-summary",
    "WH_SOP": "https://docslib.org/doc/6357321/whittington-health-nhs-trust-statement-of-purpose",
    "NLFT_CQC": "https://www.cqc.org.uk/provider/G6V2S/inspection-summary",
    "NLFT_MERGE": "https://www.healthcare-management.uk/nhs-mental-health-trust-launches-london",
    "NLFT_HSJ": "https://www.hsj.co.uk/north-london-nhs-foundation-trust/neighbouring-trusts-enter-into-strategic-alliance/7024964.article",
}

UNSEEN = [
    # South West
    ("BA21 4AT", "Somerset (Yeovil)", ("RH5", "RH5"), ("RH5", "RH5"), ("RA4", "RH5"), "RYF", ("SFT_ABOUT", "SFT_YDH", "SOMPART", "SWAS")),
    ("TA6 4GU", "Somerset (Bridgwater)", ("RH5", "RH5"), ("RH5", "RH5"), ("RBA", "RH5"), "RYF", ("SFT_ABOUT", "SFT_2020", "SOMPART", "SWAS")),
    ("EX31 4JB", "Devon (Barnstaple)", ("RWV", "RBZ"), ("RWV", "RH8"), ("RBZ", "RH8"), "RYF", ("NDHT_MERGE", "NDHT_WHO", "DPT_CQC", "DPT_W", "SWAS")),
    ("EX39 3AG", "Devon (Bideford)", ("RWV", "RBZ"), ("RWV", "RH8"), ("RBZ", "RH8"), "RYF", ("NDHT_MERGE", "NDHT_WHO", "DPT_CQC", "DPT_W", "SWAS")),
    ("BS23 4TQ", "North Somerset (Weston-super-Mare)", ("RVN", "~North Somerset Community Partnership"), ("RVN", "~Sirona"), ("RA3", "RA7"), "RYF", ("UHBW", "AWP_CQC", "AWP_W", "SIRONA_CQC", "SWAS")),
    ("SP2 8BJ", "Wiltshire (Salisbury)", ("RVN", None), ("RVN", "~Wiltshire Health and Care"), ("RNZ", "RNZ"), "RYF", ("SAL_RSN", "SAL_PARTNERS", "AWP_CQC", "WHC", "WILTS_W", "SWAS")),
    ("BH15 2JB", "Bournemouth, Christchurch and Poole (Poole)", ("RDY", "RDY"), ("RDY", "RDY"), ("RD3", "R0D"), "RYF", ("UHD_BBC", "DHC_W", "DHC_ABOUT", "SWAS")),
    ("DT1 2JY", "Dorset (Dorchester)", ("RDY", "RDY"), ("RDY", "RDY"), ("RBD", "RBD"), "RYF", ("DCH", "DHC_W", "DHC_ABOUT", "SWAS")),
    ("DT4 7TB", "Dorset (Weymouth)", ("RDY", "RDY"), ("RDY", "RDY"), ("RBD", "RBD"), "RYF", ("DCH", "DHC_W", "DHC_ABOUT", "SWAS")),
    ("GL53 7AN", "Gloucestershire (Cheltenham)", ("RTQ", "R1J"), ("RTQ", "RTQ"), (None, None), "RYF", ("GHC_MERGE", "GHC_BBC", "SWAS")),
    # North East and North Cumbria
    ("NE46 1QJ", "Northumberland (Hexham)", ("RX4", "RTF"), ("RX4", "RTF"), ("RTF", "RTF"), "RX6", ("NHCT", "NTW_AREA", "AMB_LIST")),
    ("NE63 9JJ", "Northumberland (Ashington)", ("RX4", "RTF"), ("RX4", "RTF"), ("RTF", "RTF"), "RX6", ("NHCT", "NTW_AREA", "AMB_LIST")),
    ("NE29 8NH", "North Tyneside (North Shields)", ("RX4", "RTF"), ("RX4", "RTF"), ("RTF", "RTF"), "RX6", ("NHCT", "NTW_AREA", "AMB_LIST")),
    ("DL14 6AD", "County Durham (Bishop Auckland)", (None, "RXP"), (None, "RXP"), ("RXP", "RXP"), "RX6", ("CDDFT", "BAH_W", "AMB_LIST")),
    ("CA28 8JG", "Cumberland (Whitehaven)", ("RNN", "RNN"), ("RX4", "RNN"), ("RNL", "RNN"), "RX7", ("NCIC_MERGE", "NCIC_CRACK", "NCUMB_MH", "NWAS")),
    ("CA14 2RW", "Cumberland (Workington)", ("RNN", "RNN"), ("RX4", "RNN"), ("RNL", "RNN"), "RX7", ("NCIC_MERGE", "NCIC_CRACK", "NCUMB_MH", "NWAS")),
    ("CA11 8HX", "Westmorland and Furness (Penrith, NHS north Cumbria)", ("RNN", "RNN"), ("RX4", "RNN"), ("RNL", "RNN"), "RX7", ("NCIC_MERGE", "NCIC_CRACK", "NCUMB_MH", "NWAS")),
    ("LA14 4LF", "Westmorland and Furness (Barrow-in-Furness)", ("RNN", None), ("RW5", None), (None, None), "RX7", ("SCUMB_MH", "NCIC_MERGE", "NWAS")),
    # Yorkshire
    ("HD3 3EA", "Kirklees (Huddersfield)", ("RXG", "~Locala"), ("RXG", "~Locala"), (None, None), "RX8", ("LOCALA_EX", "LOCALA_W", "KIRK_SWYPFT", "YAS_W")),
    ("WF13 4HS", "Kirklees (Dewsbury)", ("RXG", "~Locala"), ("RXG", "~Locala"), (None, None), "RX8", ("LOCALA_EX", "LOCALA_W", "KIRK_SWYPFT", "YAS_W")),
    # Midlands
    ("DE13 0RB", "Staffordshire (Burton upon Trent)", ("RRE", "R1E"), ("RRE", "RRE"), ("RJF", "RTG"), "RYA", ("UHDB", "MPFT", "MPFT_DH", "SSSFT_W", "WMAS")),
    ("WS13 6EF", "Staffordshire (Lichfield)", ("RRE", "R1E"), ("RRE", "RRE"), (None, None), "RYA", ("MPFT", "MPFT_DH", "SSSFT_W", "WMAS")),
    ("B78 3NG", "Staffordshire (Tamworth edge, Lichfield district)", ("RRE", "R1E"), ("RRE", "RRE"), (None, None), "RYA", ("MPFT", "MPFT_DH", "SSSFT_W", "WMAS")),
    ("WS2 9XH", "Walsall", ("RYK", None), ("TAJ", None), (None, None), "RYA", ("DWMH_W", "BCH_W", "WMAS")),
    ("DY1 2LZ", "Dudley", ("RYK", None), ("TAJ", None), (None, None), "RYA", ("DWMH_W", "BCH_W", "WMAS")),
    ("WV10 0QP", "Wolverhampton", ("TAJ", None), ("TAJ", None), (None, None), "RYA", ("BCPFT_WOLV", "BCH_W", "WMAS")),
    # East of England: west Hertfordshire's adult community contract moved from HCT to CLCH (HCT_W)
    ("WD18 0HB", "Hertfordshire (Watford)", ("RWR", "RY4"), ("RWR", "RYX"), (None, None), "RYC", ("HPFT_W", "HPFT_HCC", "HCT_W", "HCT", "AMB_LIST")),
    ("AL3 5PN", "Hertfordshire (St Albans)", ("RWR", "RY4"), ("RWR", "RYX"), (None, None), "RYC", ("HPFT_W", "HPFT_HCC", "HCT_W", "HCT", "AMB_LIST")),
    ("HP2 4AD", "Hertfordshire (Hemel Hempstead)", ("RWR", "RY4"), ("RWR", "RYX"), (None, None), "RYC", ("HPFT_W", "HPFT_HCC", "HCT_W", "HCT", "AMB_LIST")),
    ("SG1 4AB", "Hertfordshire (Stevenage)", ("RWR", "RY4"), ("RWR", "RY4"), (None, None), "RYC", ("HPFT_W", "HPFT_HCC", "HCT_W", "HCT", "AMB_LIST")),
    # South East
    ("CT1 3NG", "Kent (Canterbury)", ("RXY", "RYY"), ("RXY", "RYY"), (None, None), None, ("KMPT", "KMPT_W", "KCHFT_W")),
    ("TN24 0LZ", "Kent (Ashford)", ("RXY", "RYY"), ("RXY", "RYY"), (None, None), None, ("KMPT", "KMPT_W", "KCHFT_W")),
    ("CT9 4AN", "Kent (Margate)", ("RXY", "RYY"), ("RXY", "RYY"), (None, None), None, ("KMPT", "KMPT_W", "KCHFT_W")),
    ("TN2 4QJ", "Kent (Tunbridge Wells)", ("RXY", "RYY"), ("RXY", "RYY"), (None, None), None, ("KMPT", "KMPT_W", "KCHFT_W")),
    ("RH11 7DH", "West Sussex (Crawley)", ("RX2", None), ("RX2", None), (None, None), None, ("SPFT_W", "SPFT_NMHT")),
    ("BN11 2DH", "West Sussex (Worthing)", ("RX2", None), ("RX2", None), (None, None), None, ("SPFT_W", "SPFT_NMHT")),
    ("TN37 7RD", "East Sussex (Hastings)", ("RX2", None), ("RX2", None), (None, None), None, ("SPFT_W", "SPFT_NMHT")),
    ("BN21 2UD", "East Sussex (Eastbourne)", ("RX2", None), ("RX2", None), (None, None), None, ("SPFT_W", "SPFT_NMHT")),
    # London
    ("N19 5NF", "Islington (Archway)", ("TAF", "RKE"), ("G6V2S", "RKE"), ("RKE", "RKE"), "RRU", ("WH_CQC", "WH_SOP", "NLFT_CQC", "NLFT_MERGE", "AMB_LIST")),
    ("N15 3TH", "Haringey (Tottenham)", ("RRP", "RKE"), ("G6V2S", "RKE"), (None, None), "RRU", ("WH_CQC", "WH_SOP", "NLFT_MERGE", "NLFT_HSJ", "AMB_LIST")),
    ("EN2 8JL", "Enfield", ("RRP", None), ("G6V2S", None), (None, None), "RRU", ("NLFT_MERGE", "NLFT_HSJ", "AMB_LIST")),
    ("HA8 0AD", "Barnet (Edgware)", ("RRP", None), ("G6V2S", None), (None, None), "RRU", ("NLFT_MERGE", "NLFT_HSJ", "AMB_LIST")),
]
