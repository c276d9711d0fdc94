"""Rich renderings of query results for the terminal. Presentation only."""

from __future__ import annotations

from rich.panel import Panel
from rich.table import Table

from localnhs.kinds import role_word



def _b(b) -> str:
    if b is None:
        return "-"
    s = f"{b.name} ({b.code})" if b.code else b.name
    if b.successor:
        s += f" -> now {b.successor.name} ({b.successor.code}) from {b.successor.date}"
    return s


def local_system_tables(ls):
    loc = ls.location
    head = f"[bold]{loc.label}[/] - as of {ls.as_of}"
    if loc.lat is not None:
        head += f"  ({loc.lat:.4f}, {loc.lon:.4f})"
    lines = [head] + [f"[yellow]{n}[/]" for n in ls.notes]
    yield Panel("\n".join(lines), title="localnhs")
    t = Table(title="Who runs the NHS here", show_lines=False)
    for c in ("role", "body", "how we know"):
        t.add_column(c)
    for b in ls.commissioners:
        t.add_row(b.label, _b(b), b.method or "")
    for b in ls.councils:
        t.add_row(b.label, _b(b), b.method or "")
    if ls.ward:
        t.add_row("Ward", f"{ls.ward.name} ({ls.ward.code})", f"ONS ward {ls.ward.vintage}")
    for b in (ls.hwb, ls.healthwatch):
        if b:
            t.add_row(b.label, _b(b), b.method or "")
    for r in ls.trusts:
        ft = " - foundation trust" if r.trust and r.trust.foundation_trust else ""
        t.add_row(role_word(r.role, "table"), _b(r.trust) + ft, f"{r.method} [{r.confidence}]" + (f"\n{r.note}" if r.note else ""))
    for b in ls.national:
        t.add_row("National", b.name, "")
    yield t
    p = Table(title="Nearest GP practices")
    for c in ("practice", "km", "patients", "PCN", "commissioner"):
        p.add_column(c)
    for x in ls.practices:
        size = f"{x.list_size:,} ({x.list_size_date[:7]})" if x.list_size else "-"
        p.add_row(_b(x.practice), f"{x.distance_km:.1f}", size, x.pcn.name if x.pcn else "-",
                  (x.commissioner.name if x.commissioner else "-") + (" *" if x.note else ""))
    yield p
    if any(x.note for x in ls.practices):
        yield "[dim]* commissioned by a different body from the place: practice lists do not follow boundaries.[/]"


def organisation_tables(v):
    b = v.body
    lines = [f"[bold]{b.name}[/] ({b.code}) - {b.label}", f"as of {v.as_of}; source {b.source}"]
    if v.address:
        lines.append(f"{v.address} {v.postcode or ''}")
    if b.opened or b.closed:
        lines.append(f"open {b.opened or '?'} - {b.closed or 'now'}")
    for succ in v.successors:
        lines.append(f"succeeded by {succ.name} ({succ.code}) on {succ.date}")
    yield Panel("\n".join(lines), title="organisation")
    t = Table(title="Relationships on the date")
    for c in ("relation", "code", "name", "from", "to", "source"):
        t.add_column(c)
    for l in v.current:
        t.add_row(l.relation, l.code, l.name, l.valid_from or "", l.valid_to or "", l.source)
    yield t
    for rel, n in v.counts.items():
        if n:
            yield f"{rel}: {n}"
    if v.history:
        h = Table(title="History")
        for c in ("relation", "code", "name", "from", "to"):
            h.add_column(c)
        for l in v.history:
            h.add_row(l.relation, l.code, l.name, l.valid_from or "", l.valid_to or "")
        yield h
    if v.areas:
        yield "areas: " + "; ".join(f"{a['type']} {a['vintage']} {a['code']} {a['name']}" for a in v.areas)
    for measure, rows in v.figures.items():
        yield f"{measure}: " + ", ".join(f"{r['date']}: {int(r['value']):,}" for r in rows)


def engage_text(plan):
    yield Panel(f"[bold]How to get a say: {plan.place}[/] - as of {plan.as_of}", title="localnhs engage")
    for r in plan.rights:
        yield f"[italic]{r['text']}[/]  [dim]({', '.join(r['sources'])})[/]"
    for s in plan.steps:
        yield f"\n[bold]{s.body_name}[/] - {s.role}"
        if s.type_note:
            yield f"  {s.type_note}"
        for w in s.ways_in:
            yield f"  - [bold]{w['title']}[/]: {w['text']}  [dim]({', '.join(w['sources'])})[/]"
        if s.next_step:
            yield f"  [bold]Next step:[/] {s.next_step}"
        if s.message:
            yield f"  [italic]Message you can adapt:[/] {s.message}"
    for w in plan.write_to:
        yield f"\n[bold]{w['title']}[/] - {w['to']}"
        if w["next_step"]:
            yield f"  [bold]Next step:[/] {w['next_step']}"
        if w["message"]:
            yield f"  [italic]Message you can adapt:[/] {w['message']}"
    for note in (plan.representatives or {}).get("notes", []):
        yield f"  [dim]{note}[/]"
    yield "\n[bold]For neighbourhood forums and plans[/]"
    for c in plan.community_planning:
        to = ", ".join(c["to"]) or ", ".join(c["to_kinds"])
        yield f"  - [bold]{c['topic']}[/] -> {to}: {c['text']}"
    if plan.changes_since_2016:
        yield "\n[bold]What changed since 2016[/]"
        for c in plan.changes_since_2016:
            yield f"  - {c['date']}: {c['text']}"
