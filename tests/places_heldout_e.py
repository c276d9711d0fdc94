"""A sixth held-out evaluation set, frozen before it was ever scored: 42 places, two in each of 21 councils,
three in each of the seven NHS England regions, nobody tuned to.

Work in progress: this first version fixes the councils and the postcodes only; no cell has been researched.

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
