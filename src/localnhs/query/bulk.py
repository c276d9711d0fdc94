"""Bulk enrichment: one compact row per postcode (commissioner, ICB, region, councils,
trusts), errors per item so one bad postcode never fails the batch."""

from __future__ import annotations

from localnhs.query.commissioners import commissioners, footprint
from localnhs.query.councils import councils
from localnhs.query.dates import parse
from localnhs.query.errors import QueryError
from localnhs.query.places import locate
from localnhs.query.postcode import normalise
from localnhs.query.trusts import acute, ambulance


def enrich_one(conn, query: str, when) -> dict:
    pcd = normalise(query)
    loc = locate(conn, pcd)
    chain = commissioners(conn, loc, when)
    cs, hwb, hw = councils(conn, loc, when)
    fp = footprint(conn, chain, when)
    a, amb = acute(conn, loc, when, fp), ambulance(conn, loc, when)
    return {
        "postcode": loc.postcode, "status": loc.status, "lat": loc.lat, "lon": loc.lon,
        "lsoa11": loc.lsoa11, "lsoa21": loc.lsoa21,
        "commissioner_code": chain[0].code if chain else None, "commissioner": chain[0].name if chain else None,
        "icb_or_area_code": chain[1].code if len(chain) > 1 else None,
        "icb_or_area": chain[1].name if len(chain) > 1 else None,
        "region_code": chain[-1].code if len(chain) > 2 else None, "region": chain[-1].name if len(chain) > 2 else None,
        "council_codes": [c.code for c in cs], "councils": [c.name for c in cs],
        "healthwatch": hw.name if hw else None,
        "acute_trust_code": a.trust.code if a.trust else None, "acute_trust": a.trust.name if a.trust else None,
        "acute_method": a.method,
        "ambulance_trust_code": amb.trust.code if amb.trust else None,
    }


def enrich(conn, postcodes, as_of=None):
    when = parse(as_of)
    for q in postcodes:
        try:
            yield {"query": q, "result": enrich_one(conn, q, when)}
        except QueryError as exc:
            yield {"query": q, "result": exc}
