"""Ways in: the local system for a place joined with the ways-in content, closest body first.

Each step names the real body ("Warrington and Halton Teaching Hospitals NHS Foundation
Trust is a foundation trust: ...") and carries the content's sources and checked dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from localnhs.kinds import KINDS, council_tier, role_word
from localnhs.eras import ICB_ERA
from localnhs.query.local_system import local_system
from localnhs.query.contacts import contacts_for, display_name, practice_names
from localnhs.query.dates import AsOf, parse
from localnhs.query.model import Body, LocalSystem, to_dict
from localnhs.query.representatives import representatives


@dataclass
class Step:
    level: int
    kind: str                   # content kind (bodies/<kind>.yaml)
    body_code: str
    body_name: str
    role: str                   # why this body is on the list, in words
    what_it_does: list[str]
    duty_to_involve: list[str]
    ways_in: list[dict]         # {title, text, sources, checked}
    type_note: str | None = None
    sources: list[str] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)   # dated contacts or the official finder (query.contacts)
    next_step: str | None = None   # the concrete next step: the link or number, and what to look for there
    message: str | None = None     # a short message the resident can adapt


@dataclass
class EngagePlan:
    as_of: str
    place: str
    system: LocalSystem
    rights: list[dict]
    steps: list[Step]
    community_planning: list[dict]
    changes_since_2016: list[dict]
    representatives: dict | None = None   # constituency, MP, ward, councils (query.representatives)
    write_to: list[dict] = field(default_factory=list)   # "write to your MP / councillor", with names
    practices: list[dict] = field(default_factory=list)  # the nearest practices with their contacts


def _kind_for(b: Body, as_of: dt.date) -> str | None:
    """The ways-in content (content/bodies/<kind>.yaml) that speaks for the body on the date: its kind's
    (``kinds``), a foundation trust's or a district council's own, a national body's by its code."""
    if b.kind == "council" and council_tier(b.label) == "district":
        return "district_council"
    if b.kind == "nhs_trust" and b.foundation_trust:
        return "foundation_trust"
    if b.kind == "national_body":
        return b.code.lower()
    k = KINDS.get(b.kind)
    return k.content(as_of) if k else None


def _statements(content, section: str, when: dt.date, flags: set[str], **values) -> list[dict]:
    """The section's statements true on the date for this body (2016 or today, its council tier)."""
    return [{"title": s.title, "text": s.render(**values), "sources": list(s.sources), "checked": s.checked.isoformat()}
            for s in content.section(section) if s.applies(when, flags)]


def _flags(conn, b: Body, when: dt.date) -> set[str]:  # conn None: flags that need no lookup
    """What decides which statements fit this body: a council's tier; whether a sub-ICB location
    is the only one in its ICB (then its "place" is the ICB itself, worked with council by council)."""
    from localnhs.store import read

    if b.kind == "council":
        tier = council_tier(b.label)
        return {f"tier:{tier}"} if tier else set()
    if b.kind == "sub_icb_location" and conn is not None:
        parents = read.related_from(conn, b.code, "part_of", when.isoformat())
        siblings = read.related_to(conn, parents[0]["to_code"], "part_of", when.isoformat()) if parents else []
        subs = {r["from_code"] for r in siblings if (o := read.organisation(conn, r["from_code"]))
                and o["kind"] == "sub_icb_location"}
        return {"sole_sub_icb" if len(subs) == 1 else "shared_sub_icb"}
    return set()


def _day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


class _Safe(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def next_step(contacts: list, look_for: str | None) -> str | None:
    """'Go to https://... (NHS.UK, May 2019) or phone 01925 ...; then look for ...' from the contacts."""
    from localnhs.query.contacts import month

    bits = []
    for c in contacts:
        c = c if isinstance(c, dict) else to_dict(c)
        when = ""
        if c["kind"] != "finder" and c.get("as_of"):
            when = f" (listed by {c['listed_by']}, {month(c['as_of'])}{'; over two years old' if c.get('stale') else ''})"
        if c["kind"] == "website":
            bits.append(f"go to {c['value']}{when}")
        elif c["kind"] == "phone":
            bits.append(f"phone {c['value']}{when}")
        elif c["kind"] == "email":
            bits.append(f"email {c['value']}{when}")
        elif c["kind"] == "finder":
            bits.append(f"go to {c['value']}" + (f" ({c['about']})" if c.get("about") else ""))
    if not bits:
        return None
    text = "; or ".join(bits)
    text = text[0].upper() + text[1:]
    return f"{text}. Then: {look_for}." if look_for else text + "."


def _message(kind: str, **values) -> tuple[str | None, str | None]:
    from localnhs.content import load_contact_messages

    m = load_contact_messages().get(kind)
    if not m:
        return None, None
    return m["look_for"], m["message"].format_map(_Safe({k: v for k, v in values.items() if v}))


def _write_to(reps, place: str) -> list[dict]:
    """The 'write to your MP / councillor' ways in, with the right names."""
    out = []
    finders = [to_dict(c) for c in reps.write_to]
    if reps.mp:
        look, msg = _message("mp", mp=reps.mp.name, place=place, constituency=reps.mp.constituency)
        who = reps.mp.text + (" (this neighbourhood is split: " + "; ".join(o.text for o in reps.others) + ")"
                              if reps.split else "")
        out.append({"kind": "mp", "title": "Write to your MP", "to": who, "contacts": finders,
                    "next_step": next_step(finders, look), "message": msg, "sources": reps.sources})
    council = reps.councils[-1] if reps.councils else None
    if council:
        ward = reps.ward["name"] if reps.ward else None
        look, msg = _message("councillor", ward=ward or "your", council=council["name"], place=place)
        contacts = finders[1:] + council["contacts"]
        out.append({"kind": "councillor", "title": "Write to your councillors",
                    "to": f"the councillors for {ward} ward, {council['name']}" if ward
                    else f"your councillors on {council['name']}",
                    "contacts": contacts, "next_step": next_step(contacts, look), "message": msg,
                    "sources": [c["source"] for c in council["contacts"]]})
    return out


def engage(conn, query: str, as_of=None, system: LocalSystem | None = None) -> EngagePlan:
    """``system``: the place's local system when the caller already has it (the place page)."""
    from localnhs.content import load_bodies, load_community_planning

    ls = system or local_system(conn, query, as_of, n_practices=2)
    when = dt.date.fromisoformat(ls.as_of)
    bodies = load_bodies()
    place = ls.location.label
    entries: list[tuple[Body, str]] = []
    if ls.practices:
        p = ls.practices[0]
        entries.append((p.practice, f"your nearest GP practice ({p.distance_km:.1f} km)"))
        if p.pcn:
            entries.append((p.pcn, f"the primary care network {p.practice.name} belongs to"))
    for i, b in enumerate(ls.commissioners):
        entries.append((b, "commissions local health services" if i == 0 else b.label))
    for r in ls.trusts:
        if r.trust:
            entries.append((r.trust, f"your {role_word(r.role)} trust ({r.method})"))
    for b in ls.councils:
        entries.append((b, b.label.lower()))
    for b in (ls.hwb, ls.healthwatch):
        if b:
            entries.append((b, b.label.lower()))
    entries += [(b, "national") for b in ls.national]

    nearest = ls.practices[0].practice if ls.practices else None
    names = practice_names(conn, [p.practice.code for p in ls.practices])
    steps, seen = [], set()
    for b, role in entries:
        kind = _kind_for(b, when)
        if kind is None or kind not in bodies or (b.code, kind) in seen:
            continue
        if kind == "nhs_england" and any(k == kind for _, k in seen):
            continue  # one NHS England step: its closest team (local office, else region) stands for it
        seen.add((b.code, kind))
        c = bodies[kind]
        flags = _flags(conn, b, when)
        values = {"name": b.name, "place": place}
        note = None
        if b.kind == "nhs_trust" and b.trust_type and c.by_type:
            t = c.by_type.get(b.trust_type)
            if t is not None:
                first = [x.text for x in (t.get("statements", {}) or {}).get("what_it_does", [])
                         if x.applies(when, flags)]
                note = first[0].strip() if first else None
        ways = _statements(c, "ways_in", when, flags, **values)
        found = [to_dict(x) for x in contacts_for(conn, b, practice=nearest, as_of=when)]
        look, message = _message(kind, **values)
        shown = display_name(names, b.code, b.name) if b.kind == "gp_practice" else b.name
        steps.append(Step(
            level=c.level, kind=kind, body_code=b.code, body_name=shown, role=role,
            what_it_does=[s["text"] for s in _statements(c, "what_it_does", when, flags, **values)],
            duty_to_involve=[s["text"] for s in _statements(c, "duty_to_involve", when, flags, **values)],
            ways_in=ways, type_note=note,
            sources=sorted({s for w in ways for s in w["sources"]}),
            contacts=found, next_step=next_step(found, look), message=message,
        ))
    steps.sort(key=lambda s: s.level)

    names_by_kind: dict[str, list[str]] = {}
    for s in steps:
        names_by_kind.setdefault(s.kind, []).append(s.body_name)
    planning = []
    for item in load_community_planning():
        kinds = item.to
        if when < ICB_ERA and getattr(item, "to_2016", None):
            kinds = item.to_2016
        to = [n for k in kinds for n in names_by_kind.get(k, [])]
        text = item.text_2016 if when < ICB_ERA and item.text_2016 else item.text
        planning.append({"topic": item.topic, "to": to, "to_kinds": list(kinds), "text": text,
                         "sources": list(item.sources)})
    rights = []
    for c in bodies.values():
        for s in c.section("duty_to_involve"):
            if "nhs-constitution" in s.sources and s.applies(when):
                rights.append({"text": s.text, "sources": list(s.sources)})
                break
        if rights:
            break
    changes = []
    # In the order the steps name the kinds (a set's order would follow the process's hash seed, and
    # same-date events would then come out in a different order from one server process to the next).
    for kind in dict.fromkeys([*(s.kind for s in steps), *(["ccg"] if when >= ICB_ERA else [])]):
        for s in bodies[kind].section("changes_since_2016"):
            # Seen from a date before the change, it is a labelled later event ("Since 1 July 2022: ...").
            text = s.text if not s.date or s.date <= when else f"Since {_day(s.date)}: {s.text}"
            changes.append({"kind": kind, "date": s.date.isoformat() if s.date else None, "text": text,
                            "sources": list(s.sources)})
    changes.sort(key=lambda c: c["date"] or "")
    reps = representatives(conn, ls)
    practices = [{"code": p.practice.code, "name": display_name(names, p.practice.code, p.practice.name),
                  "ods_name": p.practice.name, "nhsuk_name": names.get(p.practice.code),
                  "distance_km": round(p.distance_km, 2),
                  "contacts": [to_dict(c) for c in contacts_for(conn, p.practice)]} for p in ls.practices]
    return EngagePlan(ls.as_of, place, ls, rights, steps, planning, changes,
                      representatives=to_dict(reps), write_to=_write_to(reps, place), practices=practices)


def ways_in_for(b: Body, as_of: AsOf | dt.date | None, place: str | None = None) -> dict | None:
    """The ways-in content for one body's kind on the date (the same choice as the plan's), filled
    with its name: what it does and decides, its duty to involve, the ways in, community planning."""
    from localnhs.content import load_bodies

    when = parse(as_of)
    kind = _kind_for(b, when)
    bodies = load_bodies()
    if kind is None or kind not in bodies:
        return None
    c = bodies[kind]
    values = {"name": b.name, "place": place or "your area"}
    flags = _flags(None, b, when)
    sections = ("what_it_does", "what_it_decides", "duty_to_involve", "ways_in", "community_planning")
    return {"kind": kind, "title": c.title, **{s: _statements(c, s, when, flags, **values) for s in sections}}
