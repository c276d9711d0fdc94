"""A held-out evaluation set, frozen before it was ever scored: 42 places nobody tuned the method to.

How the places were chosen (by area, not by any answer): a list of councils was fixed first, favouring
areas whose community services are run by a combined mental-health and community trust or by a social
enterprise (a community interest company) - the hard cases. In each council (2022 local authority
district) the live small-user postcodes of the ONS postcode-to-LSOA lookup (May 2022, no termination
date) that are also in OS Code-Point Open 2025 and not in places_checked.py or places_unseen.py were
sorted, and the ones at one third and two thirds of that order were taken - two per council.

Each cell was checked on 2026-12-02 against the https pages named in H, read with a search of stored
public pages; a cell no page read that day settles is None and is not scored. The tool's answers for
these places were not looked at while this file was written. The set covers four of the seven NHS
England regions (South West, South East, Midlands, North East and Yorkshire); London, the East of
England and the North West are still to be added, as a second frozen batch.

Row layout is the one of places_unseen.UNSEEN: postcode, place, (2016-04-01: mental health,
community), (today: mental health, community), (acute 2016, acute today), ambulance, sources.
A code is the ODS code the answer must show; "~Name" is a provider that is not an NHS trust, matched
by name.

Do not edit a row to match the tool. A row is changed only when a better source shows it wrong,
and the change says which source.
"""

CHECKED_ON = "2026-12-02"

H = {
    # Oxford Health: mental health and community services in Oxfordshire, mental health in Buckinghamshire
    "OHFT_CQC22": "https://www.cqc.org.uk/news/releases/care-quality-commission-finds-oxford-health-nhs-foundation-trust-requires-improvement",
    "OHFT_CQC": "https://www.cqc.org.uk/provider/RNU/inspection-summary",
    "OHFT_BUCKS": "https://buckinghamshire.moderngov.co.uk/mgAi.aspx?ID=3213",
    # Leicestershire Partnership: mental health and community services in Leicester, Leicestershire and Rutland
    "LPT_NHSP": "https://nhsproviders.org/resources/delivering-on-ambitions-for-a-neighbourhood-health-service/leicester-leicestershire-and-rutland",
    "LPT_W": "https://en.wikipedia.org/wiki/Leicestershire_Partnership_NHS_Trust",
    # Northamptonshire Healthcare: community and mental health services across Northamptonshire
    "NHFT_CQC15": "https://www.cqc.org.uk/news/releases/northamptonshire-healthcare-nhs-foundation-trust-rated-requires-improvement-care",
    "NHFT_CQC17": "https://www.cqc.org.uk/news/releases/chief-inspector-hospitals-finds-significant-improvements-northamptonshire-healthcare",
    "NHFT_NHSP": "https://nhsp-production.azurewebsites.net/provider-voices-community-services/angela-hillery",
    # East Midlands Ambulance Service: Nottinghamshire, Derbyshire, Leicestershire, Lincolnshire, Northamptonshire, Rutland
    "AMB_LIST": "https://wikimili.com/en/Ambulance_services_trust",
    # Cornwall Partnership: mental health since 2002, adult community services since April 2016
    "CFT_ORG": "https://cornwallft.nhs.uk/organisation",
    "CFT_W": "https://en.wikipedia.org/wiki/Cornwall_Partnership_NHS_Foundation_Trust",
    # Livewell Southwest (Plymouth Community Healthcare CIC): community and mental health care in Plymouth
    "LSW_CQC": "https://www.cqc.org.uk/provider/1-271962340/reports",
    "LSW_CQC16": "https://docsbay.net/chief-inspector-of-hospitals-rates-plymouth-community-healthcare-cic-as-good",
    # Humber: mental health and community health in the East Riding, mental health in Hull (CQC report of 2016-17)
    "HUMBER_CQC": "https://dev.cqc.org.uk/provider/RV9/reports",
}

_OX = (("RNU", None), ("RNU", "RNU"), (None, None), None, ("OHFT_CQC22", "OHFT_CQC"))
_BUCKS = ((None, None), ("RNU", None), (None, None), None, ("OHFT_BUCKS",))
_LLR = (("RT5", "RT5"), ("RT5", "RT5"), (None, None), "RX9", ("LPT_NHSP", "LPT_W", "AMB_LIST"))
_NORTHANTS = (("RP1", "RP1"), ("RP1", "RP1"), (None, None), "RX9", ("NHFT_CQC15", "NHFT_CQC17", "NHFT_NHSP", "AMB_LIST"))
_CORNWALL = (("RJ8", "RJ8"), ("RJ8", "RJ8"), (None, None), None, ("CFT_ORG", "CFT_W"))
_PLYMOUTH = (("~Livewell Southwest", "~Livewell Southwest"), ("~Livewell Southwest", "~Livewell Southwest"), (None, None), None, ("LSW_CQC", "LSW_CQC16"))
_EAST_RIDING = (("RV9", "RV9"), (None, None), (None, None), None, ("HUMBER_CQC",))
_HULL = (("RV9", None), (None, None), (None, None), None, ("HUMBER_CQC",))

_COUNCILS = [
    # South East
    ("Oxford", ("OX2 8LZ", "OX4 1SA"), _OX),
    ("Cherwell", ("OX16 4SB", "OX26 2NB"), _OX),
    ("South Oxfordshire", ("OX11 9DZ", "OX9 3UR"), _OX),
    ("Vale of White Horse", ("OX12 9WR", "OX14 4RW"), _OX),
    ("West Oxfordshire", ("OX28 1GF", "OX29 8EX"), _OX),
    ("Buckinghamshire", ("HP19 9RQ", "LU7 9ER"), _BUCKS),
    # Midlands
    ("Leicester", ("LE2 9GE", "LE4 5LN"), _LLR),
    ("Rutland", ("LE15 7JX", "LE15 9BL"), _LLR),
    ("Blaby", ("LE3 2TU", "LE8 5RN"), _LLR),
    ("Charnwood", ("LE12 5TW", "LE4 3NU"), _LLR),
    ("Harborough", ("LE17 4ES", "LE7 9GJ"), _LLR),
    ("Hinckley and Bosworth", ("LE10 1AE", "LE6 0SD"), _LLR),
    ("Melton", ("LE13 1RJ", "LE14 4AL"), _LLR),
    ("North West Leicestershire", ("LE12 9XN", "LE67 3EX"), _LLR),
    ("Oadby and Wigston", ("LE18 3RL", "LE2 4FP"), _LLR),
    ("North Northamptonshire", ("NN15 6ND", "NN29 7HN"), _NORTHANTS),
    ("West Northamptonshire", ("NN13 5TY", "NN4 8SF"), _NORTHANTS),
    # South West
    ("Cornwall", ("PL27 6FL", "TR16 4BY"), _CORNWALL),
    ("Plymouth", ("PL3 6LW", "PL6 5TX"), _PLYMOUTH),
    # North East and Yorkshire
    ("East Riding of Yorkshire", ("HU14 3QH", "YO16 4AZ"), _EAST_RIDING),
    ("Kingston upon Hull", ("HU5 2RU", "HU7 4ZR"), _HULL),
]

HELDOUT = [(pc, council, *cells) for council, pcs, cells in _COUNCILS for pc in pcs]
