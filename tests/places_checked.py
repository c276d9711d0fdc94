"""Places checked by hand against what each trust and commissioner publishes about its own area
(trust 'about us' pages, CCG/ICB lists of member practices and providers), 2016 and today.

Each row: postcode, region, then for 2016-04-01 and for today: commissioner (ODS), mental-health
trust, community provider. Community: a trust code where a standalone NHS community trust
serves the place; None where community services are run by the acute or mental-health trust or
a non-NHS provider (the tool must then say it does not know, not guess). MH and community
answers are how a *successor* is shown when a trust merged away (RY2 -> RWW from 2026-04-01).
"""

CHECKED = [
    # postcode     region   2016: ccg, mh, community          today: sub-ICB, icb, mh, community
    ("WA5 1QG", "North West", ("02E", "RTV", "RY2"), ("02E", "QYG", "RW4", "RWW")),
    ("L7 8XP", "North West", ("99A", "RW4", "RY1"), ("99A", "QYG", "RW4", "RW4")),
    ("M13 9WL", "North West", ("00W", "TAE", None), ("14L", "QOP", "RXV", None)),
    ("CH1 2HN", "North West", ("02F", "RXA", "RXA"), ("27D", "QYG", "RXA", "RXA")),
    ("NE1 4LP", "North East and Yorkshire", ("13T", "RX4", None), ("13T", "QHM", "RX4", None)),
    ("LS1 3EX", "North East and Yorkshire", ("03G", "RGD", "RY6"), ("15F", "QWO", "RGD", "RY6")),
    ("BD5 0NA", "North East and Yorkshire", ("02W", "TAD", "TAD"), ("36J", "QWO", "TAD", "TAD")),
    ("S10 2JF", "North East and Yorkshire", ("03N", "TAH", None), ("03N", "QF7", "TAH", None)),
    ("HU3 2JZ", "North East and Yorkshire", ("03F", "RV9", None), ("03F", "QOQ", "RV9", None)),
    ("CA2 7HY", "North East and Yorkshire", ("01H", "RNN", None), ("01H", "QHM", "RX4", None)),
    ("NN17 1AB", "Midlands", ("03V", "RP1", None), ("78H", "QPM", "RP1", None)),
    ("B1 1BB", "Midlands", ("05L", "RXT", "RYW"), ("15E", "QHL", "RXT", "RYW")),
    ("NG7 2UH", "Midlands", ("04K", "RHA", None), ("52R", "QT1", "RHA", None)),
    ("LE1 5WW", "Midlands", ("04C", "RT5", None), ("04C", "QK1", "RT5", None)),
    ("ST4 6QG", "Midlands", ("05W", "RLY", "R1E"), ("05W", "QNC", "RLY", "RRE")),
    ("SY1 1AA", "Midlands", ("05N", "RRE", "R1D"), ("M2L0M", "QOC", "RRE", "R1D")),
    ("CB2 0QQ", "East of England", ("06H", "RT1", "RYV"), ("06H", "QUE", "RT1", "RY3")),
    ("NR4 7UY", "East of England", ("06Y", "RMY", "RY3"), ("26A", "QMM", "RMY", "RY3")),
    ("SE1 7EH", "London", ("08K", "RV5", None), ("72Q", "QKK", "RV5", None)),
    ("NW1 0PE", "London", ("07R", "TAF", None), ("93C", "QMJ", "G6V2S", None)),
    ("SO16 6YD", "South East", ("10X", "RW1", "R1C"), ("D9Y0V", "QRL", "RW1", "RW1")),
    ("BN2 5BE", "South East", ("09D", "RX2", "RDR"), ("09D", "QNX", "RX2", "RDR")),
    ("OX3 9DU", "South East", ("10Q", "RNU", None), ("10Q", "QU9", "RNU", None)),
    ("PO30 5TG", "South East", ("10L", "R1F", "R1F"), ("D9Y0V", "QRL", "R1F", "R1F")),
    ("BS1 5NB", "South West", ("11H", "RVN", None), ("15C", "QUY", "RVN", None)),
    ("EX2 5DW", "South West", ("99P", "RWV", None), ("15N", "QJK", "RWV", None)),
    ("TR1 3LJ", "South West", ("11N", "RJ8", None), ("11N", "QT6", "RJ8", None)),
]

# Acute trust (2016, today) and ambulance service for the same places, checked the same way.
ACUTE = {
    "WA5 1QG": ("RWW", "RWW"), "L7 8XP": ("RQ6", "REM"), "M13 9WL": ("RW3", "R0A"), "CH1 2HN": ("RJR", "RJR"),
    "NE1 4LP": ("RTD", "RTD"), "LS1 3EX": ("RR8", "RR8"), "BD5 0NA": ("RAE", "RAE"), "S10 2JF": ("RHQ", "RHQ"),
    "HU3 2JZ": ("RWA", "RWA"), "CA2 7HY": ("RNL", "RNN"), "NN17 1AB": ("RNQ", "RNQ"), "B1 1BB": ("RXK", "RXK"),
    "NG7 2UH": ("RX1", "RX1"), "LE1 5WW": ("RWE", "RWE"), "ST4 6QG": ("RJE", "RJE"), "SY1 1AA": ("RXW", "RXW"),
    "CB2 0QQ": ("RGT", "RGT"), "NR4 7UY": ("RM1", "RM1"), "SE1 7EH": ("RJ1", "RJ1"), "NW1 0PE": ("RRV", "RRV"),
    "SO16 6YD": ("RHM", "RHM"), "BN2 5BE": ("RXH", "RYR"), "OX3 9DU": ("RTH", "RTH"), "PO30 5TG": ("R1F", "R1F"),
    "BS1 5NB": ("RA7", "RA7"), "EX2 5DW": ("RH8", "RH8"), "TR1 3LJ": ("REF", "REF"),
}
AMBULANCE = {
    "WA5 1QG": "RX7", "L7 8XP": "RX7", "M13 9WL": "RX7", "CH1 2HN": "RX7", "CA2 7HY": "RX7",
    "NE1 4LP": "RX6", "LS1 3EX": "RX8", "BD5 0NA": "RX8", "S10 2JF": "RX8", "HU3 2JZ": "RX8",
    "NN17 1AB": "RX9", "NG7 2UH": "RX9", "LE1 5WW": "RX9", "B1 1BB": "RYA", "ST4 6QG": "RYA", "SY1 1AA": "RYA",
    "CB2 0QQ": "RYC", "NR4 7UY": "RYC", "SE1 7EH": "RRU", "NW1 0PE": "RRU", "SO16 6YD": "RYE", "OX3 9DU": "RYE",
    "BN2 5BE": "RYD", "PO30 5TG": "R1F", "BS1 5NB": "RYF", "EX2 5DW": "RYF", "TR1 3LJ": "RYF",
}
