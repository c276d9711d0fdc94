"""What the place page shows first, chosen from the local system and the ways-in plan.

A resident's first question is "who do I go to, and who runs it here", so the page opens with
one line per body (nearest practices, the trusts, the council side, the commissioner), each
with its next step; then the three most useful ways to have a say. Rendering choices only:
the facts come from query/ unchanged.
"""

from __future__ import annotations

from localnhs.kinds import PLACE_ROLES, ROLES
from localnhs.web import org_href

ROLE_ORDER = PLACE_ROLES
ROLE_KEYS = {code: role.heading for code, role in ROLES.items()}
# The three ways in a resident can use first: their practice, local Healthwatch, and the
# body that plans and pays for care (a CCG before July 2022; the ICB since).
SAY_KINDS = (("gp_practice",), ("healthwatch",), ("ccg", "icb", "sub_icb_location"))


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _step_for(plan, code: str) -> dict | None:
    """The body's first way in, linked to where its page explains every way in."""
    for s in plan.steps:
        if s.body_code == code and s.ways_in:
            href = org_href({"kind": "gp_practice" if s.kind == "gp_practice" else "org", "code": code})
            return {"text": s.ways_in[0]["title"], "href": (href + "#ways-in") if href else "#ways-in",
                    "body": s.body_name}
    return None


def first_screen(ls, plan) -> list[dict]:
    """Rows of {key, body, detail, confidence, step}: who to go to, then who runs it here."""
    rows: list[dict] = []
    if ls.practices:
        p = ls.practices[0]
        others = [f"{o.practice.name} ({o.distance_km:.1f} km)" for o in ls.practices[1:3]]
        rows.append({"key": "GP practice", "body": p.practice, "kind": "gp_practice",
                     "detail": f"Nearest, {p.distance_km:.1f} km away" + (f". Also near: {'; '.join(others)}" if others else ""),
                     "step": _step_for(plan, p.practice.code)})
    by_trust: dict[str, list] = {}
    for role in ROLE_ORDER:
        for r in ls.trusts:
            if r.role == role and r.trust is not None:
                by_trust.setdefault(r.trust.code, []).append(r)
    for code, roles in by_trust.items():
        b = roles[0].trust
        keys = [ROLE_KEYS[r.role] for r in roles]
        key = _joined([keys[0]] + [k.lower() for k in keys[1:]])
        low = [r.confidence for r in roles if r.confidence and r.confidence != "high"]
        detail = ("Not an NHS trust: it provides NHS-funded services under contract" if b.kind == "independent_provider"
                  else "A foundation trust" if b.foundation_trust else "An NHS trust")
        rows.append({"key": key, "body": b, "kind": b.kind,
                     "detail": detail,
                     "confidence": low[0] if low else None, "step": _step_for(plan, code)})
    missing = [ROLE_KEYS[role] for role in ROLE_ORDER if not any(r.role == role and r.trust for r in ls.trusts)]
    for key in missing:
        rows.append({"key": key, "body": None, "detail": "Not found for this place: see how we assign trusts below"})
    for b in ls.councils:
        rows.append({"key": "Council", "body": b, "detail": b.label, "step": _step_for(plan, b.code)})
    if ls.hwb:
        rows.append({"key": "Health and Wellbeing Board", "body": ls.hwb, "detail": "Brings the council and NHS together",
                     "step": _step_for(plan, ls.hwb.code)})
    if ls.healthwatch:
        rows.append({"key": "Healthwatch", "body": ls.healthwatch, "detail": "The independent voice for patients",
                     "confidence": ls.healthwatch.confidence if ls.healthwatch.confidence != "high" else None,
                     "step": _step_for(plan, ls.healthwatch.code)})
    rows += _commissioner_rows(ls, plan)
    return rows


def _commissioner_rows(ls, plan) -> list[dict]:
    """Since July 2022 the ICB plans and pays (its sub-ICB location is a local team of it);
    before, the CCG did, under an NHS England area team."""
    chain = ls.commissioners
    if not chain:
        return [{"key": "Plans and pays for care", "body": None, "detail": "No commissioner found for this date"}]
    place = chain[0]
    icb = next((b for b in chain if b.kind == "icb"), None)
    if icb is not None and place.kind == "sub_icb_location":
        return [{"key": "Integrated care board", "body": icb,
                 "detail": f"Plans and pays for NHS care here, through its local team {_named(place)}",
                 "step": _step_for(plan, icb.code) or _step_for(plan, place.code)}]
    key = "Clinical commissioning group" if place.kind == "ccg" else place.label
    return [{"key": key, "body": place, "detail": "Plans and pays for NHS care here", "step": _step_for(plan, place.code)}]


def _named(b) -> str:
    """A name with its code once: ODS names of sub-ICB locations already end in the code."""
    return b.name if b.code in b.name else f"{b.name} ({b.code})"


def three_ways(plan) -> list[dict]:
    """The first way in of the practice, of Healthwatch and of the commissioner, in that order."""
    out = []
    for kinds in SAY_KINDS:
        step = next((s for s in plan.steps if s.kind in kinds and s.ways_in), None)
        if step is not None:
            w = step.ways_in[0]
            out.append({"body": step.body_name, "code": step.body_code, "title": w["title"], "text": w["text"]})
    return out
