"""How many patients practices and commissioners serve, from the practice list-size files:
the spread of list sizes on a figure date, the smallest and largest ICB, and the seed's two
example CCGs of 2016 (which CCGs they are is content: ``content/national.yaml``).

Domain answers only (plain dicts); the charts are drawn in web/.
"""

from __future__ import annotations

import datetime as dt
import statistics

from localnhs.eras import CCG_SNAPSHOT, ICB_ERA
from localnhs.query.structure import name_on
from localnhs.store import read


def list_size_distribution(conn, date: str, bin_width: int = 2000, cap: int = 40000) -> dict | None:
    """Histogram of registered patients per practice on a figure date; the last bin is 'cap and over'."""
    rows = read.figure_values(conn, "registered_patients", date)
    sizes = sorted(int(r["value"]) for r in rows if r["value"] > 0)
    if not sizes:
        return None
    bins = [{"lo": lo, "hi": lo + bin_width, "count": 0} for lo in range(0, cap, bin_width)]
    bins.append({"lo": cap, "hi": None, "count": 0})
    for s in sizes:
        bins[min(s // bin_width, len(bins) - 1)]["count"] += 1
    return {"date": date, "source": rows[0]["source"], "practices": len(sizes), "median": statistics.median(sizes),
            "min": sizes[0], "max": sizes[-1], "bin_width": bin_width, "bins": bins}


def list_size_dates(conn) -> list[str]:
    return read.figure_dates(conn, "registered_patients")


def icb_population_range(conn, figure_date: str | None = None, as_of: dt.date = ICB_ERA) -> dict | None:
    """Smallest and largest ICB by registered patients: the latest practice list sizes (figure_date),
    each practice counted in the ICB its sub-ICB location belonged to on as_of (by default the day
    ICBs began), and named as it was then."""
    dates = read.figure_dates(conn, "registered_patients")
    if not dates:
        return None
    fdate = figure_date or dates[-1]
    day = as_of.isoformat()
    rows = read.icb_registered_patients(conn, fdate, day)
    if not rows:
        return None
    total = sum(r["value"] for r in read.figure_values(conn, "registered_patients", fdate))
    icbs = [{"code": r["icb"], "name": name_on(conn, r["icb"], day), "patients": int(r["patients"]),
             "practices": r["practices"]} for r in rows]
    icbs.sort(key=lambda x: x["patients"])
    counted = sum(x["patients"] for x in icbs)
    return {"figure_date": fdate, "as_of": day, "icbs": len(icbs), "smallest": icbs[0], "largest": icbs[-1],
            "coverage": counted / total if total else None, "source": read.figure_values(conn, "registered_patients", fdate)[0]["source"],
            "method": (f"registered patients on {fdate} at each practice, counted in the ICB its sub-ICB location "
                       f"belonged to on {day}; practices closed before then are left out")}


def seed_commissioners(conn) -> list[dict]:
    """How many people a commissioner served: the CCGs the seed gives as examples (the seed figures
    in content/national.yaml that carry a CCG code), by their practices' registered patients on the
    last list-size date on or before April 2016, named as they were then."""
    from localnhs.content import load_national
    from localnhs.query.stats import commissioner_population

    then = CCG_SNAPSHOT.isoformat()
    dates = [d for d in read.figure_dates(conn, "registered_patients") if d <= then]
    if not dates:
        return []
    day = dates[-1]
    out = []
    for fig in load_national()["seed_figures"]:
        code = fig.get("ccg")
        if code:
            out.append({"code": code, "name": name_on(conn, code, day), "date": day, "seed_text": fig["text"],
                        "seed_value": fig["value"], "patients": commissioner_population(conn, code, day)})
    return out
