"""National bodies in force on a date (NHS England, CQC, NICE; in 2016 also Monitor, the NHS Trust
Development Authority and Public Health England).

They are not in the ODS files we ship, so their names and dates live with the ways-in
content (content/bodies/*.yaml: valid_from / valid_to), reviewed like code.
"""

from __future__ import annotations

import datetime as dt

from localnhs import kinds
from localnhs.query.model import Body


def national_bodies(as_of: dt.date) -> list[Body]:
    from localnhs.content import load_bodies

    out = []
    for kind, c in load_bodies().items():
        if kind not in kinds.NATIONAL_BODIES:  # each its own content file, listed in the kinds registry
            continue
        start = str(c.valid_from) if c.valid_from else None
        end = str(c.valid_to) if c.valid_to else None
        d = as_of.isoformat()
        if (start and start > d) or (end and end < d):
            continue
        out.append(Body(code=kind.upper(), name=c.title, kind="national_body", label=kinds.label("national_body", as_of),
                        source="content/bodies/" + kind + ".yaml", opened=start, closed=end,
                        method="national: covers every place in England", confidence="high"))
    return out
