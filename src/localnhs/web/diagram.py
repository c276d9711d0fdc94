"""Server-rendered SVG (styled by classes in static/app.css: the CSP forbids inline styles) of a place's local system: who commissions, who provides, who
oversees, who regulates. Layered top (national) to bottom (practice); every label escaped."""

from __future__ import annotations

from xml.sax.saxutils import escape

W, BOX_W, BOX_H, GAP_Y = 960, 200, 54, 46
COLOURS = {"national": "#005eb8", "commissioner": "#007f3b", "provider": "#330072", "local": "#ae2573",
           "practice": "#4c6272"}


def _wrap(text: str, width: int = 28) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        if len(cur) + len(w) + 1 > width and cur:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    lines.append(cur)
    return lines[:2] if len(lines) <= 2 else [lines[0], lines[1][: width - 1] + "…"]


def local_system_svg(ls) -> str:
    """Rows: national bodies; region / ICB; commissioner + council/HWB/Healthwatch; trusts; practices."""
    rows: list[list[tuple[str, str, str, str]]] = []  # (id, title, subtitle, colour key)
    rows.append([(b.code, b.name, "regulates / oversees", "national") for b in ls.national][:4])
    comm = list(reversed(ls.commissioners))  # region first
    rows.append([(b.code, b.name, b.label, "commissioner") for b in comm[:-1]][:3])
    local = [(ls.commissioners[0].code, ls.commissioners[0].name, ls.commissioners[0].label, "commissioner")] if ls.commissioners else []
    local += [(b.code, b.name, b.label, "local") for b in ls.councils[:1]]
    local += [(b.code, b.name, b.label, "local") for b in (ls.hwb, ls.healthwatch) if b]
    rows.append(local[:4])
    rows.append([(r.trust.code, r.trust.name, r.role.replace("_", " ") + " trust", "provider")
                 for r in ls.trusts if r.trust][:4])
    rows.append([(p.practice.code, p.practice.name, f"GP practice, {p.distance_km:.1f} km", "practice")
                 for p in ls.practices[:3]])
    rows = [r for r in rows if r]
    pos: dict[str, tuple[float, float]] = {}
    parts = []
    y = 20
    for row in rows:
        n = len(row)
        step = W / n
        for i, (code, title, sub, colour) in enumerate(row):
            x = step * i + (step - BOX_W) / 2
            pos.setdefault(code, (x + BOX_W / 2, y))
            lines = _wrap(title)
            text = "".join(
                f'<text x="{x + 10:.0f}" y="{y + 18 + 14 * k:.0f}" class="t">{escape(line)}</text>' for k, line in enumerate(lines)
            )
            parts.append(
                f'<g><rect x="{x:.0f}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="4" fill="#fff" '
                f'stroke="{COLOURS[colour]}" stroke-width="3"/>{text}'
                f'<text x="{x + 10:.0f}" y="{y + BOX_H - 6}" class="s">{escape(sub[:34])}</text></g>'
            )
        y += BOX_H + GAP_Y
    edges = []

    def edge(a: str, b: str, label: str) -> None:
        if a in pos and b in pos and a != b:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            edges.append(
                f'<line x1="{x1:.0f}" y1="{y1 + BOX_H:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" class="e"/>'
                f'<text x="{(x1 + x2) / 2 + 4:.0f}" y="{(y1 + BOX_H + y2) / 2:.0f}" class="l">{escape(label)}</text>'
            )

    chain = ls.commissioners
    for upper, lower in zip(chain[1:], chain):
        edge(upper.code, lower.code, "oversees" if upper.kind == "region" else "includes")
    if chain:
        for r in ls.trusts:
            if r.trust:
                edge(chain[0].code, r.trust.code, "commissions")
        for p in ls.practices[:3]:
            edge(chain[0].code, p.practice.code, "commissions")
    for nb in ls.national:
        if nb.code in ("CQC", "MONITOR"):
            for r in ls.trusts[:1]:
                if r.trust:
                    edge(nb.code, r.trust.code, "regulates")
        if nb.code == "NHS_ENGLAND" and len(chain) > 1:
            edge(nb.code, chain[-1].code, "oversees")
    if ls.councils and ls.hwb:
        edge(ls.councils[0].code, ls.hwb.code, "runs")
    height = y
    title = f"How the NHS fits together for {ls.location.label} on {ls.as_of}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {height}" role="img" aria-labelledby="diagram-title" class="system-diagram">'
        f'<title id="diagram-title">{escape(title)}</title>'
        + "".join(edges) + "".join(parts) + "</svg>"
    )
